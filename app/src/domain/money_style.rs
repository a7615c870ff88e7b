//! How amounts of one currency are written in one language and country: "€ 24,50" in
//! Dutch, "24,50 €" in Finnish and German, "R 24,50" in Afrikaans, "R$ 24,50" in Brazilian
//! Portuguese. The server works the style out from CLDR (`crate::sites::money_style`, with
//! ICU4X) and sends it with the figures; the page then writes every amount with it, in
//! the server's rendering and in the browser's alike, without CLDR's tables in the bundle.

use super::money::Minor;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MoneyStyle {
    /// The currency's ISO code ("EUR"): amounts of another currency are written with
    /// their code in place of this one's symbol.
    pub currency: String,
    /// What comes before and after the digits of an amount, and of a negative amount
    /// ("€\u{a0}" and "", "€\u{a0}-" and "").
    pub before: String,
    pub after: String,
    pub minus_before: String,
    pub minus_after: String,
    /// Between thousands, and before the cents.
    pub group: String,
    pub decimal: String,
    /// Whether a four-digit amount is grouped too ("1.234,50", not "1234,50").
    pub group_four: bool,
}

impl MoneyStyle {
    /// Without a language: `1234.50 EUR`, as the CSV files write amounts.
    pub fn plain(currency: &str) -> MoneyStyle {
        MoneyStyle {
            currency: currency.to_owned(),
            before: String::new(),
            after: format!(" {currency}"),
            minus_before: "-".into(),
            minus_after: format!(" {currency}"),
            group: String::new(),
            decimal: ".".into(),
            group_four: false,
        }
    }

    /// An amount of this style's currency.
    pub fn format(&self, amount: Minor) -> String {
        let (before, after) =
            if amount.0 < 0 { (&self.minus_before, &self.minus_after) } else { (&self.before, &self.after) };
        format!("{before}{}{after}", self.digits(amount))
    }

    /// An amount of `currency`: this style's symbol when it is this style's currency,
    /// else the same separators with the other currency's code ("1.234,50 USD").
    pub fn format_in(&self, amount: Minor, currency: &str) -> String {
        if currency == self.currency || currency.is_empty() {
            return self.format(amount);
        }
        let sign = if amount.0 < 0 { "-" } else { "" };
        format!("{sign}{}\u{a0}{currency}", self.digits(amount))
    }

    /// An amount of `currency` written with whichever of `styles` is that currency's
    /// (the first one's separators when none is, plain when there are none).
    pub fn any(styles: &[MoneyStyle], amount: Minor, currency: &str) -> String {
        match styles.iter().find(|s| s.currency == currency).or(styles.first()) {
            Some(style) => style.format_in(amount, currency),
            None => MoneyStyle::plain(currency).format(amount),
        }
    }

    /// The number alone: "1.234,50".
    pub fn digits(&self, amount: Minor) -> String {
        let abs = amount.0.unsigned_abs();
        let whole = (abs / 100).to_string();
        let grouped = if whole.len() > 4 || (whole.len() == 4 && self.group_four) {
            let mut out = String::new();
            for (i, c) in whole.chars().enumerate() {
                if i > 0 && (whole.len() - i).is_multiple_of(3) {
                    out.push_str(&self.group);
                }
                out.push(c);
            }
            out
        } else {
            whole
        };
        format!("{grouped}{}{:02}", self.decimal, abs % 100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dutch_euro() -> MoneyStyle {
        MoneyStyle {
            currency: "EUR".into(),
            before: "€\u{a0}".into(),
            after: String::new(),
            minus_before: "€\u{a0}-".into(),
            minus_after: String::new(),
            group: ".".into(),
            decimal: ",".into(),
            group_four: true,
        }
    }

    #[test]
    fn amounts_are_written_in_the_style() {
        let nl = dutch_euro();
        assert_eq!(nl.format(Minor(2450)), "€\u{a0}24,50");
        assert_eq!(nl.format(Minor(123_456_705)), "€\u{a0}1.234.567,05");
        assert_eq!(nl.format(Minor(123_400)), "€\u{a0}1.234,00");
        assert_eq!(nl.format(Minor(-250)), "€\u{a0}-2,50");
        assert_eq!(nl.format_in(Minor(123_450), "USD"), "1.234,50\u{a0}USD");
        let mut no_four = nl.clone();
        no_four.group_four = false;
        assert_eq!(no_four.digits(Minor(123_400)), "1234,00");
        assert_eq!(no_four.digits(Minor(1_234_500)), "12.345,00");
        assert_eq!(MoneyStyle::plain("EUR").format(Minor(123_450)), "1234.50 EUR");
        assert_eq!(MoneyStyle::plain("EUR").format(Minor(-5)), "-0.05 EUR");
    }
}
