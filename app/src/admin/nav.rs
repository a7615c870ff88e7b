//! The admin's frame: navigation grouped by the job at hand (sell, customers, insight,
//! privacy, settings), each staff member seeing the pages their role opens, and who is
//! signed in with the way out. A sidebar on a laptop; on a tablet or a phone a bar whose
//! Menu button opens the same list, closed again by the next page.

use super::auth::LogoutButton;
use crate::domain::Role;
use crate::staff::texts::{Frame, t};
use leptos::prelude::*;
use leptos_router::components::A;

/// One link: its words (in the frame's catalogue), its address, the least role that opens
/// the page.
struct Link {
    label: fn(&Frame) -> &'static str,
    href: &'static str,
    role: Role,
}

const fn link(label: fn(&Frame) -> &'static str, href: &'static str, role: Role) -> Link {
    Link { label, href, role }
}

type Group = (fn(&Frame) -> &'static str, &'static [Link]);

/// The groups, in the order of a shop's day.
const GROUPS: [Group; 5] = [
    (
        |f| f.sell,
        &[
            link(|f| f.today, "/admin", Role::Staff),
            link(|f| f.till, "/admin/till", Role::Staff),
            link(|f| f.reservations, "/admin/reservations", Role::Staff),
        ],
    ),
    (
        |f| f.customers_group,
        &[
            link(|f| f.customers, "/admin/customers", Role::Staff),
            link(|f| f.segments, "/admin/segments", Role::Manager),
            link(|f| f.dormant, "/admin/dormant", Role::Manager),
            link(|f| f.duplicates, "/admin/duplicates", Role::Manager),
            link(|f| f.quality, "/admin/quality", Role::Manager),
            link(|f| f.import, "/admin/import", Role::Manager),
        ],
    ),
    (
        |f| f.insight,
        &[
            link(|f| f.reports, "/admin/reports", Role::Manager),
            link(|f| f.analytics, "/admin/analytics", Role::Manager),
        ],
    ),
    (
        |f| f.privacy,
        &[link(|f| f.requests, "/admin/requests", Role::Manager), link(|f| f.audit, "/admin/audit", Role::Owner)],
    ),
    (
        |f| f.settings,
        &[
            link(|f| f.products, "/admin/products", Role::Manager),
            link(|f| f.sites, "/admin/sites", Role::Owner),
            link(|f| f.staff, "/admin/staff", Role::Owner),
            link(|f| f.outbox, "/admin/outbox", Role::Manager),
            link(|f| f.backups, "/admin/backups", Role::Owner),
        ],
    ),
];

/// The frame of a signed-in page (the page itself is the `Outlet` beside it).
#[component]
pub fn SideNav(email: String, role: Role, sites: Vec<(String, String)>, site: String) -> impl IntoView {
    let t = t();
    let open = RwSignal::new(false);
    // A link followed closes the menu on a small screen (a click on a group's title does not).
    let on_nav_click = move |ev: leptos::ev::MouseEvent| {
        let on_link = event_target::<web_sys::Element>(&ev).closest("a").ok().flatten().is_some();
        if on_link {
            open.set(false);
        }
    };
    let groups = GROUPS
        .iter()
        .filter_map(|(title, links)| {
            let links: Vec<&Link> = links.iter().filter(|l| role.at_least(l.role)).collect();
            (!links.is_empty()).then(|| {
                view! {
                    <div class="nav-group">
                        <span class="nav-title">{title(t.frame())}</span>
                        {links.into_iter().map(|l| view! { <A href=l.href exact=l.href == "/admin">{(l.label)(t.frame())}</A> }).collect_view()}
                    </div>
                }
            })
        })
        .collect_view();
    view! {
        <aside class="side" class:open=move || open.get()>
            <div class="side-bar">
                <A href="/admin" attr:class="brand">"Patron"</A>
                <button type="button" class="menu-toggle secondary" aria-controls="admin-nav"
                    aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o)>
                    {t.frame().menu}
                </button>
            </div>
            <div class="side-menu" id="admin-nav" on:click=on_nav_click>
                <SiteSwitcher sites site />
                <nav aria-label=t.frame().nav_label>{groups}</nav>
                <div class="side-who">
                    <a class="who" href="/admin/account" title=t.frame().account_hint>{email} " · " {t.role(role)}</a>
                    <LogoutButton />
                </div>
            </div>
        </aside>
    }
}

/// The site this person works on: a choice when there are several (remembered on their
/// account, and the page shown again for it), its name when there is one.
#[component]
fn SiteSwitcher(sites: Vec<(String, String)>, site: String) -> impl IntoView {
    let choose = ServerAction::<super::site_choice::ChooseSite>::new();
    // Once remembered, the page is loaded again without a `?site=` of its own.
    Effect::new(move || {
        if let Some(Ok(())) = choose.value().get() {
            let location = window().location();
            let _ = location.assign(&location.pathname().unwrap_or_default());
        }
    });
    if sites.len() < 2 {
        let name = sites.into_iter().next().map(|(_, name)| name).unwrap_or_default();
        return view! { <p class="side-site">{name}</p> }.into_any();
    }
    view! {
        <label class="side-site">
            <span class="nav-title">{t().common().site}</span>
            <select on:change=move |ev| { choose.dispatch(super::site_choice::ChooseSite { site: event_target_value(&ev) }); }>
                {sites.into_iter().map(|(key, name)| {
                    let selected = key == site;
                    view! { <option value=key selected=selected>{name}</option> }
                }).collect_view()}
            </select>
        </label>
    }
    .into_any()
}

/// The frame while the sign-in check runs: the same box, without links.
#[component]
pub fn SideNavPlaceholder() -> impl IntoView {
    view! {
        <aside class="side">
            <div class="side-bar"><span class="brand">"Patron"</span></div>
        </aside>
    }
}
