//! Server functions of the site settings. Settings shape what every visitor sees and
//! agrees to, so each one needs the owner role.

use super::form::{GeneralForm, NewSiteForm, ProfileFieldsForm, TextsForm};
use crate::domain::{ProfileField, WidgetKind};
use crate::error::AppError;
use crate::widgets::question::QuestionKind;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// One row of the sites list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteSummary {
    pub key: String,
    pub name: String,
    pub origins: i64,
    pub customers: i64,
}

/// The newest consent wording of a site in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConsentWording {
    pub language: String,
    pub version: i64,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptionSetting {
    pub id: i64,
    pub code: String,
    pub active: bool,
}

/// A survey question's options in the site's order, switched-off ones included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuestionSettings {
    pub kind: QuestionKind,
    pub options: Vec<OptionSetting>,
}

/// A site's own wording of a question or option in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteText {
    pub key: String,
    pub language: String,
    pub body: String,
}

/// The time zones a site can keep: the one it keeps without a choice (its country's, else
/// UTC), its country's zones, and every other.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct TimeZoneChoice {
    pub unchosen: String,
    pub of_country: Vec<String>,
    pub others: Vec<String>,
}

/// Everything the settings page of one site shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteSettings {
    pub key: String,
    pub name: String,
    pub privacy_policy_url: String,
    pub default_language: String,
    /// Space-separated, as the settings form shows them.
    pub kept_query_params: String,
    /// ISO code of the site's country ('' when none was chosen).
    pub country: String,
    /// The countries to choose from: code and name in the reader's language, by name.
    pub countries: Vec<(String, String)>,
    /// IANA name of the site's time zone ('' when it keeps its country's).
    pub time_zone: String,
    pub time_zones: TimeZoneChoice,
    pub languages: Vec<String>,
    pub origins: Vec<String>,
    pub widgets: Vec<WidgetKind>,
    /// The widgets that ask for a postal address, and how.
    pub address_modes: Vec<(WidgetKind, crate::domain::AddressMode)>,
    /// Patron's own origin as this browser reaches it: the `src` of the embed script.
    pub embed_server: String,
    pub consent_texts: Vec<ConsentWording>,
    /// Reasons, NPS and heard (NPS has no options, only wording).
    pub questions: Vec<QuestionSettings>,
    pub texts: Vec<SiteText>,
    pub profile_fields: Vec<ProfileField>,
}

#[server(prefix = "/api/admin", endpoint = "list_sites")]
pub async fn list_sites() -> Result<Vec<SiteSummary>, AppError> {
    crate::server_ctx::answer(
        async move {
            crate::staff::guard::require_staff(crate::domain::Role::Owner).await?;
            Ok(super::db::list_sites(&crate::server_ctx::pool()?).await?)
        }
        .await,
    )
}

/// Creates a site with every widget on, the standard questions and profile fields, and no
/// allowed origin yet: the owner adds the shop's origin next.
#[server(prefix = "/api/admin", endpoint = "create_site")]
pub async fn create_site(form: NewSiteForm) -> Result<String, AppError> {
    crate::server_ctx::answer(
        async move {
            use super::form::ValidNewSite;
            use crate::domain::{Field, FieldErrors, Problem};
            let staff = crate::staff::guard::require_staff(crate::domain::Role::Owner).await?;
            let site = ValidNewSite::try_from(&form)?;
            let pool = crate::server_ctx::pool()?;
            if !super::db::create_site(&pool, &site).await? {
                return Err(FieldErrors::one(Field::SiteKey, Problem::Taken).into());
            }
            if let Some(id) = crate::sites::db::site_id(&pool, &site.key).await? {
                crate::policy::republish(&pool, id).await;
            }
            tracing::info!(staff = staff.id.0, site = site.key.as_str(), "site created");
            crate::staff::audit::note(
                &staff,
                crate::staff::audit::AuditAction::ChangedSettings,
                None,
                None,
                "site created",
            )
            .await?;
            Ok(site.key.as_str().to_owned())
        }
        .await,
    )
}

#[server(prefix = "/api/admin", endpoint = "site_settings")]
pub async fn get_site_settings(site: String) -> Result<SiteSettings, AppError> {
    crate::staff::guard::as_owner(&site, |id, pool| async move {
        let mut settings = super::db::settings(&pool, id).await?;
        settings.embed_server = crate::server_ctx::link_origin()?;
        Ok(settings)
    })
    .await
}

#[server(prefix = "/api/admin", endpoint = "save_site")]
pub async fn save_site(form: GeneralForm) -> Result<(), AppError> {
    crate::server_ctx::answer(
        async move {
            use super::form::ValidGeneral;
            let (staff, id) = crate::staff::guard::owner_and_site(&form.site).await?;
            let general = ValidGeneral::try_from(&form)?;
            let pool = crate::server_ctx::pool()?;
            super::db::update_general(&pool, id, &general).await?;
            // A new country reads the site's national numbers into E.164 now.
            crate::sites::phones::bring_up_to_date(&pool).await?;
            crate::policy::republish(&pool, id).await;
            tracing::info!(staff = staff.id.0, site = form.site, "site settings saved");
            crate::staff::audit::note(
                &staff,
                crate::staff::audit::AuditAction::ChangedSettings,
                Some(id),
                None,
                "site settings saved",
            )
            .await?;
            Ok(())
        }
        .await,
    )
}

#[server(prefix = "/api/admin", endpoint = "set_widget")]
pub async fn set_widget(site: String, widget: WidgetKind, on: bool) -> Result<(), AppError> {
    crate::server_ctx::answer(
        async move {
            let (staff, id) = crate::staff::guard::owner_and_site(&site).await?;
            let pool = crate::server_ctx::pool()?;
            super::db::set_widget(&pool, id, widget, on).await?;
            crate::policy::republish(&pool, id).await;
            tracing::info!(staff = staff.id.0, site, widget = widget.code(), on, "widget switched");
            crate::staff::audit::note(
                &staff,
                crate::staff::audit::AuditAction::ChangedSettings,
                Some(id),
                None,
                "widget switched",
            )
            .await?;
            Ok(())
        }
        .await,
    )
}

/// Whether a site's signup, reservation or warranty form asks for a postal address.
#[server(prefix = "/api/admin", endpoint = "set_address_mode")]
pub async fn set_address_mode(
    site: String,
    widget: WidgetKind,
    mode: crate::domain::AddressMode,
) -> Result<(), AppError> {
    crate::server_ctx::answer(
        async move {
            use crate::domain::{Field, FieldErrors, Problem};
            let (staff, id) = crate::staff::guard::owner_and_site(&site).await?;
            if !widget.takes_address() {
                return Err(FieldErrors::one(Field::Choice, Problem::UnknownOption).into());
            }
            let pool = crate::server_ctx::pool()?;
            super::db::set_address_mode(&pool, id, widget, mode).await?;
            tracing::info!(staff = staff.id.0, site, widget = widget.code(), mode = mode.code(), "address mode set");
            crate::staff::audit::note(
                &staff,
                crate::staff::audit::AuditAction::ChangedSettings,
                Some(id),
                None,
                &format!("{} asks for a postal address: {}", widget.code(), mode.code()),
            )
            .await?;
            Ok(())
        }
        .await,
    )
}

#[server(prefix = "/api/admin", endpoint = "add_origin")]
pub async fn add_origin(site: String, origin: String) -> Result<(), AppError> {
    crate::server_ctx::answer(
        async move {
            use crate::domain::{Field, FieldErrors, Origin, Problem};
            let (staff, id) = crate::staff::guard::owner_and_site(&site).await?;
            let origin = Origin::parse(&origin).map_err(|_| FieldErrors::one(Field::Origin, Problem::NotAUrl))?;
            super::db::add_origin(&crate::server_ctx::pool()?, id, origin.as_str()).await?;
            tracing::info!(staff = staff.id.0, site, origin = origin.as_str(), "origin allowed");
            crate::staff::audit::note(
                &staff,
                crate::staff::audit::AuditAction::ChangedSettings,
                Some(id),
                None,
                "origin allowed",
            )
            .await?;
            Ok(())
        }
        .await,
    )
}

/// Also takes `self` (Patron's own origin), which is listed as such.
#[server(prefix = "/api/admin", endpoint = "remove_origin")]
pub async fn remove_origin(site: String, origin: String) -> Result<(), AppError> {
    crate::server_ctx::answer(
        async move {
            let (staff, id) = crate::staff::guard::owner_and_site(&site).await?;
            super::db::remove_origin(&crate::server_ctx::pool()?, id, &origin).await?;
            tracing::info!(staff = staff.id.0, site, origin, "origin removed");
            crate::staff::audit::note(
                &staff,
                crate::staff::audit::AuditAction::ChangedSettings,
                Some(id),
                None,
                "origin removed",
            )
            .await?;
            Ok(())
        }
        .await,
    )
}

/// Saves a new version of the newsletter wording in one language, if it changed. Consents
/// given before keep the wording they were given under.
#[server(prefix = "/api/admin", endpoint = "save_consent_text")]
pub async fn save_consent_text(site: String, language: String, body: String) -> Result<i64, AppError> {
    crate::server_ctx::answer(
        async move {
            use super::form::{parse_consent_text, parse_language};
            use crate::domain::{Field, FieldErrors};
            let (staff, id) = crate::staff::guard::owner_and_site(&site).await?;
            let mut errors = FieldErrors::new();
            let lang = errors.check(Field::Language, parse_language(&language));
            let body = errors.check(Field::ConsentText, parse_consent_text(&body));
            let (Some(lang), Some(body)) = (lang, body) else {
                return Err(errors.into());
            };
            let version = super::db::save_consent_text(&crate::server_ctx::pool()?, id, lang.code(), &body).await?;
            tracing::info!(staff = staff.id.0, site, language = lang.code(), version, "consent wording saved");
            crate::staff::audit::note(
                &staff,
                crate::staff::audit::AuditAction::ChangedSettings,
                Some(id),
                None,
                "consent wording saved",
            )
            .await?;
            Ok(version)
        }
        .await,
    )
}

/// Adds an option to the reasons or heard question, with its label in the site's default
/// language (optional for the standard codes, which the catalogue labels in every language).
#[server(prefix = "/api/admin", endpoint = "add_option")]
pub async fn add_option(site: String, question: QuestionKind, code: String, label: String) -> Result<(), AppError> {
    crate::server_ctx::answer(
        async move {
            use super::form::{OptionCode, parse_label};
            use crate::domain::{Field, FieldErrors, Problem};
            let (staff, id) = crate::staff::guard::owner_and_site(&site).await?;
            let mut errors = FieldErrors::new();
            if question == QuestionKind::Nps {
                errors.add(Field::Code, Problem::UnknownOption);
            }
            let code = errors.check(Field::Code, OptionCode::parse(&code));
            let standard = code.as_ref().is_some_and(|c| crate::widgets::texts::STANDARD_OPTIONS.contains(&c.as_str()));
            let label = if label.trim().is_empty() && standard {
                None
            } else {
                errors.check(Field::Label, parse_label(&label))
            };
            let Some(code) = code.filter(|_| errors.is_empty()) else {
                return Err(errors.into());
            };
            let pool = crate::server_ctx::pool()?;
            if !super::db::add_option(&pool, id, question, &code, label.as_deref()).await? {
                return Err(FieldErrors::one(Field::Code, Problem::Taken).into());
            }
            tracing::info!(staff = staff.id.0, site, code = code.as_str(), "question option added");
            crate::staff::audit::note(
                &staff,
                crate::staff::audit::AuditAction::ChangedSettings,
                Some(id),
                None,
                "question option added",
            )
            .await?;
            Ok(())
        }
        .await,
    )
}

/// Switches an option on or off. Off keeps its past answers; it is just not offered.
#[server(prefix = "/api/admin", endpoint = "set_option")]
pub async fn set_option(site: String, option: i64, active: bool) -> Result<(), AppError> {
    crate::server_ctx::answer(
        async move {
            let (staff, id) = crate::staff::guard::owner_and_site(&site).await?;
            if !super::db::set_option_active(&crate::server_ctx::pool()?, id, option, active).await? {
                return Err(AppError::NotFound);
            }
            tracing::info!(staff = staff.id.0, site, option, active, "question option switched");
            crate::staff::audit::note(
                &staff,
                crate::staff::audit::AuditAction::ChangedSettings,
                Some(id),
                None,
                "question option switched",
            )
            .await?;
            Ok(())
        }
        .await,
    )
}

/// Moves an option one place up or down in its question.
#[server(prefix = "/api/admin", endpoint = "move_option")]
pub async fn move_option(site: String, option: i64, up: bool) -> Result<(), AppError> {
    crate::staff::guard::as_owner(&site, |id, pool| async move {
        if !super::db::move_option(&pool, id, option, up).await? {
            return Err(AppError::NotFound);
        }
        Ok(())
    })
    .await
}

#[server(prefix = "/api/admin", endpoint = "save_texts")]
pub async fn save_texts(form: TextsForm) -> Result<(), AppError> {
    crate::server_ctx::answer(
        async move {
            use super::form::{parse_label, parse_language};
            use crate::domain::{Field, FieldErrors, Problem};
            let (staff, id) = crate::staff::guard::owner_and_site(&form.site).await?;
            let pool = crate::server_ctx::pool()?;
            let lang = parse_language(&form.language).map_err(|p| FieldErrors::one(Field::Language, p))?;
            let codes = super::db::option_codes(&pool, id).await?;
            let mut changes = Vec::with_capacity(form.texts.len());
            for entry in form.texts.iter().take(200) {
                if !is_text_key(&entry.key, &codes) {
                    return Err(FieldErrors::one(Field::Text, Problem::UnknownOption).into());
                }
                let body = if entry.body.trim().is_empty() {
                    None
                } else {
                    Some(parse_label(&entry.body).map_err(|p| FieldErrors::one(Field::Text, p))?)
                };
                changes.push((entry.key.clone(), body));
            }
            super::db::save_texts(&pool, id, lang.code(), &changes).await?;
            tracing::info!(staff = staff.id.0, site = form.site, language = lang.code(), "site texts saved");
            crate::staff::audit::note(
                &staff,
                crate::staff::audit::AuditAction::ChangedSettings,
                Some(id),
                None,
                "site texts saved",
            )
            .await?;
            Ok(())
        }
        .await,
    )
}

/// Whether `key` names a text a site may word: a question, or an option it has.
/// `codes` are the site's (question, code) pairs.
#[cfg(feature = "ssr")]
fn is_text_key(key: &str, codes: &[(String, String)]) -> bool {
    if matches!(key, "reasons.question" | "nps.question" | "heard.question") {
        return true;
    }
    key.split_once(".option.").is_some_and(|(question, code)| codes.iter().any(|(q, c)| q == question && c == code))
}

#[server(prefix = "/api/admin", endpoint = "save_profile_fields")]
pub async fn save_profile_fields(form: ProfileFieldsForm) -> Result<(), AppError> {
    crate::server_ctx::answer(
        async move {
            use crate::domain::{Field, FieldErrors, Problem};
            let (staff, id) = crate::staff::guard::owner_and_site(&form.site).await?;
            let mut fields = Vec::new();
            for raw in &form.fields {
                let field =
                    ProfileField::from_code(raw).ok_or(FieldErrors::one(Field::Code, Problem::UnknownOption))?;
                if !fields.contains(&field) {
                    fields.push(field);
                }
            }
            super::db::save_profile_fields(&crate::server_ctx::pool()?, id, &fields).await?;
            tracing::info!(staff = staff.id.0, site = form.site, "profile fields saved");
            crate::staff::audit::note(
                &staff,
                crate::staff::audit::AuditAction::ChangedSettings,
                Some(id),
                None,
                "profile fields saved",
            )
            .await?;
            Ok(())
        }
        .await,
    )
}
