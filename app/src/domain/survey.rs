//! Answers to the survey widgets: an NPS score, free text, a ranking of options.

use super::problem::Problem;
use serde::{Deserialize, Serialize};

/// A Net Promoter Score answer, 0 to 10.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "i64", into = "i64")]
pub struct NpsScore(u8);

/// Derived from the score, never stored beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum NpsCategory {
    Detractor,
    Passive,
    Promoter,
}

impl NpsScore {
    pub fn parse(raw: i64) -> Result<NpsScore, Problem> {
        u8::try_from(raw).ok().filter(|s| *s <= 10).map(NpsScore).ok_or(Problem::OutOfRange)
    }

    pub fn value(self) -> u8 {
        self.0
    }

    pub fn category(self) -> NpsCategory {
        match self.0 {
            9..=10 => NpsCategory::Promoter,
            7..=8 => NpsCategory::Passive,
            _ => NpsCategory::Detractor,
        }
    }
}

impl TryFrom<i64> for NpsScore {
    type Error = Problem;
    fn try_from(v: i64) -> Result<Self, Problem> {
        NpsScore::parse(v)
    }
}

impl From<NpsScore> for i64 {
    fn from(s: NpsScore) -> i64 {
        i64::from(s.0)
    }
}

/// Free text a visitor writes ("Why?", "Other: ..."): trimmed, bounded in characters, line
/// breaks and tabs allowed, other control characters not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FreeText(String);

impl FreeText {
    pub fn parse(raw: &str, max_chars: usize) -> Result<FreeText, Problem> {
        let s = raw.trim();
        if s.chars().count() > max_chars {
            return Err(Problem::TooLong);
        }
        if s.chars()
            .any(|c| (c.is_control() && c != '\n' && c != '\t' && c != '\r') || super::problem::is_unreadable(c))
        {
            return Err(Problem::BadCharacters);
        }
        // Every line break becomes "\n" (a lone "\r" too: "\r\r\n" would otherwise leave
        // a "\r\n" behind, and the stored text would change when saved again).
        Ok(FreeText(s.replace("\r\n", "\n").replace('\r', "\n")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A visitor's order of a question's options, most important first: every offered option
/// exactly once. Index + 1 is the rank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ranking(Vec<i64>);

impl Ranking {
    pub fn parse(order: &[i64], offered: &[i64]) -> Result<Ranking, Problem> {
        let mut seen = std::collections::HashSet::new();
        let complete = order.len() == offered.len() && order.iter().all(|id| offered.contains(id) && seen.insert(*id));
        if complete { Ok(Ranking(order.to_vec())) } else { Err(Problem::NotARanking) }
    }

    /// (option id, rank) pairs, rank 1 first.
    pub fn ranks(&self) -> impl Iterator<Item = (i64, i64)> + '_ {
        self.0.iter().zip(1..).map(|(id, rank)| (*id, rank))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_break_is_stored_as_a_newline_and_stays_so() {
        // Found by the `domain_parsers` fuzz target: "\r\r\n" used to become "\r\n".
        let once = FreeText::parse("X+\r\r\nDJ\rDJ", 100).unwrap();
        assert_eq!(once.as_str(), "X+\n\nDJ\nDJ");
        assert_eq!(FreeText::parse(once.as_str(), 100), Ok(once));
    }

    #[test]
    fn scores_outside_zero_to_ten_are_refused() {
        assert!(NpsScore::parse(0).is_ok() && NpsScore::parse(10).is_ok());
        for bad in [-1, 11, 255, i64::MAX] {
            assert_eq!(NpsScore::parse(bad), Err(Problem::OutOfRange), "{bad}");
        }
    }

    #[test]
    fn the_category_follows_the_score() {
        let cat = |s| NpsScore::parse(s).unwrap().category();
        assert_eq!((cat(0), cat(6)), (NpsCategory::Detractor, NpsCategory::Detractor));
        assert_eq!((cat(7), cat(8)), (NpsCategory::Passive, NpsCategory::Passive));
        assert_eq!((cat(9), cat(10)), (NpsCategory::Promoter, NpsCategory::Promoter));
    }

    #[test]
    fn free_text_is_bounded_and_keeps_line_breaks() {
        assert_eq!(FreeText::parse("  fresh bread\r\nand coffee ", 100).unwrap().as_str(), "fresh bread\nand coffee");
        assert_eq!(FreeText::parse(&"é".repeat(11), 10), Err(Problem::TooLong));
        assert_eq!(FreeText::parse("a\u{0}b", 10), Err(Problem::BadCharacters));
        assert!(FreeText::parse("", 10).unwrap().is_empty());
    }

    #[test]
    fn a_ranking_names_every_offered_option_once() {
        let offered = [11, 12, 13];
        let r = Ranking::parse(&[13, 11, 12], &offered).unwrap();
        assert_eq!(r.ranks().collect::<Vec<_>>(), vec![(13, 1), (11, 2), (12, 3)]);
        for bad in [&[13, 13, 12][..], &[13, 11][..], &[13, 11, 12, 14][..], &[13, 11, 99][..], &[][..]] {
            assert_eq!(Ranking::parse(bad, &offered), Err(Problem::NotARanking), "{bad:?}");
        }
    }
}
