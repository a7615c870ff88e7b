//! Small pieces every admin page shares.

use crate::domain::DateStyle;
use crate::error::AppError;
use leptos::prelude::*;

/// An ISO moment or day as the page's reader writes it: `2026-11-23T09:47:00.123Z` →
/// "23 nov 2026, 11:47" in Dutch, "23.11.2026 klo 11.47" in Finnish (moments on the site's
/// clock, here Helsinki's). ISO without seconds, in UTC, outside the admin (no style provided).
pub fn short_time(iso: &str) -> String {
    dates().write(iso)
}

/// The style `AdminApp` provides; ISO outside it.
fn dates() -> DateStyle {
    use_context::<DateStyle>().unwrap_or_else(DateStyle::iso)
}

/// The time of day of a stored moment on the site's clock ("09:05", "9.05").
pub fn time_of_day(iso: &str) -> String {
    dates().write_time(iso)
}

/// An ISO day in words with its weekday, as the page's reader writes it ("vrijdag 4
/// december 2026").
pub fn long_day(iso: &str) -> String {
    dates().write_long(iso)
}

/// The date style of the page being rendered or hydrated: on the server, the reader's
/// language's from CLDR on the clock of the site the page is about (`sites::clock`); in the
/// browser, the one the server wrote into the page's head.
pub fn page_dates() -> DateStyle {
    #[cfg(feature = "ssr")]
    {
        use crate::sites::clock::{PageClock, offsets};
        let clock = use_context::<axum::http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<PageClock>().map(|clock| offsets(&clock.0)))
            .unwrap_or_default();
        crate::sites::date_style::style(super::texts::choice::page_lang()).on_clock(clock)
    }
    #[cfg(not(feature = "ssr"))]
    {
        document()
            .query_selector("meta[name=patron-dates]")
            .ok()
            .flatten()
            .and_then(|meta| meta.get_attribute("content"))
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_else(DateStyle::iso)
    }
}

/// The error of a finished action, for `FormError`.
pub fn action_error<I, T>(action: ServerAction<I>) -> Signal<Option<AppError>>
where
    I: leptos::server_fn::ServerFn<Output = T, Error = AppError> + Clone + Send + Sync + 'static,
    T: Clone + Send + Sync + 'static,
{
    Signal::derive(move || action.value().get().and_then(Result::err))
}

/// Bumps `changed` whenever `action` succeeds, so the page reloads what it shows.
pub fn reload_after<I, T>(action: ServerAction<I>, changed: RwSignal<u32>)
where
    I: leptos::server_fn::ServerFn<Output = T, Error = AppError> + Clone + Send + Sync + 'static,
    T: Clone + Send + Sync + 'static,
{
    Effect::new(move || {
        if matches!(action.value().get(), Some(Ok(_))) {
            changed.update(|n| *n += 1);
        }
    });
}

/// An error sentence in the page, announced to screen readers.
#[component]
pub fn ErrorLine(error: AppError) -> impl IntoView {
    view! { <p class="form-error" role="alert">{super::texts::t().error(&error)}</p> }
}

/// `s` as a value in a link's query string: everything but the unreserved characters and
/// `/` (both may stand unescaped in a query, RFC 3986 §3.4) percent-encoded, byte by byte.
pub fn query_value(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Counts as horizontal bars in a table, the longest bar the largest count.
#[component]
pub fn TallyList(items: Vec<(String, i64)>, empty: &'static str, name: &'static str) -> impl IntoView {
    if items.is_empty() {
        return view! { <p class="empty">{empty}</p> }.into_any();
    }
    let max = items.iter().map(|c| c.1).max().unwrap_or(1).max(1);
    view! {
        <table class="customers counts" data-list=name>
            <tbody>
                {items.into_iter().map(|(label, count)| {
                    let key = label.clone();
                    view! {
                        <tr data-label=key>
                            <td><span class="bar" style=format!("width: {}%", count * 100 / max)></span>{label}</td>
                            <td>{count}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
