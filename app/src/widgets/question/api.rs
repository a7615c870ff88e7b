//! The server function that gives a survey widget its question in the visitor's language.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The survey questions a site can ask.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum QuestionKind {
    Reasons,
    Nps,
    Heard,
}

impl QuestionKind {
    /// The name used in `question_options.question` and in `site_texts` keys.
    /// The widget that asks this question.
    pub fn widget(self) -> crate::domain::WidgetKind {
        use crate::domain::WidgetKind;
        match self {
            QuestionKind::Reasons => WidgetKind::Reasons,
            QuestionKind::Nps => WidgetKind::Nps,
            QuestionKind::Heard => WidgetKind::Heard,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            QuestionKind::Reasons => "reasons",
            QuestionKind::Nps => "nps",
            QuestionKind::Heard => "heard",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionOption {
    pub id: i64,
    pub code: String,
    pub label: String,
}

/// A question ready to show: its text and options, already in the visitor's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub text: String,
    pub options: Vec<QuestionOption>,
}

/// Resolves wording in this order: the site's own text in the visitor's language, the
/// catalogue's, the site's own text in its default language, and finally the option code.
#[server(prefix = "/w", endpoint = "question", output = crate::widgets::wire::Answer)]
pub async fn get_question(kind: QuestionKind, lang: String) -> Result<Question, AppError> {
    crate::server_ctx::answer(
        async move {
            use crate::widgets::texts::Lang;
            let caller = crate::widgets::caller::widget_caller(kind.widget()).await?;
            let pool = crate::server_ctx::pool()?;
            let lang = Lang::from_tag(&lang);
            let default_lang = caller.site.default_language.as_str();
            let site_texts = super::db::site_texts(&pool, caller.site.id, kind, lang.code(), default_lang).await?;
            // The site's texts in a language it does not list are drafts, not shown.
            let own = |key: &str, language: &str| {
                if !caller.site.languages.iter().any(|l| l == language) {
                    return None;
                }
                site_texts.iter().find(|(k, l, _)| k == key && l == language).map(|(_, _, body)| body.clone())
            };
            let t = lang.texts();
            let question_key = format!("{}.question", kind.key());
            let catalogue_question = match kind {
                QuestionKind::Reasons => t.surveys().reasons_question,
                QuestionKind::Nps => t.surveys().nps_question,
                QuestionKind::Heard => t.surveys().heard_question,
            };
            let text = own(&question_key, lang.code()).unwrap_or_else(|| catalogue_question.to_owned());
            let options = super::db::options(&pool, caller.site.id, kind)
                .await?
                .into_iter()
                .map(|(id, code)| {
                    let key = format!("{}.option.{code}", kind.key());
                    let label = super::option_name(&code, lang, default_lang, |language| own(&key, language));
                    QuestionOption { id, code, label }
                })
                .collect();
            Ok(Question { text, options })
        }
        .await,
    )
}
