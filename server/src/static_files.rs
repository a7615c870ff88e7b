//! The browser assets: the embed loader, the WASM bundles, the admin's CSS, the demo shop.
//! Served from the copy embedded in the binary (`build.rs`: compressed once with gzip and
//! brotli), or from a directory when one is given (`--site-root`, for development).
//!
//! Pages load the bundles under `/v/VERSION/…`: that URL names one build's bytes, so it is
//! cached for a year. Everything else (`/embed.js`, which shops embed by a fixed address)
//! must be revalidated, cheaply, by its ETag.

use axum::Router;
use axum::body::Body;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use std::path::{Path, PathBuf};
use tower_http::services::ServeDir;

/// A file compiled into the binary.
pub struct Embedded {
    pub path: &'static str,
    /// A hash of its bytes, its ETag.
    pub tag: &'static str,
    pub raw: &'static [u8],
    pub gzip: Option<&'static [u8]>,
    pub brotli: Option<&'static [u8]>,
}

mod embedded {
    use super::Embedded;
    include!(concat!(env!("OUT_DIR"), "/assets.rs"));
}

/// Where the assets come from.
#[derive(Clone, Debug)]
pub enum Assets {
    Embedded,
    Dir(PathBuf),
}

impl Assets {
    /// The directory when one is given, else the embedded copy; a binary built without
    /// assets (tests before `scripts/build`) reads `target/site`.
    pub fn choose(dir: Option<&Path>) -> Assets {
        match dir {
            Some(dir) => Assets::Dir(dir.to_owned()),
            None if !embedded::FILES.is_empty() => Assets::Embedded,
            None => Assets::Dir(PathBuf::from("target/site")),
        }
    }

    /// The prefix pages load the bundles under: `/v/VERSION`.
    pub fn root(&self) -> String {
        match self {
            Assets::Embedded => format!("/v/{}", embedded::VERSION),
            // Read from disk, the files change under the same name: never cached for long.
            Assets::Dir(_) => "/v/dev".to_owned(),
        }
    }
}

/// Static routes. Everything here is public, so any page may load it (`embed.js` and the
/// widget bundle are fetched cross-origin by shops' pages, which needs CORS).
pub fn routes<S: Clone + Send + Sync + 'static>(assets: Assets, demo: bool) -> Router<S> {
    Router::new().fallback(move |method: Method, uri: axum::http::Uri, headers: HeaderMap| {
        let assets = assets.clone();
        async move {
            if method != Method::GET && method != Method::HEAD {
                return StatusCode::METHOD_NOT_ALLOWED.into_response();
            }
            let Some((path, immutable)) = file_path(uri.path(), demo) else {
                return StatusCode::NOT_FOUND.into_response();
            };
            let mut response = match &assets {
                Assets::Embedded => embedded(&path, immutable, &headers),
                Assets::Dir(dir) => from_dir(dir, &path, &headers).await,
            };
            response.headers_mut().insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
            response
        }
    })
}

/// The file a URL path names (below the site root), and whether it may be cached for good
/// (under this build's version). The demo pages exist only with `--demo`.
fn file_path(url: &str, demo: bool) -> Option<(String, bool)> {
    let (rest, immutable) = match url.strip_prefix("/v/").and_then(|v| v.split_once('/')) {
        Some((version, rest)) => (rest, version == embedded::VERSION && version != "dev"),
        None => (url.trim_start_matches('/'), false),
    };
    let path = match rest {
        "demo" | "demo/" => "demo/index.html".to_owned(),
        "demo/privacy" => "demo/privacy.html".to_owned(),
        "demo/thanks" => "demo/thanks.html".to_owned(),
        other => other.to_owned(),
    };
    if path.starts_with("demo/") && !demo {
        return None;
    }
    // Only plain names: no `..`, no empty or hidden segments.
    let plain = !path.is_empty() && path.split('/').all(|s| !s.is_empty() && !s.starts_with('.'));
    plain.then_some((path, immutable))
}

/// Whether the browser takes `coding` (`Accept-Encoding`; `q=0` refuses it).
fn accepts(headers: &HeaderMap, coding: &str) -> bool {
    let values = headers.get_all(header::ACCEPT_ENCODING);
    for part in values.iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(',')) {
        let mut bits = part.split(';').map(str::trim);
        if !bits.next().is_some_and(|c| c.eq_ignore_ascii_case(coding)) {
            continue;
        }
        let q = bits.find_map(|b| b.strip_prefix("q=")).and_then(|q| q.trim().parse::<f32>().ok()).unwrap_or(1.0);
        return q > 0.0;
    }
    false
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next() {
        Some("js") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("html") => "text/html; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("json") => "application/json",
        Some("png") => "image/png",
        _ => "application/octet-stream",
    }
}

fn cache_control(immutable: bool) -> HeaderValue {
    HeaderValue::from_static(if immutable { "public, max-age=31536000, immutable" } else { "no-cache" })
}

fn embedded(path: &str, immutable: bool, headers: &HeaderMap) -> Response {
    let Some(file) = embedded::FILES.iter().find(|f| f.path == path) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let (body, coding) = match (file.brotli, file.gzip) {
        (Some(br), _) if accepts(headers, "br") => (br, Some("br")),
        (_, Some(gz)) if accepts(headers, "gzip") => (gz, Some("gzip")),
        _ => (file.raw, None),
    };
    let etag = format!("\"{}{}\"", file.tag, coding.map(|c| format!("-{c}")).unwrap_or_default());
    let fresh = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
    let mut response = if fresh { StatusCode::NOT_MODIFIED.into_response() } else { Response::new(Body::from(body)) };
    let h = response.headers_mut();
    if !fresh {
        h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type(path)));
        if let Some(coding) = coding {
            h.insert(header::CONTENT_ENCODING, HeaderValue::from_static(coding));
        }
    }
    h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    h.insert(header::CACHE_CONTROL, cache_control(immutable));
    if let Ok(tag) = HeaderValue::from_str(&etag) {
        h.insert(header::ETAG, tag);
    }
    response
}

async fn from_dir(dir: &Path, path: &str, headers: &HeaderMap) -> Response {
    use tower::ServiceExt;
    let mut request = axum::http::Request::builder().uri(format!("/{path}"));
    for (name, value) in headers {
        request = request.header(name, value);
    }
    let Ok(request) = request.body(Body::empty()) else { return StatusCode::BAD_REQUEST.into_response() };
    match ServeDir::new(dir).oneshot(request).await {
        Ok(mut response) => {
            response.headers_mut().insert(header::CACHE_CONTROL, cache_control(false));
            response.map(Body::new)
        }
        Err(never) => match never {},
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_plain_names_below_the_root_and_the_demo_needs_demo() {
        assert_eq!(file_path("/embed.js", false), Some(("embed.js".into(), false)));
        assert_eq!(file_path("/v/dev/pkg/widgets.js", false), Some(("pkg/widgets.js".into(), false)));
        assert_eq!(file_path("/demo", true), Some(("demo/index.html".into(), false)));
        assert_eq!(file_path("/demo", false), None);
        for bad in ["/../secret", "/pkg/../x", "/.env", "/", "/pkg//x"] {
            assert_eq!(file_path(bad, true), None, "{bad}");
        }
    }

    #[test]
    fn an_encoding_refused_with_q_0_is_not_used() {
        let mut h = HeaderMap::new();
        h.insert(header::ACCEPT_ENCODING, HeaderValue::from_static("gzip, deflate, br;q=0"));
        assert!(accepts(&h, "gzip"));
        assert!(!accepts(&h, "br"));
        h.insert(header::ACCEPT_ENCODING, HeaderValue::from_static("br;q=0.5"));
        assert!(accepts(&h, "br"));
    }
}
