//! The admin's areas: each is a browser bundle of its own carrying only its pages (issue 32,
//! "the admin in pieces"), so the first page a staff member opens downloads Leptos and the
//! pages of its area, not every page.
//!
//! Chosen over Leptos' `lazy` routes (which split one binary with `wasm-split` into a file
//! per route): the bundles are built as the widget families are, from features of
//! `frontend` with `app` compiled once, by the tools the build already has. The price is a
//! page load when a link leads into another area (its bundle is fetched then, once; the
//! page is rendered on the server as always), and the runtime downloaded once per area.
//!
//! The server renders every page ([`Everything`]) and names the bundle of the page's area
//! ([`Area::of_path`]) in the page it sends; a bundle built for some areas (`frontend`'s
//! features) renders a page of another area as [`Elsewhere`], which loads that page from
//! the server.

use leptos::prelude::*;

/// One bundle's share of the admin, named after what a staff member does there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Area {
    /// Signing in, setting up, the dashboard and one's own account: the pages a staff
    /// member opens first.
    Front,
    /// The till, reservations, products and the loyalty card to print.
    Till,
    /// The customer list and record, privacy requests.
    Customers,
    /// Keeping the customer data clean and complete: duplicates, quality, import.
    Upkeep,
    /// Segments, dormant customers, reports, analytics.
    Insight,
    /// Sites and their settings.
    Settings,
    /// Staff, backups, the audit log, the mail outbox.
    Oversight,
}

impl Area {
    pub const ALL: [Area; 7] =
        [Area::Front, Area::Till, Area::Customers, Area::Upkeep, Area::Insight, Area::Settings, Area::Oversight];

    /// The bundle's file name: `pkg/{name}.js` and `pkg/{name}_bg.wasm`.
    pub fn bundle(self) -> &'static str {
        match self {
            Area::Front => "patron-front",
            Area::Till => "patron-till",
            Area::Customers => "patron-customers",
            Area::Upkeep => "patron-upkeep",
            Area::Insight => "patron-insight",
            Area::Settings => "patron-settings",
            Area::Oversight => "patron-oversight",
        }
    }

    /// This area's bit in a bundle's [`Bundle::AREAS`].
    pub const fn bit(self) -> u32 {
        1 << self as u32
    }

    /// The area of the page at `path`, as `AdminApp`'s routes place it; paths no route
    /// knows (the "not found" page) are the front's.
    pub fn of_path(path: &str) -> Area {
        let rest = match path.strip_prefix("/admin") {
            Some(rest) if rest.is_empty() || rest.starts_with('/') => rest,
            _ => "",
        };
        let mut segments = rest.split('/').filter(|s| !s.is_empty());
        let first = segments.next().unwrap_or("");
        match first {
            "till" | "reservations" | "products" => Area::Till,
            "customers" if segments.nth(1) == Some("card") => Area::Till,
            "customers" | "requests" => Area::Customers,
            "duplicates" | "quality" | "import" => Area::Upkeep,
            "segments" | "dormant" | "reports" | "analytics" => Area::Insight,
            "sites" => Area::Settings,
            "staff" | "backups" | "audit" | "outbox" => Area::Oversight,
            _ => Area::Front,
        }
    }
}

/// Which areas' pages a build carries, as a type so that a bundle's routes to other areas'
/// pages are removed when it is compiled (the test is a constant, see [`page`]).
pub trait Bundle: 'static {
    /// The [`Area::bit`]s of the areas carried.
    const AREAS: u32;
}

/// Every page: the server, which renders them all.
pub struct Everything;

impl Bundle for Everything {
    const AREAS: u32 = u32::MAX;
}

/// A route's view: the page itself when bundle `B` carries area `AREA`, else [`Elsewhere`].
/// `view` is a component's function item (a type of its own, no pointer), so a bundle
/// without the area holds no reference to the page and the linker drops its code.
pub fn page<B: Bundle, const AREA: u32, V, F>(view: F) -> impl Fn() -> AnyView + Clone + Send + Sync + 'static
where
    V: IntoView + 'static,
    F: Fn() -> V + Copy + Send + Sync + 'static,
{
    move || if B::AREAS & AREA != 0 { view().into_any() } else { Elsewhere().into_any() }
}

/// A page of an area this bundle does not carry, reached by a link or the back button:
/// loads the page from the server, which sends it with its area's bundle.
#[component]
pub fn Elsewhere() -> impl IntoView {
    let t = crate::staff::texts::t();
    #[cfg(feature = "hydrate")]
    {
        let location = leptos_router::hooks::use_location();
        let href = format!(
            "{}{}{}",
            location.pathname.get_untracked(),
            location.search.get_untracked(),
            location.hash.get_untracked()
        );
        // The page the browser loaded is always one of this bundle's (the server chose the
        // bundle for it); going there again would load the same bundle: a loop, not a page.
        if location.pathname.get_untracked() != loaded_path() {
            load(&href);
        }
    }
    view! { <p class="loading">{t.common().loading}</p> }
}

/// Loads `href` from the server as a new page, once: a second call for the same address
/// (the sign-in page's own move and the router's, which its server's redirect starts,
/// meeting `Elsewhere`) would abort the first load and start it again. In the browser only.
///
/// The new page takes the place of the router's history entry for `href` (pushed as the
/// router moved there), so the back button leads to the page before, not to `href` again.
pub fn load(href: &str) {
    thread_local! {
        static LOADING: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
    }
    let first = LOADING.with(|loading| {
        let mut loading = loading.borrow_mut();
        let first = loading.as_deref() != Some(href);
        *loading = Some(href.to_owned());
        first
    });
    if first {
        let _ = window().location().replace(href);
    }
}

/// The path of the page the browser loaded, before any navigation inside the app.
#[cfg(feature = "hydrate")]
fn loaded_path() -> String {
    thread_local! {
        static LOADED: String = window().location().pathname().unwrap_or_default();
    }
    LOADED.with(Clone::clone)
}

/// Notes the loaded page's path before the router can change it.
#[cfg(feature = "hydrate")]
pub(crate) fn note_loaded_path() {
    let _ = loaded_path();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_admin_path_belongs_to_the_area_its_route_names() {
        for (path, area) in [
            ("/admin", Area::Front),
            ("/admin/", Area::Front),
            ("/admin/login", Area::Front),
            ("/admin/setup", Area::Front),
            ("/admin/invite/abc", Area::Front),
            ("/admin/account", Area::Front),
            ("/admin/no-such-page", Area::Front),
            ("/admin/till", Area::Till),
            ("/admin/reservations", Area::Till),
            ("/admin/products", Area::Till),
            ("/admin/customers/12/card", Area::Till),
            ("/admin/customers", Area::Customers),
            ("/admin/customers/12", Area::Customers),
            ("/admin/duplicates", Area::Upkeep),
            ("/admin/quality", Area::Upkeep),
            ("/admin/import", Area::Upkeep),
            ("/admin/requests", Area::Customers),
            ("/admin/segments", Area::Insight),
            ("/admin/dormant", Area::Insight),
            ("/admin/reports", Area::Insight),
            ("/admin/analytics", Area::Insight),
            ("/admin/sites", Area::Settings),
            ("/admin/sites/main", Area::Settings),
            ("/admin/staff", Area::Oversight),
            ("/admin/backups", Area::Oversight),
            ("/admin/audit", Area::Oversight),
            ("/admin/outbox", Area::Oversight),
            ("/admin/customers/card", Area::Customers),
            ("/admintill", Area::Front),
        ] {
            assert_eq!(Area::of_path(path), area, "{path}");
        }
    }
}
