//! Server functions of mail: the outbox (managers and owners: its mails carry links that act
//! for a customer), and a site's double opt-in and mail wordings (owner).

use super::{MailSettingsView, OutboxView};
use crate::error::AppError;
use leptos::prelude::*;

/// How many of the newest mails the outbox page lists.
#[cfg(feature = "ssr")]
const OUTBOX_PAGE: i64 = 200;

#[server(prefix = "/api/admin", endpoint = "outbox")]
pub async fn outbox() -> Result<OutboxView, AppError> {
    crate::server_ctx::answer(
        async move {
            crate::staff::guard::require_staff(crate::domain::Role::Manager).await?;
            let pool = crate::server_ctx::pool()?;
            Ok(OutboxView {
                mails: super::db::list(&pool, OUTBOX_PAGE).await?,
                mail_server: crate::server_ctx::mail_server(),
            })
        }
        .await,
    )
}

#[server(prefix = "/api/admin", endpoint = "mail_settings")]
pub async fn mail_settings(site: String) -> Result<MailSettingsView, AppError> {
    crate::staff::guard::as_owner(&site, |id, pool| async move {
        use super::templates::MailKind;
        use crate::widgets::texts::Lang;
        let languages = super::db::languages(&pool, id).await?;
        let mut wordings = Vec::new();
        for kind in MailKind::ALL {
            let own = super::db::own_wordings(&pool, id, kind).await?;
            let mut conn = pool.acquire().await?;
            for lang in languages.iter().filter_map(|code| Lang::from_code(code)) {
                let w = super::db::wording(&mut conn, id, kind, lang).await?;
                wordings.push(super::WordingView {
                    kind: kind.code().to_owned(),
                    placeholders: kind.placeholders().to_owned(),
                    language: lang.code().to_owned(),
                    language_name: lang.name().to_owned(),
                    own: own.iter().any(|l| l == lang.code()),
                    subject: w.subject,
                    body: w.body,
                });
            }
        }
        Ok(MailSettingsView {
            newsletter: super::db::newsletter_settings(&pool, id).await?,
            wordings,
            mail_server: crate::server_ctx::mail_server(),
        })
    })
    .await
}

/// Switches double opt-in on (`on` present, as a ticked checkbox sends it) or off.
#[server(prefix = "/api/admin", endpoint = "save_double_opt_in")]
pub async fn save_double_opt_in(
    site: String,
    #[server(default)] on: Option<String>,
    confirm_hours: String,
) -> Result<(), AppError> {
    crate::staff::guard::owner_changes(&site, |id, pool| async move {
        use crate::domain::{Field, FieldErrors};
        let hours = super::parse_confirm_hours(&confirm_hours)
            .map_err(|p| AppError::from(FieldErrors::one(Field::ConfirmHours, p)))?;
        let settings = super::NewsletterSettings { double_opt_in: on.is_some(), confirm_hours: hours };
        super::db::save_newsletter_settings(&pool, id, &settings).await?;
        let detail = if settings.double_opt_in {
            format!("double opt-in on, links work {hours} hours")
        } else {
            "double opt-in off".to_owned()
        };
        Ok(((), detail))
    })
    .await
}

/// Saves a site's own wording of a mail in a language, or with `reset` goes back to Patron's.
#[server(prefix = "/api/admin", endpoint = "save_mail_wording")]
pub async fn save_mail_wording(
    site: String,
    kind: String,
    language: String,
    #[server(default)] subject: String,
    #[server(default)] body: String,
    #[server(default)] reset: Option<String>,
) -> Result<(), AppError> {
    crate::staff::guard::owner_changes(&site, |id, pool| async move {
        use super::templates::MailKind;
        use crate::domain::{Field, FieldErrors, Problem};
        use crate::widgets::texts::Lang;
        let kind = MailKind::parse(&kind).ok_or(AppError::NotFound)?;
        let lang = Lang::from_code(&language)
            .ok_or_else(|| AppError::from(FieldErrors::one(Field::Language, Problem::UnknownOption)))?;
        let wording = match reset {
            Some(_) => None,
            None => Some(super::parse_wording(kind, &subject, &body)?),
        };
        super::db::save_wording(&pool, id, kind, lang, wording.as_ref()).await?;
        let detail = format!(
            "{} mail in {}: {}",
            kind.code(),
            lang.code(),
            if wording.is_some() { "own wording" } else { "Patron's wording" }
        );
        Ok(((), detail))
    })
    .await
}
