//! What can be wrong with one field of a form, as a code the browser can translate.

use serde::{Deserialize, Serialize};

/// A problem with one input. The server sends these codes, not sentences, so each widget
/// shows them in the visitor's language; `Display` is the English text for the admin.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum Problem {
    #[error("This field is required.")]
    Required,
    #[error("This is too long.")]
    TooLong,
    #[error("This is too short.")]
    TooShort,
    #[error("This does not look like an email address.")]
    NotAnEmail,
    #[error("This does not look like a phone number.")]
    NotAPhone,
    #[error("This contains characters that are not allowed.")]
    BadCharacters,
    #[error("This must be at least 12 characters long.")]
    PasswordTooShort,
    #[error("Please choose one of the given values.")]
    OutOfRange,
    #[error("Please choose one of the given options.")]
    UnknownOption,
    #[error("Please rank every option exactly once.")]
    NotARanking,
    #[error("Please enter a whole number.")]
    NotANumber,
    #[error("Please enter an amount, such as 12.50.")]
    NotAnAmount,
    #[error("Please enter a date.")]
    NotADate,
    #[error("This is registered already.")]
    AlreadyRegistered,
    #[error("Please tick this box to go on.")]
    MustAgree,
    #[error("This is taken already.")]
    Taken,
    #[error("This must be a path on your site (/privacy) or an http(s) address.")]
    NotAUrl,
    #[error("Use 1 to 40 characters of a-z, 0-9 and _.")]
    NotACode,
    #[error("A row needs an email or a phone, so that importing the file again finds it.")]
    NeedsEmailOrPhone,
    #[error("Another line of this file has the same email or phone.")]
    DuplicateInFile,
    #[error("Keep the {{link}} placeholder: without the link the mail is of no use.")]
    NeedsLink,
    #[error("Keep the {{code}} placeholder: the mail is there to offer the code.")]
    NeedsCode,
    #[error("Keep the {{unsubscribe}} link: every offer must let the customer stop them.")]
    NeedsUnsubscribe,
    #[error("This is not your current password.")]
    WrongPassword,
    #[error("This purchase is voided: nothing more can be returned or voided.")]
    Voided,
}

/// The form fields a problem can be attached to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    FirstName,
    LastName,
    Email,
    Phone,
    Consent,
    Password,
    /// The current password, when changing it.
    Current,
    Score,
    Reason,
    Ranking,
    Choice,
    Other,
    Item,
    Quantity,
    Note,
    Serial,
    PurchaseDate,
    /// A progressive-profiling answer, by the field's code.
    Profile(super::ProfileField),
    // The till.
    Description,
    UnitPrice,
    Discount,
    PaymentMethod,
    Lines,
    // Site settings in the admin.
    SiteKey,
    SiteName,
    PolicyUrl,
    Language,
    Origin,
    ConsentText,
    Code,
    Label,
    Text,
    QueryParams,
    Country,
    TimeZone,
    // Products.
    ProductName,
    Category,
    ImageUrl,
    StockExpected,
    // Reports.
    Period,
    // Segments: a rule's subject and operator, its value, its second value; a saved name.
    Rule,
    Value,
    Second,
    SegmentName,
    DormantDays,
    // Retention rules and the privacy policy.
    AnalyticsMonths,
    InactiveMonths,
    PolicyText,
    // Email settings.
    ConfirmHours,
    MailSubject,
    MailBody,
    // Webhooks.
    Url,
    Events,
    // API keys.
    KeyName,
    Scopes,
    // Automation.
    DiscountCode,
    // Loyalty programmes and cards.
    ProgrammeName,
    ProgrammeKind,
    MinTotal,
    Skus,
    PointsPerUnit,
    ExpiryDays,
    BirthdayReward,
    Rewards,
    ProgrammeWords,
    Amount,
    AdjustReason,
    /// A customer field, in an import row or on the data-quality page.
    Customer(super::CustomerField),
    /// An import row as a whole, or its tags column.
    Row,
    Tags,
    Mapping,
}

/// A problem in one row of a multi-row submission: a line of a purchase, a row of a CSV.
/// `row` counts from 1; 0 means the submission as a whole (its discount, say).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowProblem {
    pub row: usize,
    pub field: Field,
    pub problem: Problem,
}

/// Every problem found in one submission, at most one per field.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldErrors(Vec<(Field, Problem)>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    /// The errors of a submission with one problem, found after parsing (an unknown item, a
    /// duplicate serial...).
    pub fn one(field: Field, problem: Problem) -> Self {
        FieldErrors(vec![(field, problem)])
    }

    /// Records the first problem of a field; later ones for the same field are ignored.
    pub fn add(&mut self, field: Field, problem: Problem) {
        if self.get(field).is_none() {
            self.0.push((field, problem));
        }
    }

    /// Keeps the parsed value, or records its problem and yields `None`.
    pub fn check<T>(&mut self, field: Field, parsed: Result<T, Problem>) -> Option<T> {
        parsed.map_err(|p| self.add(field, p)).ok()
    }

    /// Forgets a field's problem, e.g. once the visitor starts correcting it.
    pub fn remove(&mut self, field: Field) {
        self.0.retain(|(f, _)| *f != field);
    }

    pub fn get(&self, field: Field) -> Option<Problem> {
        self.0.iter().find(|(f, _)| *f == field).map(|(_, p)| *p)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &(Field, Problem)> {
        self.0.iter()
    }
}

/// A whole number typed into a form, within `range`: blank is required, anything else that
/// is not a number is not one, and a number outside the range is out of range.
pub fn parse_whole_in(raw: &str, range: std::ops::RangeInclusive<i64>) -> Result<i64, Problem> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(Problem::Required);
    }
    let n: i64 = raw.parse().map_err(|_| Problem::NotANumber)?;
    if range.contains(&n) { Ok(n) } else { Err(Problem::OutOfRange) }
}

/// Names typed as a list (commas, spaces or lines between them), each one of `known`: at
/// least one, each kept once, in the order typed.
pub fn parse_choices(raw: &str, known: &[&'static str]) -> Result<Vec<&'static str>, Problem> {
    let mut chosen = Vec::new();
    for name in raw.split([',', ' ', '\n']).map(str::trim).filter(|s| !s.is_empty()) {
        let choice = known.iter().find(|k| **k == name).ok_or(Problem::UnknownOption)?;
        if !chosen.contains(choice) {
            chosen.push(*choice);
        }
    }
    if chosen.is_empty() { Err(Problem::Required) } else { Ok(chosen) }
}

/// Rejects control characters (newlines included): no field of ours is multi-line, and
/// they break CSV exports and mailing labels later. Also what only appears when bytes were
/// not text (see [`is_unreadable`]).
pub(crate) fn has_control_chars(s: &str) -> bool {
    s.chars().any(|c| c.is_control() || is_unreadable(c))
}

/// Characters no person types, which would be stored as if they had: U+FFFD, what a
/// decoder puts where bytes were not UTF-8 (a form sent `%FF%FE@x.example` arrives as
/// `��@x.example`), Unicode's non-characters, and the bidirectional overrides and
/// isolates that make a name display as something else (CVE-2021-42574, "Trojan Source").
pub(crate) fn is_unreadable(c: char) -> bool {
    matches!(c, '\u{FFFD}' | '\u{FDD0}'..='\u{FDEF}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        || (c as u32) & 0xFFFE == 0xFFFE
}
