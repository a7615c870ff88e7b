//! One customer's record: a summary (who, what they spent) above four parts, each on its
//! own address (`?part=`) so a long-standing customer's record is not one endless page:
//! the overview (details, tags, loyalty), purchases (paginated), a filterable timeline,
//! and consent and privacy.

mod api;
mod consents;
mod corrections;
#[cfg(feature = "ssr")]
pub mod db;
mod details;
mod purchases;
mod timeline;

pub use api::*;
pub use corrections::*;
pub(crate) use details::shown_value;

use crate::domain::{Minor, Role};
use crate::staff::texts::AdminTexts;
use crate::staff::ui::{ErrorLine, short_time};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn RecordPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|id| id.parse::<i64>().ok()).unwrap_or(0);
    let changed = RwSignal::new(0u32);
    let record = Resource::new(move || (id(), changed.get()), |(id, _)| get_customer_record(id));
    let cards = crate::admin::services::loyalty_card::CardState::new(Signal::derive(move || Some(id())));
    let t = crate::staff::texts::t();
    view! {
        <Transition fallback=move || view! { <p>{t.common().loading}</p> }>
            {move || Suspend::new(async move {
                match record.await {
                    Ok(r) => view! { <RecordView r changed cards /> }.into_any(),
                    Err(error) => view! { <ErrorLine error /> }.into_any(),
                }
            })}
        </Transition>
    }
}

/// The parts of a record, each on its own address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Overview,
    Purchases,
    Timeline,
    Privacy,
}

impl Part {
    const ALL: [Part; 4] = [Part::Overview, Part::Purchases, Part::Timeline, Part::Privacy];

    fn code(self) -> &'static str {
        match self {
            Part::Overview => "overview",
            Part::Purchases => "purchases",
            Part::Timeline => "timeline",
            Part::Privacy => "privacy",
        }
    }

    /// The part an address names; the overview when it names none (or no known one).
    fn from_code(code: &str) -> Part {
        Part::ALL.into_iter().find(|p| p.code() == code).unwrap_or(Part::Overview)
    }

    fn name(self, t: &AdminTexts) -> &'static str {
        match self {
            Part::Overview => t.record().overview,
            Part::Purchases => t.record().purchases,
            Part::Timeline => t.record().timeline,
            Part::Privacy => t.record().privacy,
        }
    }
}

#[component]
fn RecordView(
    r: CustomerRecord,
    changed: RwSignal<u32>,
    cards: crate::admin::services::loyalty_card::CardState,
) -> impl IntoView {
    let t = crate::staff::texts::t();
    let query = use_query_map();
    let part = Memo::new(move |_| Part::from_code(&query.read().get("part").unwrap_or_default()));
    let tabs = Part::ALL
        .into_iter()
        .map(|p| {
            let href = format!("/admin/customers/{}?part={}", r.id, p.code());
            let name = match p {
                Part::Purchases => format!("{} ({})", p.name(t), r.purchases.len()),
                _ => p.name(t).to_owned(),
            };
            view! { <a href=href aria-current=move || (part.get() == p).then_some("page")>{name}</a> }
        })
        .collect_view();
    let head = view! { <RecordHead r=r.clone() /> };
    let id = r.id;
    let shown = move || {
        let r = r.clone();
        let may_manage = r.viewer_role.at_least(Role::Manager);
        match part.get() {
            Part::Overview => view! {
                <div class="record-grid">
                    <div><details::Fields r=r.clone() changed /></div>
                    <div>
                        <details::Tags id=r.id tags=r.tags.clone() may_edit=may_manage changed />
                        <crate::admin::services::loyalty_card::LoyaltyCards customer=r.id state=cards />
                    </div>
                </div>
            }
            .into_any(),
            Part::Purchases => view! { <purchases::Purchases r changed /> }.into_any(),
            Part::Timeline => view! { <timeline::Timeline r changed /> }.into_any(),
            Part::Privacy => view! {
                <div class="record-grid">
                    <div><consents::Consents r=r.clone() changed /></div>
                    <div>
                        <crate::admin::rights::DataRights id=r.id do_not_sell_at=r.do_not_sell_at.clone()
                            may_export_and_erase=may_manage changed />
                    </div>
                </div>
            }
            .into_any(),
        }
    };
    view! {
        <section class="record" data-customer=id>
            {head}
            <nav class="tabs record-parts" aria-label=t.record().parts>{tabs}</nav>
            {shown}
        </section>
    }
}

/// Who the customer is and what they spent, above every part.
#[component]
fn RecordHead(r: CustomerRecord) -> impl IntoView {
    let t = crate::staff::texts::t();
    let money = {
        let style = r.money.clone();
        move |m: Minor| style.format(m)
    };
    let s = &r.stats;
    let when = |at: &Option<String>| at.as_deref().map(short_time).unwrap_or_else(|| "–".into());
    let source = source_name(t, &r.source);
    view! {
        <header class="record-head">
            <h1>{r.name()}</h1>
            <p class="hint">{(t.record().head)(&r.site_name, &source, &short_time(&r.created_at))}</p>
            <A href=format!("/admin/till?customer={}", r.id) attr:class="button">{t.record().new_purchase}</A>
        </header>
        <dl class="stats">
            <div><dt>{t.record().total_spend}</dt><dd data-stat="total">{money(s.total)}</dd></div>
            <div><dt>{t.record().orders}</dt><dd data-stat="orders">{s.orders}</dd></div>
            <div><dt>{t.record().average_order}</dt><dd data-stat="average">{money(s.average)}</dd></div>
            <div><dt>{t.record().first_purchase}</dt><dd>{when(&s.first)}</dd></div>
            <div><dt>{t.record().last_purchase}</dt><dd>{when(&s.last)}</dd></div>
            <div><dt>{t.record().last_visit}</dt><dd data-stat="last_visit">{when(&r.last_visit)}</dd></div>
        </dl>
    }
}

/// Where a customer or a consent came from, in words; a code Patron does not know as it is.
fn source_name(t: &AdminTexts, code: &str) -> String {
    if code.is_empty() { "–".to_owned() } else { crate::staff::texts::or_code((t.record().source)(code), code) }
}
