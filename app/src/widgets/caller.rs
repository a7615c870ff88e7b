//! Who is calling a widget endpoint, as established by the server's widget gate.

use crate::domain::{Origin, WidgetKind};
use crate::error::AppError;
use crate::sites::WidgetCaller;

/// The verified caller of a server function of the widget `kind`. Requests that did not
/// come through the gate (`/s/SITEKEY/...`) carry none and are refused here, and so are
/// calls to a widget the site has switched off.
pub async fn widget_caller(kind: WidgetKind) -> Result<WidgetCaller, AppError> {
    let caller = gated_caller()?;
    if !caller.site.widgets.contains(&kind) {
        return Err(AppError::WidgetOff);
    }
    Ok(caller)
}

/// The verified caller of an endpoint that serves every widget of the site alike.
pub fn gated_caller() -> Result<WidgetCaller, AppError> {
    let parts = crate::server_ctx::request_parts()?;
    parts.extensions.get::<WidgetCaller>().cloned().ok_or(AppError::UnknownSite)
}

/// The page a form was sent from, reduced to origin and path (queries and fragments can
/// carry personal data) and only if it is on the caller's origin; else just the origin.
pub fn page_on_origin(page_url: &str, origin: &Origin) -> String {
    const MAX_LEN: usize = 2048;
    let base = origin.as_str();
    let path = page_url
        .strip_prefix(base)
        .filter(|rest| rest.starts_with('/'))
        .map(|rest| rest.split(['?', '#']).next().unwrap_or("/"))
        .filter(|path| base.len() + path.len() <= MAX_LEN && !path.chars().any(char::is_control))
        .unwrap_or("/");
    format!("{base}{path}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_keep_origin_and_path_only() {
        let o = Origin::parse("https://shop.example").unwrap();
        assert_eq!(page_on_origin("https://shop.example/news?email=a@b.c#x", &o), "https://shop.example/news");
        assert_eq!(page_on_origin("https://evil.example/news", &o), "https://shop.example/");
        assert_eq!(page_on_origin("https://shop.example.evil.example/", &o), "https://shop.example/");
        assert_eq!(page_on_origin("", &o), "https://shop.example/");
    }
}
