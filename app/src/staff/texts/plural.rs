//! Counted words: "1 stamp", "2 stamps", and Russian's three forms.

/// `n` and its word, singular for 1 and −1, plural otherwise (every shipped language but
/// Russian counts so).
pub(crate) fn counted(n: i64, one: &str, many: &str) -> String {
    if n.abs() == 1 { format!("{n} {one}") } else { format!("{n} {many}") }
}

/// Russian's plural forms (CLDR: one for 1, 21, 31…; few for 2–4, 22–24…; many for the
/// rest). Written out here rather than pulling a plural-rules crate into the admin bundle
/// for the one shipped language with more than two forms.
pub(crate) fn russian_plural<'a>(n: i64, one: &'a str, few: &'a str, many: &'a str) -> &'a str {
    let n = n.unsigned_abs();
    match (n % 10, n % 100) {
        (1, m) if m != 11 => one,
        (2..=4, m) if !(12..=14).contains(&m) => few,
        _ => many,
    }
}
