//! When two customer records are likely one person. Pure functions over plain fields, so
//! the rules are tested on their own and the finder only feeds them candidate pairs.
//!
//! A pair is a likely duplicate when
//! - their emails are the same after normalisation (case, `+tags`, Gmail's dots), or
//! - their phones end in the same nine digits (`0612345678` is `+31 6 1234 5678`), unless
//!   both first names are given and differ (a household shares a landline), or
//! - they live at the same street and postcode, and both names match: last names equal
//!   after folding accents and scripts (Иванова is Ivanova) or one typo apart; first
//!   names equal (in either script), a known short form of
//!   each other (Rob/Robert, Sasha/Aleksandr), one typo apart, or an initial.
//!
//! A shared address alone is not enough: families live together.

pub use super::Reason;
use super::nicknames::NICKNAMES;

/// What a candidate needs to be compared.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Person {
    pub id: i64,
    pub first_name: String,
    pub last_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub street: String,
    pub postcode: String,
}

/// Lower-case Latin letters and digits only: any script in Latin letters (deunicode:
/// "Александр" → "aleksandr"), accents folded (ß → ss, æ → ae, ø → o), everything else
/// dropped: "Müller-Lüdenscheidt" → "mullerludenscheidt", "ул. Ленина 5" → "ullenina5".
pub fn fold(s: &str) -> String {
    deunicode::deunicode(s).chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect()
}

/// Whether a name is written (partly) in Cyrillic letters.
fn cyrillic(s: &str) -> bool {
    s.chars().any(|c| matches!(c, '\u{0400}'..='\u{04FF}'))
}

/// A folded name without the differences between the usual ways Russian is written in
/// Latin letters, so that "Юлия" (iuliia), "Yulia" and "Julia" meet, and "Алексей"
/// (aleksei) and "Alexey": x → ks, y and j → i, w → v, a letter doubled written once.
/// Used only when one of the two names was written in Cyrillic: between two Latin
/// spellings "Jan" and "Ian" stay two names.
fn latin_spelling(folded: &str) -> String {
    let mut out = String::with_capacity(folded.len() + 2);
    let mut push = |c: char| {
        if !out.ends_with(c) {
            out.push(c);
        }
    };
    for c in folded.chars() {
        match c {
            'x' => {
                push('k');
                push('s');
            }
            'y' | 'j' => push('i'),
            'w' => push('v'),
            c => push(c),
        }
    }
    out
}

/// Two names made comparable: folded, and when either was written in Cyrillic (the
/// returned flag), both in one Latin spelling.
fn comparable(a: &str, b: &str) -> (String, String, bool) {
    let (a, b, across) = (fold(a), fold(b), cyrillic(a) || cyrillic(b));
    if across { (latin_spelling(&a), latin_spelling(&b), true) } else { (a, b, false) }
}

/// The mailbox an address reaches: lower case, `+tag` dropped, and for Gmail the dots in
/// the local part too (Gmail ignores them).
pub fn email_key(email: &str) -> Option<String> {
    let email = email.trim().to_lowercase();
    let (local, domain) = email.rsplit_once('@')?;
    let local = local.split('+').next().unwrap_or(local);
    let domain = if domain == "googlemail.com" { "gmail.com" } else { domain };
    let local = if domain == "gmail.com" { local.replace('.', "") } else { local.to_owned() };
    (!local.is_empty()).then(|| format!("{local}@{domain}"))
}

/// The last nine digits of a phone number: the subscriber number without country or trunk
/// prefix in most European numbering plans. Shorter numbers match only whole.
pub fn phone_key(phone: &str) -> Option<String> {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    match digits.len() {
        0..6 => None,
        6..=9 => Some(digits),
        n => Some(digits[n - 9..].to_owned()),
    }
}

/// Street and postcode folded, or none when either is missing.
pub fn address_key(street: &str, postcode: &str) -> Option<String> {
    let (s, p) = (fold(street), fold(postcode));
    (!s.is_empty() && !p.is_empty()).then(|| format!("{s}|{p}"))
}

/// Edit distance with transpositions (optimal string alignment), stopping early past 2.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > 2 {
        return 3;
    }
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

/// One typo apart, for names long enough that one letter does not make another name
/// ("Jan" and "Jana" are two people; "Jonh" is John).
fn one_typo(a: &str, b: &str) -> bool {
    a.chars().count() >= 4 && b.chars().count() >= 4 && edit_distance(a, b) <= 1
}

/// Whether two comparable first names are known forms of one name; `across` scripts the
/// known forms are compared in their Latin spelling too.
pub fn nicknames(a: &str, b: &str, across: bool) -> bool {
    NICKNAMES.iter().any(|group| {
        let has = |x: &str| group.iter().any(|n| if across { latin_spelling(n) == x } else { *n == x });
        has(a) && has(b)
    })
}

/// First names that may be one person's: equal, short forms, a typo, or an initial, in
/// Latin or Cyrillic letters.
pub fn first_names_match(a: &str, b: &str) -> bool {
    let (a, b, across) = comparable(a, b);
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let initial = |x: &str, y: &str| x.chars().count() == 1 && y.starts_with(x);
    a == b || nicknames(&a, &b, across) || one_typo(&a, &b) || initial(&a, &b) || initial(&b, &a)
}

pub fn last_names_match(a: &str, b: &str) -> bool {
    let (a, b, _) = comparable(a, b);
    !a.is_empty() && (a == b || one_typo(&a, &b))
}

/// Why `a` and `b` are likely one customer, strongest reason first; empty when they are not.
pub fn reasons(a: &Person, b: &Person) -> Vec<Reason> {
    let mut why = Vec::new();
    let same = |x: Option<String>, y: Option<String>| x.is_some() && x == y;
    if same(a.email.as_deref().and_then(email_key), b.email.as_deref().and_then(email_key)) {
        why.push(Reason::SameEmail);
    }
    let both_named = !fold(&a.first_name).is_empty() && !fold(&b.first_name).is_empty();
    if same(a.phone.as_deref().and_then(phone_key), b.phone.as_deref().and_then(phone_key))
        && (!both_named || first_names_match(&a.first_name, &b.first_name))
    {
        why.push(Reason::SamePhone);
    }
    if same(address_key(&a.street, &a.postcode), address_key(&b.street, &b.postcode))
        && first_names_match(&a.first_name, &b.first_name)
        && last_names_match(&a.last_name, &b.last_name)
    {
        why.push(Reason::SameAddressAndName);
    }
    why
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(first: &str, last: &str, email: &str, phone: &str, street: &str, postcode: &str) -> Person {
        Person {
            id: 0,
            first_name: first.into(),
            last_name: last.into(),
            email: (!email.is_empty()).then(|| email.into()),
            phone: (!phone.is_empty()).then(|| phone.into()),
            street: street.into(),
            postcode: postcode.into(),
        }
    }

    #[test]
    fn keys_normalise_what_people_type_differently() {
        assert_eq!(email_key("Anna.Smith+shop@GoogleMail.com"), email_key("annasmith@gmail.com"));
        assert_ne!(email_key("anna.smith@example.com"), email_key("annasmith@example.com"));
        assert_eq!(phone_key("+31 6 1234 5678"), phone_key("06-12345678"));
        assert_eq!(phone_key("12"), None);
        assert_eq!(address_key("Haupt-Straße 5", "80 331"), address_key("hauptstrasse 5", "80331"));
        assert_eq!(fold("Müller"), "muller");
        assert_eq!(fold("Øystein Strauß"), "oysteinstrauss");
        assert_eq!(address_key("ул. Ленина 5", "190000"), address_key("ul. Lenina 5", "190000"));
    }

    #[test]
    fn short_forms_typos_and_initials_match_but_other_names_do_not() {
        for (a, b) in [
            ("Rob", "Robert"),
            ("Bill", "William"),
            ("Liz", "Elizabeth"),
            ("Jan", "Johannes"),
            ("Sasha", "Aleksandr"),
            ("Jonh", "John"),
            ("R.", "Robert"),
            ("Katja", "Katharina"),
        ] {
            assert!(first_names_match(a, b), "{a} / {b}");
        }
        for (a, b) in [("Jan", "Jana"), ("Anna", "Ben"), ("Peter", "Paul"), ("Rob", "Bill"), ("", "Anna")] {
            assert!(!first_names_match(a, b), "{a} / {b}");
        }
        // Across scripts, in the Latin spellings people use for Russian names.
        for (a, b) in [
            ("Александр", "Aleksandr"),
            ("Александр", "Alexander"),
            ("Саша", "Aleksandr"),
            ("Alexander", "Саша"),
            ("Алексей", "Alexey"),
            ("Юлия", "Yulia"),
            ("Юлия", "Julia"),
            ("Дмитрий", "Dmitry"),
            ("Наталья", "Natalya"),
            ("Татьяна", "Tatiana"),
            ("Сергей", "Sergey"),
            ("Владимир", "Wladimir"),
        ] {
            assert!(first_names_match(a, b), "{a} / {b}");
        }
        for (a, b) in [("Александр", "Anna"), ("Ольга", "Olivia"), ("Jan", "Ian"), ("Иван", "Ilya")] {
            assert!(!first_names_match(a, b), "{a} / {b}");
        }
        assert!(last_names_match("Иванова", "Ivanova"));
        assert!(last_names_match("Кузнецов", "Kuznetsov"));
        assert!(last_names_match("Чайковский", "Tchaikovsky"));
        assert!(!last_names_match("Иванов", "Petrov"));
        assert!(last_names_match("Müller", "Muller"));
        assert!(last_names_match("Mueller", "Muller"));
        assert!(!last_names_match("Smith", "Smyth-Jones"));
    }

    #[test]
    fn a_family_at_one_address_is_not_one_customer() {
        let rob = person("Rob", "Smith", "rob@example.com", "", "High Street 1", "YO1 7HH");
        let robert = person("Robert", "Smith", "", "", "High St 1", "YO1 7HH");
        let anna = person("Anna", "Smith", "anna@example.com", "", "High Street 1", "YO1 7HH");
        assert_eq!(reasons(&rob, &robert), Vec::<Reason>::new(), "'High St' is not 'High Street'");
        let robert = person("Robert", "Smith", "", "", "High Street 1", "YO1 7HH");
        assert_eq!(reasons(&rob, &robert), [Reason::SameAddressAndName]);
        assert!(reasons(&rob, &anna).is_empty());
    }

    #[test]
    fn a_shared_landline_joins_only_matching_first_names() {
        let maria = person("Maria", "Rossi", "", "030 1234567", "", "");
        let peter = person("Peter", "Rossi", "", "+49 30 1234567", "", "");
        let m2 = person("Marie", "Rossi", "", "+49 30 1234567", "", "");
        assert!(reasons(&maria, &peter).is_empty());
        assert_eq!(reasons(&maria, &m2), [Reason::SamePhone]);
        let nameless = person("", "", "", "0301234567", "", "");
        assert_eq!(reasons(&maria, &nameless), [Reason::SamePhone]);
    }

    #[test]
    fn edit_distance_counts_swaps_as_one() {
        assert_eq!(edit_distance("john", "jonh"), 1);
        assert_eq!(edit_distance("anna", "anne"), 1);
        assert_eq!(edit_distance("abc", "abcdef"), 3);
    }
}
