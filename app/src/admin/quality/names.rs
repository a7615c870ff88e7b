//! Names typed in capitals ("VAN DER MERWE", "O'BRIEN") and the way they are written.
//!
//! Written here rather than taken from a crate: the title-case crates follow English
//! headline rules, and the name crates parse whole English names; neither knows that a
//! Dutch, Afrikaans, German or Portuguese surname keeps its particle lower case.

/// "JOHN" and "VAN DER BERG" are in capitals; "Jo", "J." and "IBM" (three letters or
/// fewer) are not flagged.
pub fn in_capitals(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() > 3 && letters.iter().all(|c| c.is_uppercase())
}

/// Words that join a surname to its family's origin and stay lower case before it ("van
/// der Merwe", "de Vries", "von Trapp", "dos Santos", "da Silva", "ter Horst").
const PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "del", "della", "di", "da", "das", "do", "dos", "du", "te", "ter", "ten", "zu",
    "zum", "zur", "vom", "het", "'t", "in", "op", "la",
];

/// A name as it is written: "VAN DER MERWE" → "van der Merwe", "O'BRIEN" → "O'Brien",
/// "MCDONALD" → "McDonald", "BERG-MÜLLER" → "Berg-Müller". A particle stays lower case
/// only before another word: "DE" alone is the surname "De".
pub fn title_case(name: &str) -> String {
    let words: Vec<&str> = name.split(' ').collect();
    let last = words.iter().rposition(|w| !w.is_empty()).unwrap_or(0);
    words
        .iter()
        .enumerate()
        .map(|(i, word)| {
            let lower = word.to_lowercase();
            if i < last && PARTICLES.contains(&lower.as_str()) { lower } else { title_word(word) }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// One word: its first letter upper case, and the first after a hyphen; after an
/// apostrophe only behind one letter (O'Brien, D'Arcy, but not "Ngā'i"); after "Mc".
fn title_word(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut upper_next = true;
    let mut letters_before = 0;
    let mut part_start = 0;
    for c in word.chars() {
        if c.is_alphabetic() {
            if upper_next {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            letters_before += 1;
            // "Mc" is always a prefix; "Mac" is not (Mack, Macy, Machado).
            upper_next = &out[part_start..] == "Mc";
        } else {
            out.push(c);
            upper_next = c == '-' || (c == '\'' && letters_before == 1);
            if c == '-' {
                letters_before = 0;
                part_start = out.len();
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_capitals_are_found() {
        assert!(in_capitals("JOHN"));
        assert!(in_capitals("VAN DER BERG"));
        assert!(in_capitals("АЛЕКСАНДР"));
        assert!(!in_capitals("IBM"));
        assert!(!in_capitals("John"));
        assert!(!in_capitals("J."));
    }

    #[test]
    fn names_are_written_as_their_people_write_them() {
        for (typed, written) in [
            ("VAN DER MERWE", "van der Merwe"),
            ("DE VRIES", "de Vries"),
            ("VON TRAPP", "von Trapp"),
            ("DOS SANTOS", "dos Santos"),
            ("MARIA DA SILVA", "Maria da Silva"),
            ("TER HORST", "ter Horst"),
            ("O'BRIEN", "O'Brien"),
            ("D'ARCY", "D'Arcy"),
            ("MCDONALD", "McDonald"),
            ("MACHADO", "Machado"),
            ("MC", "Mc"),
            ("BERG-MÜLLER", "Berg-Müller"),
            ("JANSEN-MCKAY", "Jansen-McKay"),
            ("DE", "De"),
            ("ДОСТОЕВСКИЙ", "Достоевский"),
            ("ÅSA", "Åsa"),
            ("JAN  DE  VRIES", "Jan  de  Vries"),
        ] {
            assert_eq!(title_case(typed), written, "{typed}");
        }
    }
}
