//! Small pieces every admin page shares.

use crate::error::AppError;
use leptos::prelude::*;

/// `2026-11-23T09:47:00.123Z` → `2026-11-23 09:47` (UTC).
pub fn short_time(iso: &str) -> String {
    iso.get(..16).unwrap_or(iso).replace('T', " ")
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

/// A bar chart in SVG (no script, no CDN): one bar per point, negative values below a zero
/// line, each bar titled with its label and value; a hidden table repeats the figures for
/// screen readers.
#[component]
pub fn Bars(points: Vec<(String, i64)>, label: &'static str) -> impl IntoView {
    const HEIGHT: i64 = 120;
    const STEP: i64 = 14;
    let max = points.iter().map(|p| p.1).max().unwrap_or(0).max(0);
    let min = points.iter().map(|p| p.1).min().unwrap_or(0).min(0);
    let span = (max - min).max(1);
    let zero = max * HEIGHT / span;
    let width = (points.len() as i64 * STEP).max(STEP);
    view! {
        <svg class="chart" viewBox=format!("0 0 {width} {}", HEIGHT + 14) role="img" aria-label=label>
            <line x1="0" x2=width y1=zero y2=zero class="zero" />
            {points.iter().enumerate().map(|(i, (name, value))| {
                let h = value.abs() * HEIGHT / span;
                let y = if *value >= 0 { zero - h } else { zero };
                view! {
                    <rect x=i as i64 * STEP + 1 y=y width="12" height=h class:negative=*value < 0>
                        <title>{format!("{name}: {value}")}</title>
                    </rect>
                }
            }).collect_view()}
            <text x="0" y=HEIGHT + 12>{points.first().map(|p| p.0.clone()).unwrap_or_default()}</text>
        </svg>
        <table class="sr-only">
            <caption>{label}</caption>
            <tbody>
                {points.into_iter().map(|(name, value)| view! { <tr><td>{name}</td><td>{value}</td></tr> }).collect_view()}
            </tbody>
        </table>
    }
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
