//! A programme's words in its site's other languages: its name, its birthday gift and its
//! rewards' names, as the owner gives them under the programme's own. A customer who reads
//! one of those languages sees them (the loyalty widget, their own page); a blank one is the
//! programme's own word, so a screen never mixes two languages unless the owner left a gap.

use super::parse_label;
use crate::domain::Problem;
use crate::widgets::texts::Lang;
use serde::{Deserialize, Serialize};

/// A programme's words in one other language of its site; blank: its own words.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgrammeWords {
    pub language: String,
    pub name: String,
    pub birthday_reward: String,
    /// Each reward on offer (by id) and its name in this language ('' when none is given).
    pub rewards: Vec<(i64, String)>,
}

/// One language's words as the form sends them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct WordsForm {
    pub language: String,
    pub name: String,
    pub birthday_reward: String,
    pub rewards: Vec<RewardWordForm>,
}

/// A reward's id and its name in the form's language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RewardWordForm {
    pub id: String,
    pub name: String,
}

/// The languages' words, each a label as the programme's own are (at most 80 characters, no
/// control characters). A language Patron does not ship, or a reward id that is not a number,
/// is not something the page sends: refused whole.
pub fn parse_words(forms: &[WordsForm]) -> Result<Vec<ProgrammeWords>, Problem> {
    if forms.len() > Lang::ALL.len() {
        return Err(Problem::TooLong);
    }
    forms
        .iter()
        .map(|f| {
            let language = Lang::from_code(f.language.trim()).ok_or(Problem::UnknownOption)?.code().to_owned();
            let rewards = f
                .rewards
                .iter()
                .take(20)
                .map(|r| Ok((r.id.trim().parse().map_err(|_| Problem::UnknownOption)?, parse_label(&r.name, false)?)))
                .collect::<Result<_, Problem>>()?;
            Ok(ProgrammeWords {
                language,
                name: parse_label(&f.name, false)?,
                birthday_reward: parse_label(&f.birthday_reward, false)?,
                rewards,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(language: &str, name: &str, reward: (&str, &str)) -> WordsForm {
        WordsForm {
            language: language.into(),
            name: name.into(),
            birthday_reward: String::new(),
            rewards: vec![RewardWordForm { id: reward.0.into(), name: reward.1.into() }],
        }
    }

    #[test]
    fn words_are_labels_in_a_shipped_language() {
        let words = parse_words(&[form("nl", " Koffiekaart ", ("7", "Gratis koffie"))]).unwrap();
        assert_eq!(words[0].name, "Koffiekaart");
        assert_eq!(words[0].rewards, vec![(7, "Gratis koffie".to_owned())]);
        assert_eq!(parse_words(&[form("xx", "Card", ("7", "Free"))]), Err(Problem::UnknownOption));
        assert_eq!(parse_words(&[form("nl", "Kaart", ("seven", "Gratis"))]), Err(Problem::UnknownOption));
        assert_eq!(parse_words(&[form("nl", &"k".repeat(81), ("7", "Gratis"))]), Err(Problem::TooLong));
        assert_eq!(parse_words(&[form("nl", "Kaart\u{7}", ("7", "Gratis"))]), Err(Problem::BadCharacters));
    }
}
