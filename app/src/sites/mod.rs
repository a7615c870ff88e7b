//! Sites: the shops' websites that embed Patron, each with its allowed origins.

#[cfg(feature = "ssr")]
pub mod clock;
#[cfg(feature = "ssr")]
pub mod date_style;
pub mod db;
#[cfg(feature = "ssr")]
pub mod money_style;
#[cfg(feature = "ssr")]
pub mod periods;
#[cfg(feature = "ssr")]
pub mod phones;

use crate::domain::{AddressMode, Country, Origin, SiteId, SiteKey, WidgetKind};

/// The marker stored in `site_origins` for "the origin Patron itself is served on".
pub const SELF_ORIGIN: &str = "self";

/// A site as the widget endpoints need it.
#[derive(Debug, Clone)]
pub struct Site {
    pub id: SiteId,
    pub key: SiteKey,
    pub name: String,
    pub privacy_policy_url: String,
    pub default_language: String,
    pub allowed_origins: Vec<String>,
    /// The widgets the site has switched on.
    pub widgets: Vec<WidgetKind>,
    /// The languages the site writes its own texts in (codes such as `nl`).
    pub languages: Vec<String>,
    /// Query parameters kept in the paths of page views, in the admin's order.
    pub kept_query_params: Vec<String>,
    /// The widgets that ask for a postal address, and how; the others ask for none.
    pub address_modes: Vec<(WidgetKind, AddressMode)>,
    /// The country it is in (prices are written as its languages write money there).
    pub country: Option<Country>,
    /// Its time zone's name as chosen in its settings ('' : its country's; see `clock`).
    pub time_zone: String,
}

impl Site {
    /// The language to show the site's own texts in (consent wording, questions): the
    /// visitor's if the site writes in it, else the site's default.
    pub fn text_language<'a>(&'a self, visitor: &'a str) -> &'a str {
        if self.writes(visitor) { visitor } else { &self.default_language }
    }

    /// Whether the site writes its own texts in the language `code`.
    pub fn writes(&self, code: &str) -> bool {
        self.languages.iter().any(|l| l == code)
    }

    /// How much of a postal address the site's `widget` asks for.
    pub fn address_mode(&self, widget: WidgetKind) -> AddressMode {
        self.address_modes.iter().find(|(w, _)| *w == widget).map_or(AddressMode::Off, |(_, mode)| *mode)
    }

    /// Whether a page on `origin` may call this site's widgets. `self` stands for Patron's
    /// public address (never the request's `Host`, which the caller chooses).
    pub fn allows(&self, origin: &Origin, public: &crate::server_ctx::PublicOrigin) -> bool {
        self.allowed_origins
            .iter()
            .any(|allowed| if allowed == SELF_ORIGIN { public.is_own(origin) } else { allowed == origin.as_str() })
    }
}

/// The caller of a widget endpoint, after the site key and origin were checked. The
/// server's widget gate puts it into the request; widget server functions refuse to run
/// without it, so a request that skipped the gate stores nothing.
#[derive(Debug, Clone)]
pub struct WidgetCaller {
    pub site: Site,
    pub origin: Origin,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(origins: &[&str]) -> Site {
        Site {
            id: SiteId(1),
            key: SiteKey::parse("demo").unwrap(),
            name: "Demo".into(),
            privacy_policy_url: "/p".into(),
            default_language: "en".into(),
            allowed_origins: origins.iter().map(|s| s.to_string()).collect(),
            widgets: WidgetKind::ALL.to_vec(),
            languages: vec!["en".into(), "nl".into()],
            kept_query_params: Vec::new(),
            address_modes: Vec::new(),
            country: None,
            time_zone: String::new(),
        }
    }

    fn public(url: &str) -> crate::server_ctx::PublicOrigin {
        crate::server_ctx::PublicOrigin::configured(Origin::parse(url).unwrap())
    }

    #[test]
    fn listed_origins_are_allowed_and_others_are_not() {
        let s = site(&["https://shop.example"]);
        let p = public("https://crm.shop.example");
        assert!(s.allows(&Origin::parse("https://shop.example").unwrap(), &p));
        assert!(!s.allows(&Origin::parse("https://evil.example").unwrap(), &p));
        assert!(!s.allows(&Origin::parse("http://shop.example").unwrap(), &p));
        assert!(!s.allows(&Origin::parse("https://crm.shop.example").unwrap(), &p));
    }

    #[test]
    fn texts_are_in_the_visitors_language_only_where_the_site_writes_in_it() {
        let s = site(&[]);
        assert_eq!(s.text_language("nl"), "nl");
        assert_eq!(s.text_language("fi"), "en");
    }

    #[test]
    fn self_means_patrons_public_address() {
        let s = site(&[SELF_ORIGIN]);
        assert!(s.allows(&Origin::parse("https://crm.shop.example").unwrap(), &public("https://crm.shop.example")));
        assert!(!s.allows(&Origin::parse("https://evil.example").unwrap(), &public("https://crm.shop.example")));
        let local = crate::server_ctx::PublicOrigin::loopback("127.0.0.1:3000".parse().unwrap()).unwrap();
        assert!(s.allows(&Origin::parse("http://127.0.0.1:3000").unwrap(), &local));
        assert!(!s.allows(&Origin::parse("http://127.0.0.1:4000").unwrap(), &local));
    }
}
