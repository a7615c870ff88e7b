//! What the tracker sends, bounded and canonicalised before anything is stored.

use serde::Deserialize;

/// An event as the tracker sends it (short keys keep `track.js` small). Every field is
/// optional here; [`Event::parse`] decides what is required.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RawEvent {
    /// `v` page view, `l` leaving (time on page), `e` custom event.
    pub k: String,
    /// The page view's id: random per view, made by the tracker, joining its events.
    pub i: String,
    /// The page's URL.
    pub u: String,
    /// `document.referrer`.
    pub r: String,
    /// Viewport width in CSS pixels.
    pub w: u32,
    /// `navigator.language`.
    pub l: String,
    /// Milliseconds the page was visible (leave events).
    pub d: u64,
    /// Custom event name.
    pub n: String,
    /// Custom event properties.
    pub p: Option<serde_json::Map<String, serde_json::Value>>,
    /// The browser's visitor token, if the visitor identified in a widget.
    pub t: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, Deserialize)]
pub enum Screen {
    Mobile,
    Tablet,
    Desktop,
}

impl Screen {
    pub fn of_width(width: u32) -> Screen {
        match width {
            0..576 => Screen::Mobile,
            576..992 => Screen::Tablet,
            _ => Screen::Desktop,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Screen::Mobile => "mobile",
            Screen::Tablet => "tablet",
            Screen::Desktop => "desktop",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, Deserialize)]
pub struct PageView {
    pub view_id: String,
    pub path: String,
    pub referrer: String,
    pub utm_source: String,
    pub utm_medium: String,
    pub utm_campaign: String,
    pub screen: Screen,
    pub language: String,
}

/// A checked event. It waits in the analytics inbox as JSON (`analytics::inbox`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, Deserialize)]
pub enum Event {
    View(PageView),
    /// The page was visible this long in all (the tracker sends the running total each
    /// time the page is hidden; the largest counts).
    Leave {
        view_id: String,
        duration_ms: u64,
    },
    Custom {
        view_id: String,
        name: String,
        props: String,
        path: String,
    },
}

/// Why an event was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum BadEvent {
    #[error("unknown kind of event")]
    Kind,
    #[error("missing or malformed page view id")]
    ViewId,
    #[error("the page is not on the site's origin")]
    Page,
    #[error("event name missing or too long")]
    Name,
    #[error("event properties too large")]
    Props,
}

/// Longest stored path, referrer host, utm value, language and event name.
const MAX_PATH: usize = 300;
const MAX_HOST: usize = 100;
const MAX_UTM: usize = 100;
const MAX_NAME: usize = 60;
const MAX_PROPS: usize = 1000;
/// A page open for a day is a tab left open, not reading time.
const MAX_DURATION_MS: u64 = 6 * 60 * 60 * 1000;

impl Event {
    /// Parses an event from a page on `origin` (`https://shop.example`, as the browser sent
    /// it in the `Origin` header, already checked against the site) of a site that keeps
    /// the query parameters `kept` in its paths.
    pub fn parse(raw: &RawEvent, origin: &str, kept: &[String]) -> Result<Event, BadEvent> {
        let view_id = parse_view_id(&raw.i)?;
        match raw.k.as_str() {
            "v" => {
                let (path, query) = page_path(&raw.u, origin).ok_or(BadEvent::Page)?;
                let path = with_kept_params(path, &query, kept);
                let utm = |name: &str| bounded(&query_param(&query, name).unwrap_or_default(), MAX_UTM);
                Ok(Event::View(PageView {
                    view_id,
                    path,
                    referrer: referrer_host(&raw.r, origin),
                    utm_source: utm("utm_source"),
                    utm_medium: utm("utm_medium"),
                    utm_campaign: utm("utm_campaign"),
                    screen: Screen::of_width(raw.w),
                    language: language(&raw.l),
                }))
            }
            "l" => Ok(Event::Leave { view_id, duration_ms: raw.d.min(MAX_DURATION_MS) }),
            "e" => {
                let name = raw.n.trim();
                if name.is_empty() || name.chars().count() > MAX_NAME || name.chars().any(char::is_control) {
                    return Err(BadEvent::Name);
                }
                let props = match &raw.p {
                    Some(map) => serde_json::to_string(map).map_err(|_| BadEvent::Props)?,
                    None => "{}".to_owned(),
                };
                if props.len() > MAX_PROPS {
                    return Err(BadEvent::Props);
                }
                let path = page_path(&raw.u, origin).map(|(p, q)| with_kept_params(p, &q, kept)).unwrap_or_default();
                Ok(Event::Custom { view_id, name: name.to_owned(), props, path })
            }
            _ => Err(BadEvent::Kind),
        }
    }
}

/// 8 to 40 characters of `0-9 a-z A-Z -`: what the tracker makes; anything else is not ours.
fn parse_view_id(raw: &str) -> Result<String, BadEvent> {
    let ok = (8..=40).contains(&raw.len()) && raw.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    if ok { Ok(raw.to_owned()) } else { Err(BadEvent::ViewId) }
}

/// The canonical path of a page on `origin` and its query string: no fragment, no trailing
/// slash (but `/`), repeated slashes collapsed. The query is returned for the utm values
/// and the parameters a site keeps; the rest of it is never stored (it can hold emails,
/// tokens, search terms).
pub fn page_path(url: &str, origin: &str) -> Option<(String, String)> {
    let rest = url.strip_prefix(origin)?;
    if !(rest.is_empty() || rest.starts_with(['/', '?', '#'])) {
        return None;
    }
    let rest = rest.split('#').next().unwrap_or("");
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let mut canonical = String::with_capacity(path.len() + 1);
    for segment in path.split('/').filter(|s| !s.is_empty()) {
        canonical.push('/');
        canonical.push_str(segment);
    }
    if canonical.is_empty() {
        canonical.push('/');
    }
    if canonical.len() > MAX_PATH || canonical.chars().any(char::is_control) {
        return None;
    }
    Some((canonical, query.to_owned()))
}

/// `path` with the query parameters of `kept` the page had, in `kept`'s order and as the
/// browser sent them (percent-encoded): `/search?q=rye`. Without them if that would be
/// longer than a stored path may be.
fn with_kept_params(path: String, query: &str, kept: &[String]) -> String {
    let pairs: Vec<&str> = kept
        .iter()
        .filter_map(|name| query.split('&').find(|pair| pair.split('=').next() == Some(name.as_str())))
        .collect();
    if pairs.is_empty() {
        return path;
    }
    let full = format!("{path}?{}", pairs.join("&"));
    if full.len() <= MAX_PATH && !full.chars().any(char::is_control) { full } else { path }
}

/// The referrer's host, lower case, without `www.`; empty for none, for self-referrals and
/// for anything that is not an http(s) URL.
pub fn referrer_host(referrer: &str, origin: &str) -> String {
    let Some((scheme, rest)) = referrer.split_once("://") else {
        return String::new();
    };
    if scheme != "http" && scheme != "https" {
        return String::new();
    }
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit('@').next().unwrap_or("").split(':').next().unwrap_or("").to_ascii_lowercase();
    let own = origin.split_once("://").map(|(_, a)| a.split(':').next().unwrap_or("")).unwrap_or("");
    let host = host.strip_prefix("www.").unwrap_or(&host).to_owned();
    let own = own.strip_prefix("www.").unwrap_or(own);
    let ok = !host.is_empty()
        && host.len() <= MAX_HOST
        && host.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-');
    if !ok || host == own { String::new() } else { host }
}

/// `nl-BE` → `nl`; anything that is not 2–3 letters is dropped.
fn language(raw: &str) -> String {
    let primary = raw.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    if (2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_lowercase()) {
        primary
    } else {
        String::new()
    }
}

fn query_param(query: &str, name: &str) -> Option<String> {
    query.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        (k == name).then(|| percent_decode(v))
    })
}

fn percent_decode(s: &str) -> String {
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%').then(|| Some((hex(*bytes.get(i + 1)?)?, hex(*bytes.get(i + 2)?)?))).flatten();
        match (bytes[i], escaped) {
            (_, Some((hi, lo))) => {
                out.push(hi * 16 + lo);
                i += 3;
            }
            (b'+', None) => {
                out.push(b' ');
                i += 1;
            }
            (b, None) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn bounded(s: &str, max: usize) -> String {
    let clean: String = s.trim().chars().filter(|c| !c.is_control()).collect();
    clean.chars().take(max).collect()
}

/// User agents of crawlers, monitors, previews and scripts: their visits are not people's.
pub fn is_bot(user_agent: &str) -> bool {
    const MARKERS: [&str; 16] = [
        "bot",
        "crawl",
        "spider",
        "slurp",
        "headless",
        "lighthouse",
        "preview",
        "monitor",
        "curl",
        "wget",
        "python-",
        "httpclient",
        "java/",
        "go-http",
        "phantomjs",
        "facebookexternalhit",
    ];
    let ua = user_agent.to_ascii_lowercase();
    ua.is_empty() || MARKERS.iter().any(|m| ua.contains(m))
}

#[cfg(test)]
mod tests {
    use super::*;

    const O: &str = "https://shop.example";

    #[test]
    fn paths_lose_query_fragment_and_trailing_slashes() {
        assert_eq!(page_path("https://shop.example/a//b/?q=1#x", O), Some(("/a/b".into(), "q=1".into())));
        assert_eq!(page_path("https://shop.example", O), Some(("/".into(), String::new())));
        assert_eq!(page_path("https://shop.example.evil.example/", O), None);
        assert_eq!(page_path("https://evil.example/", O), None);
    }

    #[test]
    fn referrers_are_hosts_and_self_referrals_vanish() {
        assert_eq!(referrer_host("https://www.Google.com/search?q=bread", O), "google.com");
        assert_eq!(referrer_host("https://shop.example/other", O), "");
        assert_eq!(referrer_host("android-app://com.x/", O), "");
        assert_eq!(referrer_host("", O), "");
    }

    #[test]
    fn a_page_view_keeps_utm_values_but_no_query() {
        let raw = RawEvent {
            k: "v".into(),
            i: "abcd1234".into(),
            u: "https://shop.example/bread/?utm_source=news%20letter&utm_medium=email&email=a@b.c".into(),
            w: 400,
            l: "nl-BE".into(),
            ..Default::default()
        };
        let Event::View(v) = Event::parse(&raw, O, &[]).unwrap() else { panic!() };
        assert_eq!((v.path.as_str(), v.utm_source.as_str(), v.utm_medium.as_str()), ("/bread", "news letter", "email"));
        assert_eq!((v.screen, v.language.as_str()), (Screen::Mobile, "nl"));
    }

    #[test]
    fn a_site_can_keep_listed_query_parameters_in_its_paths() {
        let kept = ["q".to_owned(), "page".to_owned()];
        let raw = RawEvent {
            k: "v".into(),
            i: "abcd1234".into(),
            u: "https://shop.example/search/?page=2&email=a%40b.c&q=rye%20bread&utm_source=x".into(),
            ..Default::default()
        };
        let Event::View(v) = Event::parse(&raw, O, &kept).unwrap() else { panic!() };
        assert_eq!(v.path, "/search?q=rye%20bread&page=2", "the site's order, nothing else");
        assert_eq!(v.utm_source, "x");
        let plain = RawEvent { u: "https://shop.example/search?qq=1".into(), ..raw.clone() };
        let Event::View(v) = Event::parse(&plain, O, &kept).unwrap() else { panic!() };
        assert_eq!(v.path, "/search");
        let huge = RawEvent { u: format!("https://shop.example/search?q={}", "x".repeat(400)), ..raw };
        let Event::View(v) = Event::parse(&huge, O, &kept).unwrap() else { panic!() };
        assert_eq!(v.path, "/search", "a value past the limit is dropped, not the view");
    }

    #[test]
    fn bad_events_are_refused() {
        let view = |i: &str, u: &str| RawEvent { k: "v".into(), i: i.into(), u: u.into(), ..Default::default() };
        assert_eq!(Event::parse(&view("short", "https://shop.example/"), O, &[]), Err(BadEvent::ViewId));
        assert_eq!(Event::parse(&view("abcd1234", "https://evil.example/"), O, &[]), Err(BadEvent::Page));
        let long = format!("https://shop.example/{}", "a".repeat(400));
        assert_eq!(Event::parse(&view("abcd1234", &long), O, &[]), Err(BadEvent::Page));
        let kind = RawEvent { k: "x".into(), i: "abcd1234".into(), ..Default::default() };
        assert_eq!(Event::parse(&kind, O, &[]), Err(BadEvent::Kind));
        let nameless = RawEvent { k: "e".into(), i: "abcd1234".into(), ..Default::default() };
        assert_eq!(Event::parse(&nameless, O, &[]), Err(BadEvent::Name));
    }

    #[test]
    fn crawlers_and_headless_browsers_are_bots() {
        assert!(is_bot("Mozilla/5.0 (compatible; Googlebot/2.1)"));
        assert!(is_bot("Mozilla/5.0 HeadlessChrome/120.0"));
        assert!(is_bot(""));
        assert!(!is_bot("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120.0 Safari/537.36"));
    }
}
