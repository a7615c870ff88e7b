//! Money as integer minor units (cents), parsed from what staff type at the till.

use super::problem::Problem;
use serde::{Deserialize, Serialize};

/// An amount in minor units of the site's currency. Never a float: `0.1 + 0.2` must be
/// `0.30` on a receipt, and sums in reports must be exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Minor(pub i64);

impl Minor {
    /// A till amount above this (ten million in major units) is a typing mistake.
    pub const MAX: i64 = 1_000_000_000;

    /// Parses `12`, `12.5`, `12.50`, `12,50` or `1 234,50` into minor units with two
    /// decimals. A third decimal, a sign, letters or two separators are refused.
    pub fn parse(raw: &str) -> Result<Minor, Problem> {
        let s: String = raw.trim().chars().filter(|c| *c != ' ' && *c != '\u{a0}').collect();
        if s.is_empty() {
            return Err(Problem::Required);
        }
        let (whole, fraction) = match s.split_once(['.', ',']) {
            Some((w, f)) => (w, f),
            None => (s.as_str(), ""),
        };
        let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || !digits(whole) || !digits(fraction) || fraction.len() > 2 || whole.len() > 10 {
            return Err(Problem::NotAnAmount);
        }
        let whole: i64 = whole.parse().map_err(|_| Problem::NotAnAmount)?;
        let cents: i64 = match fraction.len() {
            0 => 0,
            1 => fraction.parse::<i64>().map_err(|_| Problem::NotAnAmount)? * 10,
            _ => fraction.parse().map_err(|_| Problem::NotAnAmount)?,
        };
        let minor = whole.checked_mul(100).and_then(|w| w.checked_add(cents)).ok_or(Problem::TooLong)?;
        if minor > Self::MAX { Err(Problem::OutOfRange) } else { Ok(Minor(minor)) }
    }

    /// `1234` → `12.34`: the amount in major units with two decimals, no currency.
    pub fn plain(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        format!("{sign}{}.{:02}", abs / 100, abs % 100)
    }

    /// `1234`, `EUR` → `12.34 EUR`.
    pub fn with_currency(self, currency: &str) -> String {
        format!("{} {currency}", self.plain())
    }
}

/// How a purchase was paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentMethod {
    Cash,
    Card,
    Mobile,
    Invoice,
    Voucher,
    Other,
}

impl PaymentMethod {
    pub const ALL: [PaymentMethod; 6] = [
        PaymentMethod::Card,
        PaymentMethod::Cash,
        PaymentMethod::Mobile,
        PaymentMethod::Invoice,
        PaymentMethod::Voucher,
        PaymentMethod::Other,
    ];

    pub fn code(self) -> &'static str {
        match self {
            PaymentMethod::Cash => "cash",
            PaymentMethod::Card => "card",
            PaymentMethod::Mobile => "mobile",
            PaymentMethod::Invoice => "invoice",
            PaymentMethod::Voucher => "voucher",
            PaymentMethod::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<PaymentMethod> {
        PaymentMethod::ALL.into_iter().find(|p| p.code() == code)
    }

    pub fn label(self) -> &'static str {
        match self {
            PaymentMethod::Cash => "Cash",
            PaymentMethod::Card => "Card",
            PaymentMethod::Mobile => "Mobile",
            PaymentMethod::Invoice => "Invoice",
            PaymentMethod::Voucher => "Voucher",
            PaymentMethod::Other => "Other",
        }
    }
}

/// The lines of a purchase as quantity × unit price, and the discount on their sum:
/// everything the till shows, in minor units, checked for overflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals {
    pub subtotal: Minor,
    pub discount: Minor,
    pub total: Minor,
}

impl Totals {
    /// `lines` are (quantity, unit price). A discount larger than the subtotal is refused.
    pub fn of(lines: &[(i64, Minor)], discount: Minor) -> Result<Totals, Problem> {
        let mut subtotal: i64 = 0;
        for (quantity, unit) in lines {
            let line = quantity.checked_mul(unit.0).ok_or(Problem::OutOfRange)?;
            subtotal = subtotal.checked_add(line).ok_or(Problem::OutOfRange)?;
        }
        if subtotal > Minor::MAX {
            return Err(Problem::OutOfRange);
        }
        if discount.0 > subtotal {
            return Err(Problem::OutOfRange);
        }
        Ok(Totals { subtotal: Minor(subtotal), discount, total: Minor(subtotal - discount.0) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn till_amounts_parse_to_exact_cents() {
        assert_eq!(Minor::parse("12"), Ok(Minor(1200)));
        assert_eq!(Minor::parse("12.5"), Ok(Minor(1250)));
        assert_eq!(Minor::parse("12,05"), Ok(Minor(1205)));
        assert_eq!(Minor::parse(" 1 234,50 "), Ok(Minor(123450)));
        assert_eq!(Minor::parse("0.10"), Ok(Minor(10)));
        for bad in ["-1", "1.234", "1.2.3", "ten", "1e3", ".5"] {
            assert!(Minor::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(Minor::parse("12."), Ok(Minor(1200)), "a trailing separator is a whole amount");
        assert_eq!(Minor::parse(""), Err(Problem::Required));
        assert_eq!(Minor::parse("99999999999"), Err(Problem::NotAnAmount));
        assert_eq!(Minor::parse("10000001"), Err(Problem::OutOfRange));
    }

    #[test]
    fn amounts_print_with_two_decimals() {
        assert_eq!(Minor(5).plain(), "0.05");
        assert_eq!(Minor(123450).with_currency("EUR"), "1234.50 EUR");
        assert_eq!(Minor(-250).plain(), "-2.50");
    }

    #[test]
    fn totals_add_lines_exactly_and_refuse_a_discount_above_the_subtotal() {
        // 3 × 0.10 + 1 × 0.20 is exactly 0.50, which floats would not promise.
        let lines = [(3, Minor(10)), (1, Minor(20))];
        let t = Totals::of(&lines, Minor(5)).unwrap();
        assert_eq!((t.subtotal, t.discount, t.total), (Minor(50), Minor(5), Minor(45)));
        assert_eq!(Totals::of(&lines, Minor(51)), Err(Problem::OutOfRange));
        assert_eq!(Totals::of(&[(i64::MAX, Minor(2))], Minor(0)), Err(Problem::OutOfRange));
    }
}
