//! Logging. Spans carry method and path, never query strings or bodies: both can hold
//! personal data (a search for an email address, a signup form).

use tracing_subscriber::EnvFilter;

pub fn init() {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn,tower_http=warn"));
    let _ = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).try_init();
}

/// The request path as logs may keep it: a segment that looks like a token (a one-time
/// link's, an invitation's, an unsubscribe link's) is replaced by `:token`, so whoever
/// reads the logs cannot use a link that was still live. A token is told by its shape —
/// 20 characters or more, a quarter of them digits — since the outer layer that logs runs
/// before routing and knows no route templates; names of endpoints are words, not digits.
pub fn loggable_path(path: &str) -> String {
    path.split('/')
        .map(|segment| {
            let digits = segment.bytes().filter(u8::is_ascii_digit).count();
            if segment.len() >= 20 && digits * 4 >= segment.len() { ":token" } else { segment }
        })
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::loggable_path;

    #[test]
    fn tokens_in_paths_are_not_logged() {
        let token = "3f9a0c2b7d14e8f65a09b3c7d2e1f0a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0";
        assert_eq!(loggable_path(&format!("/p/demo/privacy/confirm/{token}")), "/p/demo/privacy/confirm/:token");
        assert_eq!(
            loggable_path(&format!("/p/demo/newsletter/confirm/12-{token}")),
            "/p/demo/newsletter/confirm/:token"
        );
        assert_eq!(loggable_path("/api/admin/list_customers_for_segment"), "/api/admin/list_customers_for_segment");
        assert_eq!(loggable_path("/admin/customers/12345"), "/admin/customers/12345");
    }
}
