//! A site's survey questions: their wording and options, resolved for one language.

mod api;
#[cfg(feature = "ssr")]
pub mod db;

pub use api::{GetQuestion, Question, QuestionKind, QuestionOption, get_question};
