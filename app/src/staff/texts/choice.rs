//! Which language the admin speaks to this browser: the staff member's choice, carried by a
//! cookie set when they sign in or choose; else the browser's `Accept-Language`; else
//! English. The server writes it into `<html lang>`, and the browser reads it back from
//! there when it hydrates, so both sides build the same words.

use super::Lang;

/// The cookie with the chosen language's code. Not a secret (a language), but only ours:
/// an unknown value is ignored.
pub const COOKIE: &str = "patron_lang";

/// The language of the page being rendered or hydrated.
pub fn page_lang() -> Lang {
    #[cfg(feature = "ssr")]
    {
        leptos::prelude::use_context::<axum::http::request::Parts>()
            .map_or(Lang::En, |parts| of_request(&parts.headers))
    }
    #[cfg(not(feature = "ssr"))]
    {
        leptos::prelude::document()
            .document_element()
            .and_then(|html| html.get_attribute("lang"))
            .and_then(|code| Lang::from_code(&code))
            .unwrap_or(Lang::En)
    }
}

/// The language for a request: its cookie, else its `Accept-Language`, else English.
#[cfg(feature = "ssr")]
pub fn of_request(headers: &axum::http::HeaderMap) -> Lang {
    crate::tokens::cookie_values(headers, COOKIE)
        .find_map(Lang::from_code)
        .or_else(|| {
            let header = headers.get(axum::http::header::ACCEPT_LANGUAGE)?.to_str().ok()?;
            from_accept_language(header)
        })
        .unwrap_or(Lang::En)
}

/// The shipped language the browser ranks highest in an `Accept-Language` header
/// (`fi-FI,fi;q=0.9,en;q=0.8` → Finnish). Tags are matched on their first part; a weight
/// of 0 means "not this one". Hand-written: the header's grammar is a dozen lines, and the
/// crates for it pull in locale matching the admin does not need.
pub fn from_accept_language(header: &str) -> Option<Lang> {
    accepted(header).first().copied()
}

/// The shipped languages of an `Accept-Language` header, the browser's favourite first.
pub fn accepted(header: &str) -> Vec<Lang> {
    let mut ranked: Vec<(u16, usize, Lang)> = header
        .split(',')
        .enumerate()
        .filter_map(|(i, entry)| {
            let mut parts = entry.split(';');
            let tag = parts.next()?.trim();
            let weight = parts
                .find_map(|p| p.trim().strip_prefix("q="))
                .map_or(Some(1000), |q| q.trim().parse::<f32>().ok().map(|q| (q.clamp(0.0, 1.0) * 1000.0) as u16))?;
            let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
            let lang = Lang::from_code(&primary)?;
            (weight > 0).then_some((weight, i, lang))
        })
        .collect();
    // Highest weight first; among equals, the header's order.
    ranked.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    ranked.into_iter().map(|r| r.2).collect()
}

/// `Set-Cookie` for the chosen language (a year), or to forget it (`None`: the browser's
/// language again).
#[cfg(feature = "ssr")]
pub fn set_cookie(lang: Option<Lang>, secure: bool) -> axum::http::HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    let (value, age) = match lang {
        Some(l) => (l.code(), 365 * 24 * 3600),
        None => ("", 0),
    };
    axum::http::HeaderValue::from_str(&format!("{COOKIE}={value}; Path=/; Max-Age={age}; SameSite=Lax{secure}"))
        .expect("a language code is a valid header value")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_browsers_first_shipped_language_wins() {
        assert_eq!(from_accept_language("fi-FI,fi;q=0.9,en;q=0.8"), Some(Lang::Fi));
        assert_eq!(from_accept_language("ja,nl-BE;q=0.7,en;q=0.5"), Some(Lang::Nl));
        assert_eq!(from_accept_language("en;q=0.4, ru;q=0.9"), Some(Lang::Ru));
        assert_eq!(from_accept_language("pt-BR"), Some(Lang::Pt));
    }

    #[test]
    fn unknown_refused_or_malformed_entries_are_skipped() {
        assert_eq!(from_accept_language("ja,zh;q=0.8"), None);
        assert_eq!(from_accept_language("de;q=0,af;q=0.2"), Some(Lang::Af));
        assert_eq!(from_accept_language("de;q=abc,fi"), Some(Lang::Fi));
        assert_eq!(from_accept_language(""), None);
        assert_eq!(from_accept_language("*"), None);
    }

    #[test]
    fn the_cookie_beats_the_header_and_a_forged_cookie_is_ignored() {
        use axum::http::{HeaderMap, HeaderValue, header};
        let mut headers = HeaderMap::new();
        headers.insert(header::ACCEPT_LANGUAGE, HeaderValue::from_static("de"));
        assert_eq!(of_request(&headers), Lang::De);
        headers.insert(header::COOKIE, HeaderValue::from_static("other=1; patron_lang=ru"));
        assert_eq!(of_request(&headers), Lang::Ru);
        headers.insert(header::COOKIE, HeaderValue::from_static("patron_lang=<script>"));
        assert_eq!(of_request(&headers), Lang::De);
    }
}
