//! Text searched with SQL `LIKE … ESCAPE '\'`: what was typed, with its wildcards made
//! literal, so a search for `50%` finds "50%", not everything.

/// `s` with `\`, `%` and `_` escaped.
pub fn escaped(s: &str) -> String {
    s.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_")
}

/// A pattern of the values that contain `s`.
pub fn containing(s: &str) -> String {
    format!("%{}%", escaped(s))
}

#[cfg(test)]
mod tests {
    #[test]
    fn wildcards_in_a_search_are_literal() {
        assert_eq!(super::containing("50%_a\\"), "%50\\%\\_a\\\\%");
    }
}
