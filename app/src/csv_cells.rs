//! CSV as Patron writes it for spreadsheets and mail tools: RFC 4180 lines whose cells a
//! spreadsheet cannot run as formulas. Every export (segments, purchases, a customer's
//! data) writes its lines here.

/// A cell a spreadsheet would run as a formula (`=`, `@`, or a tab or carriage return
/// before one; `+` or `-` before anything but a number) gets a leading apostrophe, so it
/// shows as the text it is (OWASP's advice against CSV injection). An international phone
/// number (`+31 6 1234 5678`) or a negative amount is left as it is, so a mail tool reads it:
/// digits, spaces and `.,()/-` after the sign can make arithmetic at most, never a call.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    let number = |rest: &str| {
        rest.chars().any(|c| c.is_ascii_digit())
            && rest.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '.' | ',' | '(' | ')' | '/' | '-'))
    };
    match cell.chars().next() {
        Some('+' | '-') if number(&cell[1..]) => cell.into(),
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}").into(),
        _ => cell.into(),
    }
}

/// A CSV line (RFC 4180: every cell quoted, quotes doubled, CRLF), each cell neutralised.
pub fn csv_line<'a>(cells: impl Iterator<Item = std::borrow::Cow<'a, str>>) -> String {
    let mut out = cells.map(|c| format!("\"{}\"", neutralise(&c).replace('"', "\"\""))).collect::<Vec<_>>().join(",");
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised_and_others_kept() {
        assert_eq!(neutralise("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(neutralise("+31 6 1234"), "+31 6 1234", "a phone number a mail tool must read");
        assert_eq!(neutralise("+1 (415) 555-0100"), "+1 (415) 555-0100");
        assert_eq!(neutralise("-2"), "-2");
        assert_eq!(neutralise("+1+cmd|' /C calc'!A0"), "'+1+cmd|' /C calc'!A0");
        assert_eq!(neutralise("-2+3"), "'-2+3");
        assert_eq!(neutralise("+"), "'+");
        assert_eq!(neutralise("-SUM(A1)"), "'-SUM(A1)");
        assert_eq!(neutralise("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise("\t=1"), "'\t=1");
        assert_eq!(neutralise("Anna"), "Anna");
        assert_eq!(neutralise(""), "");
    }
}
