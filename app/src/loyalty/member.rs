//! A customer's loyalty card number: 8 characters of Crockford's base32 (no I, L, O, U, so
//! nothing reads as another character), 40 random bits, shown as `XXXX-XXXX`, and the QR
//! code that carries it for the till's scanner.

use serde::{Deserialize, Serialize};

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A card as staff see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    /// `XXXX-XXXX`.
    pub code: String,
    pub joined_at: String,
}

/// What a printed card shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrintableCard {
    pub site_name: String,
    pub name: String,
    pub code: String,
    /// The QR code of the card number, an SVG drawn by the server from it alone.
    pub svg: String,
}

/// A card number from 5 random bytes, as stored (no dash).
pub fn code_from(bytes: [u8; 5]) -> String {
    let n = bytes.iter().fold(0u64, |n, b| (n << 8) | u64::from(*b));
    (0..8).rev().map(|i| ALPHABET[((n >> (i * 5)) & 31) as usize] as char).collect()
}

/// The stored number as printed.
pub fn display(code: &str) -> String {
    match code.get(..4).zip(code.get(4..)) {
        Some((a, b)) => format!("{a}-{b}"),
        None => code.to_owned(),
    }
}

/// What staff typed or scanned, as a stored number if it can be one: case, dashes and
/// spaces ignored, and the letters Crockford reads as digits (O as 0, I and L as 1).
pub fn normalise(typed: &str) -> Option<String> {
    let code: String = typed
        .chars()
        .filter(|c| !matches!(c, '-' | ' '))
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        })
        .collect();
    (code.len() == 8 && code.bytes().all(|b| ALPHABET.contains(&b))).then_some(code)
}

/// The card number's QR code as an SVG image.
#[cfg(feature = "ssr")]
pub fn qr_svg(code: &str) -> Option<String> {
    use qrcode::render::svg;
    let qr = qrcode::QrCode::new(display(code).as_bytes()).ok()?;
    Some(qr.render::<svg::Color<'_>>().min_dimensions(160, 160).quiet_zone(true).build())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_is_eight_unambiguous_characters_and_reads_back_however_typed() {
        let code = code_from([0xde, 0xad, 0xbe, 0xef, 0x01]);
        assert_eq!(code.len(), 8);
        assert!(code.bytes().all(|b| ALPHABET.contains(&b)));
        assert_eq!(code_from([0; 5]), "00000000");
        assert_eq!(code_from([0xff; 5]), "ZZZZZZZZ");
        let shown = display(&code);
        assert_eq!(normalise(&shown), Some(code.clone()));
        assert_eq!(normalise(&shown.to_lowercase().replace('-', " ")), Some(code));
        assert_eq!(normalise("oooo-llll"), Some("00001111".to_owned()));
        assert_eq!(normalise("0612345678"), None, "a phone number is not a card");
        assert_eq!(normalise("UUUU-UUUU"), None);
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn the_qr_code_is_an_svg() {
        let svg = qr_svg("7K3M9QXD").unwrap();
        assert!(svg.starts_with("<?xml") && svg.contains("<svg"), "{svg}");
    }
}
