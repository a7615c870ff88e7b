//! A site's survey questions: their wording and options, resolved for one language.

mod api;
#[cfg(feature = "ssr")]
pub mod db;

pub use api::{GetQuestion, Question, QuestionKind, QuestionOption, get_question};

use crate::widgets::texts::Lang;

/// An option's name in `lang`, in the order a visitor and staff both read it: the site's own
/// name in that language (`own`), the catalogue's for a standard code, the site's own in its
/// default language, and last the code.
pub fn option_name(code: &str, lang: Lang, default_lang: &str, own: impl Fn(&str) -> Option<String>) -> String {
    own(lang.code())
        .or_else(|| (lang.surveys().option)(code).map(str::to_owned))
        .or_else(|| own(default_lang))
        .unwrap_or_else(|| code.to_owned())
}
