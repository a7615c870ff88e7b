//! Mail Patron sends to customers: the outbox every mail is written to (in the transaction
//! of what it tells of), sent by the server's mailer when `PATRON_SMTP_URL` is set and read
//! by staff in the admin otherwise; the wordings a site may give its mails per language;
//! and the newsletter's double opt-in setting (the signup side is in `widgets::signup`).

mod api;
#[cfg(feature = "ssr")]
mod automation_wordings;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
mod my_page_wordings;
#[cfg(feature = "ssr")]
pub mod templates;

pub use api::*;

#[cfg(feature = "ssr")]
use crate::domain::Field;
use crate::domain::Problem;
use serde::{Deserialize, Serialize};

/// A site's double opt-in setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewsletterSettings {
    pub double_opt_in: bool,
    /// How long a confirmation link works.
    pub confirm_hours: i64,
}

impl Default for NewsletterSettings {
    /// The schema's defaults.
    fn default() -> Self {
        NewsletterSettings { double_opt_in: false, confirm_hours: 72 }
    }
}

pub const CONFIRM_HOURS: std::ops::RangeInclusive<i64> = 1..=720;

/// Hours a confirmation link works, 1 to 30 days.
pub fn parse_confirm_hours(raw: &str) -> Result<i64, Problem> {
    crate::domain::parse_whole_in(raw, CONFIRM_HOURS)
}

/// A site's wording of a mail as the owner typed it: subject on one line, a body that keeps
/// every placeholder the mail cannot do without.
#[cfg(feature = "ssr")]
pub fn parse_wording(
    kind: templates::MailKind,
    subject: &str,
    body: &str,
) -> Result<templates::Wording, crate::domain::FieldErrors> {
    use crate::domain::FieldErrors;
    let mut errors = FieldErrors::new();
    let subject = subject.trim();
    let body = body.trim();
    if subject.is_empty() {
        errors.add(Field::MailSubject, Problem::Required);
    } else if subject.chars().count() > templates::SUBJECT_MAX {
        errors.add(Field::MailSubject, Problem::TooLong);
    } else if subject.contains(['\r', '\n']) {
        errors.add(Field::MailSubject, Problem::BadCharacters);
    }
    if body.is_empty() {
        errors.add(Field::MailBody, Problem::Required);
    } else if body.chars().count() > templates::BODY_MAX {
        errors.add(Field::MailBody, Problem::TooLong);
    } else if let Some((_, problem)) = kind.required().iter().find(|(p, _)| !body.contains(p)) {
        errors.add(Field::MailBody, *problem);
    }
    if errors.is_empty() {
        Ok(templates::Wording { subject: subject.to_owned(), body: body.replace("\r\n", "\n") })
    } else {
        Err(errors)
    }
}

/// A mail as the outbox page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxMail {
    pub id: i64,
    pub site_name: String,
    pub kind: String,
    pub to: String,
    pub subject: String,
    pub body: String,
    pub created_at: String,
    pub sent_at: Option<String>,
    pub failed_at: Option<String>,
    pub attempts: i64,
    pub last_error: Option<String>,
    /// Written before Patron could send mail: only ever passed on by hand.
    pub by_hand: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxView {
    pub mails: Vec<OutboxMail>,
    /// The mail server mails go to (host and port), or `None`: they wait here.
    pub mail_server: Option<String>,
}

/// One mail's wording in one language, as the settings page edits it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WordingView {
    pub kind: String,
    pub placeholders: String,
    pub language: String,
    pub language_name: String,
    /// The site's own wording (else Patron's, shown for editing).
    pub own: bool,
    pub subject: String,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MailSettingsView {
    pub newsletter: NewsletterSettings,
    pub wordings: Vec<WordingView>,
    pub mail_server: Option<String>,
}
