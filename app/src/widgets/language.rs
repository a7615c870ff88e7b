//! The language a page's widgets speak: the page's, when the site writes its own texts
//! (consent wording, questions, product names) in it, else the site's default, so that no
//! widget shows its labels in one language and the shop's words in another.
//!
//! `embed.js` asks once per page (per language asked for) before it mounts any widget.

use crate::error::AppError;
use leptos::prelude::*;

/// The code (`nl`) of the language to mount the widgets in, for a page in `lang` (a BCP 47
/// tag such as `nl-BE`, as the page or its `data-lang` names it).
#[server(prefix = "/w", endpoint = "language", output = crate::widgets::wire::Answer)]
pub async fn widget_language(lang: String) -> Result<String, AppError> {
    crate::server_ctx::answer(
        async move {
            let caller = crate::widgets::caller::gated_caller()?;
            let asked = crate::widgets::texts::Lang::from_tag(&lang);
            Ok(caller.site.text_language(asked.code()).to_owned())
        }
        .await,
    )
}
