//! The staff admin: a Leptos app rendered on the server and hydrated in the browser.

pub mod analytics;
pub mod api_keys;
pub mod areas;
pub mod audit;
pub mod auth;
pub mod backups;
pub mod customers;
pub mod dashboard;
pub mod duplicates;
pub mod import;
mod nav;
pub mod policy;
pub mod products;
pub mod quality;
pub mod record;
pub mod reports;
pub mod reservations;
pub mod retention;
pub mod rights;
pub mod segments;
pub mod services;
pub mod settings;
pub mod site_choice;
pub mod staff;
pub mod till;

use analytics::AnalyticsPage;
use areas::{Area, Bundle, Everything, page};
use audit::AuditLogPage;
use auth::{AuthState, LoginPage, SetupPage, get_auth_state};
use backups::BackupsPage;
use customers::CustomersPage;
use dashboard::DashboardPage;
use duplicates::DuplicatesPage;
use import::ImportPage;
use leptos::prelude::*;
use leptos_meta::{MetaTags, Title, provide_meta_context};
use leptos_router::SsrMode;
use leptos_router::components::{Outlet, ParentRoute, Redirect, Route, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;
use quality::QualityPage;
use record::RecordPage;
use reports::ReportsPage;
use reservations::ReservationsPage;
use rights::RequestsPage;
use segments::{DormantPage, SegmentsPage};
use settings::{SiteSettingsPage, SitesPage};
use staff::{AccountPage, InvitePage, StaffPage};
use till::TillPage;

/// The HTML document around the admin, rendered on the server. `assets` is the prefix of
/// this build's bundles (`/v/VERSION`, see the server's `static_files`).
pub fn shell(options: LeptosOptions, assets: String) -> impl IntoView {
    #[cfg(feature = "ssr")]
    set_security_policy();
    let lang = crate::staff::texts::choice::page_lang();
    // How the reader's language writes dates, on the site's clock, for the browser to write
    // them the same way when it hydrates (`staff::ui::page_dates`).
    #[cfg(feature = "ssr")]
    let dates = serde_json::to_string(&crate::staff::ui::page_dates()).unwrap_or_default();
    #[cfg(not(feature = "ssr"))]
    let dates = String::new();
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8" />
                <meta name="patron-dates" content=dates />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                <link rel="stylesheet" href=format!("{assets}/pkg/admin.css") />
                <AutoReload options=options.clone() />
                <HydrationScripts options=area_bundle(options) root=assets />
                <MetaTags />
            </head>
            <body>
                <AdminApp />
            </body>
        </html>
    }
}

/// `options` naming the bundle of the requested page's area (`areas`).
fn area_bundle(options: LeptosOptions) -> LeptosOptions {
    #[cfg(feature = "ssr")]
    if let Some(parts) = use_context::<axum::http::request::Parts>() {
        let mut options = options;
        options.output_name = Area::of_path(parts.uri.path()).bundle().into();
        return options;
    }
    options
}

/// The admin's Content-Security-Policy: scripts only from Patron itself plus the inline
/// hydration scripts Leptos marks with this response's nonce, WASM compilation, calls to
/// Patron only, and no framing (clickjacking). Inline `style` attributes stay allowed: the
/// charts size their bars with them.
#[cfg(feature = "ssr")]
fn set_security_policy() {
    use axum::http::{HeaderValue, header};
    let Some(nonce) = leptos::nonce::use_nonce() else {
        tracing::error!("no nonce for the admin's Content-Security-Policy");
        return;
    };
    let policy = format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; \
         frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'"
    );
    if let Ok(value) = HeaderValue::from_str(&policy) {
        crate::server_ctx::set_response_header(header::CONTENT_SECURITY_POLICY, value);
    }
    crate::server_ctx::set_response_header(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
}

/// The admin with every page, as the server renders it.
#[component]
pub fn AdminApp() -> impl IntoView {
    admin_app::<Everything>()
}

/// A route's view in bundle `B` (in scope where it is used): the page when `B` carries
/// its area, else `areas::Elsewhere`.
macro_rules! in_area {
    ($area:ident, $page:path) => {
        page::<B, { Area::$area.bit() }, _, _>($page)
    };
}

/// The admin with the pages of bundle `B`'s areas; the others' routes lead to `Elsewhere`.
pub fn admin_app<B: Bundle>() -> impl IntoView {
    provide_meta_context();
    // Every page below reads its words in this language (`staff::texts::t`).
    provide_context(crate::staff::texts::choice::page_lang());
    // ... and writes its dates so (`staff::ui::short_time`).
    provide_context(crate::staff::ui::page_dates());
    let t = crate::staff::texts::t();
    view! {
        <Title text=t.common().title />
        <Router>
            <Routes fallback=move || view! { <main class="auth"><h1>{t.common().not_found}</h1><a href="/admin">{t.common().back_to_admin}</a></main> }>
                <Route path=path!("/admin/setup") view=in_area!(Front, SetupPage) />
                <Route path=path!("/admin/login") view=in_area!(Front, LoginPage) />
                <Route path=path!("/admin/invite/:token") view=in_area!(Front, InvitePage) />
                <ParentRoute path=path!("/admin") view=SignedInLayout>
                    <Route path=path!("") view=in_area!(Front, DashboardPage) />
                    <Route path=path!("customers") view=in_area!(Customers, CustomersPage) />
                    <Route path=path!("customers/:id") view=in_area!(Customers, RecordPage) />
                    <Route path=path!("customers/:id/card") view=in_area!(Till, crate::admin::services::loyalty_card::PrintCardPage) />
                    // Rendered whole before it is sent: the till makes its loyalty cards' data
                    // before a customer is chosen, unread on the server, and streamed out of
                    // order that data raced the page's own, so hydration sometimes met the
                    // "Loading…" it expected replaced already (about 1 load in 30).
                    <Route path=path!("till") view=in_area!(Till, TillPage) ssr=SsrMode::Async />
                    <Route path=path!("reservations") view=in_area!(Till, ReservationsPage) />
                    <Route path=path!("products") view=in_area!(Till, products::ProductsPage) />
                    <Route path=path!("segments") view=in_area!(Insight, SegmentsPage) />
                    // Whole before it is sent, as the till: its list is made inside the rule's
                    // suspense (it needs the saved rule), and streamed, 10 loads in 30 met a
                    // hydration panic (tachys "entered unreachable code").
                    <Route path=path!("dormant") view=in_area!(Insight, DormantPage) ssr=SsrMode::Async />
                    <Route path=path!("reports") view=in_area!(Insight, ReportsPage) />
                    <Route path=path!("duplicates") view=in_area!(Upkeep, DuplicatesPage) />
                    <Route path=path!("import") view=in_area!(Upkeep, ImportPage) />
                    <Route path=path!("quality") view=in_area!(Upkeep, QualityPage) />
                    <Route path=path!("analytics") view=in_area!(Insight, AnalyticsPage) />
                    <Route path=path!("requests") view=in_area!(Customers, RequestsPage) />
                    <Route path=path!("outbox") view=in_area!(Oversight, crate::admin::services::mail::OutboxPage) />
                    <Route path=path!("staff") view=in_area!(Oversight, StaffPage) />
                    <Route path=path!("account") view=in_area!(Front, AccountPage) />
                    <Route path=path!("backups") view=in_area!(Oversight, BackupsPage) />
                    <Route path=path!("audit") view=in_area!(Oversight, AuditLogPage) />
                    <Route path=path!("sites") view=in_area!(Settings, SitesPage) />
                    <Route path=path!("sites/:key") view=in_area!(Settings, SiteSettingsPage) />
                </ParentRoute>
            </Routes>
        </Router>
    }
}

/// The frame of every signed-in page; sends others to set-up or sign-in.
///
/// The page (`Outlet`) sits outside the sign-in check's `Suspense` on purpose: a page's
/// resources created inside a suspense that re-renders are created twice on the server,
/// and the first, orphaned, fetch then fails and breaks hydration. Each page's server
/// functions check the session themselves anyway.
#[component]
fn SignedInLayout() -> impl IntoView {
    let location = use_location();
    // Re-checked on every navigation, so signing out elsewhere takes effect on the next click.
    let auth = Resource::new(move || location.pathname.get(), |_| get_auth_state());
    view! {
        <div class="shell">
            <Suspense fallback=|| view! { <nav::SideNavPlaceholder /> }>
                {move || Suspend::new(async move {
                    match auth.await {
                        Ok(AuthState::SignedIn { email, role, sites, site }) => {
                            view! { <nav::SideNav email role sites site /> }.into_any()
                        }
                        Ok(AuthState::NeedsSetup) => view! { <Redirect path="/admin/setup" /> }.into_any(),
                        Ok(AuthState::SignedOut) => view! { <Redirect path="/admin/login" /> }.into_any(),
                        Err(error) => view! { <crate::staff::ui::ErrorLine error /> }.into_any(),
                    }
                })}
            </Suspense>
            <main class="page"><Outlet /></main>
        </div>
    }
}
