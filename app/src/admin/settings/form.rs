//! The site settings forms as sent, and their parsing into values the database may hold.

use crate::domain::{Country, Field, FieldErrors, FreeText, Problem, SiteKey, TimeZoneName};
use crate::widgets::texts::Lang;
use serde::{Deserialize, Serialize};

/// A site's display name: 1–100 characters on one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteName(String);

impl SiteName {
    pub fn parse(raw: &str) -> Result<SiteName, Problem> {
        one_line(raw, 100).map(SiteName)
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Where a site's privacy policy is: a path on the shop's own site (`/privacy`) or an
/// absolute http(s) address. Widgets link to it beside every consent box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyUrl(String);

impl PolicyUrl {
    pub fn parse(raw: &str) -> Result<PolicyUrl, Problem> {
        let s = raw.trim();
        if s.is_empty() {
            return Err(Problem::Required);
        }
        if s.len() > 500 {
            return Err(Problem::TooLong);
        }
        let shape_ok =
            (s.starts_with('/') && !s.starts_with("//")) || s.starts_with("https://") || s.starts_with("http://");
        // Quotes and angle brackets have no place in an address and would only serve to
        // break out of an attribute.
        let chars_ok = !s.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>'));
        if shape_ok && chars_ok { Ok(PolicyUrl(s.to_owned())) } else { Err(Problem::NotAUrl) }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The stable code of a question option, the key reports group by: 1–40 of `a-z 0-9 _`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionCode(String);

impl OptionCode {
    pub fn parse(raw: &str) -> Result<OptionCode, Problem> {
        let s = raw.trim();
        if s.is_empty() {
            return Err(Problem::Required);
        }
        let ok = s.len() <= 40 && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
        if ok { Ok(OptionCode(s.to_owned())) } else { Err(Problem::NotACode) }
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A site's own wording of a question or an option: one line, at most 200 characters.
pub fn parse_label(raw: &str) -> Result<String, Problem> {
    one_line(raw, 200)
}

/// A consent wording: what the visitor agrees to, 10–1000 characters. Kept verbatim in
/// every consent record given under it.
pub fn parse_consent_text(raw: &str) -> Result<String, Problem> {
    let text = FreeText::parse(raw, 1000)?;
    match text.as_str().chars().count() {
        0 => Err(Problem::Required),
        1..10 => Err(Problem::TooShort),
        _ => Ok(text.as_str().to_owned()),
    }
}

pub fn parse_language(raw: &str) -> Result<Lang, Problem> {
    Lang::from_code(raw.trim()).ok_or(Problem::UnknownOption)
}

fn one_line(raw: &str, max_chars: usize) -> Result<String, Problem> {
    let s = raw.trim();
    if s.is_empty() {
        return Err(Problem::Required);
    }
    if s.chars().count() > max_chars {
        return Err(Problem::TooLong);
    }
    if s.chars().any(char::is_control) {
        return Err(Problem::BadCharacters);
    }
    Ok(s.to_owned())
}

/// The general settings of a site as the form sends them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct GeneralForm {
    pub site: String,
    pub name: String,
    pub privacy_policy_url: String,
    pub default_language: String,
    /// Codes of the languages the site writes its texts in.
    pub languages: Vec<String>,
    /// Query parameters kept in analytics paths, separated by spaces or commas.
    pub kept_query_params: String,
    /// ISO code of the site's country; blank: none.
    #[serde(default)]
    pub country: String,
    /// IANA name of the site's time zone; blank: the country's.
    #[serde(default)]
    pub time_zone: String,
}

/// General settings that passed parsing. `languages` always holds the default language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidGeneral {
    pub name: SiteName,
    pub policy: PolicyUrl,
    pub default_language: Lang,
    pub languages: Vec<Lang>,
    pub kept_query_params: Vec<String>,
    pub country: Option<Country>,
    pub time_zone: Option<TimeZoneName>,
}

impl TryFrom<&GeneralForm> for ValidGeneral {
    type Error = FieldErrors;

    fn try_from(form: &GeneralForm) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = errors.check(Field::SiteName, SiteName::parse(&form.name));
        let policy = errors.check(Field::PolicyUrl, PolicyUrl::parse(&form.privacy_policy_url));
        let default_language = errors.check(Field::Language, parse_language(&form.default_language));
        let kept = errors.check(Field::QueryParams, parse_query_params(&form.kept_query_params));
        let country = errors.check(Field::Country, Country::parse_optional(&form.country)).flatten();
        let time_zone = errors.check(Field::TimeZone, TimeZoneName::parse_optional(&form.time_zone)).flatten();
        let mut languages = Vec::new();
        for raw in &form.languages {
            if let Some(lang) = errors.check(Field::Language, parse_language(raw))
                && !languages.contains(&lang)
            {
                languages.push(lang);
            }
        }
        match (name, policy, default_language, kept) {
            (Some(name), Some(policy), Some(default_language), Some(kept_query_params)) if errors.is_empty() => {
                if !languages.contains(&default_language) {
                    languages.insert(0, default_language);
                }
                Ok(ValidGeneral { name, policy, default_language, languages, kept_query_params, country, time_zone })
            }
            _ => Err(errors),
        }
    }
}

/// The query parameters a site keeps in its analytics paths: at most 10 names of 1–40
/// letters, digits, `-`, `_` or `.`, separated by spaces or commas, each once. The utm_*
/// values are kept in their own columns already and need no listing.
pub fn parse_query_params(raw: &str) -> Result<Vec<String>, Problem> {
    let mut names: Vec<String> = Vec::new();
    for name in raw.split([' ', ',', '\n', '\t']).filter(|n| !n.is_empty()) {
        let ok = name.len() <= 40 && name.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
        if !ok {
            return Err(Problem::BadCharacters);
        }
        if !names.iter().any(|n| n == name) {
            names.push(name.to_owned());
        }
    }
    if names.len() > 10 { Err(Problem::TooLong) } else { Ok(names) }
}

/// A new site as the form sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct NewSiteForm {
    pub key: String,
    pub name: String,
    pub privacy_policy_url: String,
    pub default_language: String,
    /// The newsletter consent wording in the default language: a site cannot collect
    /// signups before it says what visitors agree to.
    pub consent_text: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidNewSite {
    pub key: SiteKey,
    pub name: SiteName,
    pub policy: PolicyUrl,
    pub default_language: Lang,
    pub consent_text: String,
}

impl TryFrom<&NewSiteForm> for ValidNewSite {
    type Error = FieldErrors;

    fn try_from(form: &NewSiteForm) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::new();
        let key = errors.check(Field::SiteKey, SiteKey::parse(form.key.trim()).map_err(|_| Problem::NotACode));
        let name = errors.check(Field::SiteName, SiteName::parse(&form.name));
        let policy = errors.check(Field::PolicyUrl, PolicyUrl::parse(&form.privacy_policy_url));
        let default_language = errors.check(Field::Language, parse_language(&form.default_language));
        let consent_text = errors.check(Field::ConsentText, parse_consent_text(&form.consent_text));
        match (key, name, policy, default_language, consent_text) {
            (Some(key), Some(name), Some(policy), Some(default_language), Some(consent_text)) => {
                Ok(ValidNewSite { key, name, policy, default_language, consent_text })
            }
            _ => Err(errors),
        }
    }
}

/// A site's own texts in one language, keyed like `site_texts.key` (`reasons.question`,
/// `heard.option.friend`); an empty body removes the site's wording, so the catalogue's
/// shows again.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TextsForm {
    pub site: String,
    pub language: String,
    pub texts: Vec<TextEntry>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct TextEntry {
    pub key: String,
    pub body: String,
}

/// The ordered profile fields a site asks for, as the form sends them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProfileFieldsForm {
    pub site: String,
    pub fields: Vec<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policy_addresses_are_site_paths_or_http_urls() {
        assert!(PolicyUrl::parse("/privacy").is_ok());
        assert!(PolicyUrl::parse("https://shop.example/privacy").is_ok());
        for bad in ["//evil.example/x", "javascript:alert(1)", "privacy", "/a b", "/x\"onmouseover=1"] {
            assert_eq!(PolicyUrl::parse(bad), Err(Problem::NotAUrl), "{bad}");
        }
        assert_eq!(PolicyUrl::parse("  "), Err(Problem::Required));
    }

    #[test]
    fn option_codes_are_short_lowercase_words() {
        assert!(OptionCode::parse("free_parking").is_ok());
        assert_eq!(OptionCode::parse("Free parking"), Err(Problem::NotACode));
        assert_eq!(OptionCode::parse(&"a".repeat(41)), Err(Problem::NotACode));
        assert_eq!(OptionCode::parse(""), Err(Problem::Required));
    }

    #[test]
    fn the_default_language_is_always_among_the_sites_languages() {
        let form = GeneralForm {
            site: "demo".into(),
            name: "Bakery".into(),
            privacy_policy_url: "/privacy".into(),
            default_language: "nl".into(),
            languages: vec!["fi".into(), "fi".into()],
            kept_query_params: "q, page q".into(),
            country: String::new(),
            time_zone: String::new(),
        };
        let valid = ValidGeneral::try_from(&form).unwrap();
        assert_eq!(valid.languages, vec![Lang::Nl, Lang::Fi]);
        assert_eq!(valid.kept_query_params, vec!["q".to_owned(), "page".to_owned()]);
    }

    #[test]
    fn an_unknown_language_is_a_field_error() {
        let form = GeneralForm { languages: vec!["xx".into()], ..Default::default() };
        let errors = ValidGeneral::try_from(&form).unwrap_err();
        assert_eq!(errors.get(Field::Language), Some(Problem::UnknownOption));
        assert_eq!(errors.get(Field::SiteName), Some(Problem::Required));
    }

    #[test]
    fn kept_query_parameters_are_plain_names_and_few() {
        assert_eq!(parse_query_params(""), Ok(vec![]));
        assert_eq!(parse_query_params("q\tsort,page"), Ok(vec!["q".into(), "sort".into(), "page".into()]));
        assert_eq!(parse_query_params("q=1"), Err(Problem::BadCharacters));
        assert_eq!(parse_query_params("<b>"), Err(Problem::BadCharacters));
        let eleven = (0..11).map(|i| format!("p{i}")).collect::<Vec<_>>().join(" ");
        assert_eq!(parse_query_params(&eleven), Err(Problem::TooLong));
    }

    #[test]
    fn a_consent_wording_must_say_something() {
        assert_eq!(parse_consent_text("Yes"), Err(Problem::TooShort));
        assert!(parse_consent_text("Yes, send me the newsletter.").is_ok());
        assert_eq!(parse_consent_text(&"x".repeat(1001)), Err(Problem::TooLong));
    }
}
