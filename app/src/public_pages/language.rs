//! The language of a customer page: the link's (`?lang=`, the language of the mail or page
//! the customer came from), else the first of the browser's the site writes in, else the
//! site's default. Only languages the site writes its own texts in are used, so the page's
//! words and the shop's (consent wording, product names) are never in two languages.
//!
//! The page keeps it in every link and form it writes (`?lang=`), so it stays the same from
//! one step to the next without a cookie.

use super::texts::{Lang, PageTexts};
use crate::sites::Site;
use axum::http::{HeaderMap, header};
use serde::Deserialize;

/// The `?lang=` of a customer page's address.
#[derive(Debug, Default, Deserialize)]
pub struct Asked {
    #[serde(default)]
    pub lang: Option<String>,
}

/// The language to write `site`'s page in for this request.
pub fn chosen(site: &Site, asked: &Asked, headers: &HeaderMap) -> Lang {
    let writes = |lang: &Lang| site.writes(lang.code());
    asked
        .lang
        .as_deref()
        .and_then(Lang::from_code)
        .filter(writes)
        .or_else(|| {
            let header = headers.get(header::ACCEPT_LANGUAGE)?.to_str().ok()?;
            crate::staff::texts::choice::accepted(header).into_iter().find(writes)
        })
        .unwrap_or_else(|| Lang::from_tag(&site.default_language))
}

/// `?lang=nl`: what the page's links and forms carry.
pub fn query(lang: Lang) -> String {
    format!("?lang={}", lang.code())
}

/// The words of `lang`.
pub fn words(lang: Lang) -> &'static PageTexts {
    super::texts::of(lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{SiteId, SiteKey};

    fn site(default: &str, languages: &[&str]) -> Site {
        Site {
            id: SiteId(1),
            key: SiteKey::parse("demo").unwrap(),
            name: "Demo".into(),
            privacy_policy_url: "/p".into(),
            default_language: default.into(),
            allowed_origins: Vec::new(),
            widgets: Vec::new(),
            languages: languages.iter().map(|l| l.to_string()).collect(),
            kept_query_params: Vec::new(),
            address_modes: Vec::new(),
            country: None,
            time_zone: String::new(),
        }
    }

    fn browser(accept: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(header::ACCEPT_LANGUAGE, accept.parse().unwrap());
        h
    }

    fn link(lang: &str) -> Asked {
        Asked { lang: Some(lang.into()) }
    }

    #[test]
    fn the_link_then_the_browser_then_the_site_and_only_what_the_site_writes() {
        let s = site("nl", &["nl", "ru", "en"]);
        assert_eq!(chosen(&s, &link("ru"), &browser("de-DE,en;q=0.5")), Lang::Ru, "the link first");
        assert_eq!(chosen(&s, &link("fi"), &browser("de-DE,en;q=0.5")), Lang::En, "not written: the browser's next");
        assert_eq!(chosen(&s, &Asked::default(), &browser("fi,ru;q=0.3")), Lang::Ru);
        assert_eq!(chosen(&s, &Asked::default(), &browser("fi")), Lang::Nl, "else the site's default");
        assert_eq!(chosen(&s, &link("xx<script>"), &HeaderMap::new()), Lang::Nl);
        assert_eq!(query(Lang::Ru), "?lang=ru");
    }
}
