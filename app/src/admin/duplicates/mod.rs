//! Duplicates: pairs of records that are likely one customer, reviewed side by side and
//! merged into one (every purchase, consent, answer and history row kept), with a log of
//! merges that can each be undone.

mod api;
#[cfg(feature = "ssr")]
pub mod db;
#[cfg(feature = "ssr")]
pub mod finder;
#[cfg(feature = "ssr")]
pub mod matching;
#[cfg(feature = "ssr")]
mod merge_log;
#[cfg(feature = "ssr")]
mod nicknames;

pub use api::*;

use crate::admin::segments::site_from_query;
use crate::staff::ui::{ErrorLine, short_time};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Why a pair was proposed, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Reason {
    SameEmail,
    SamePhone,
    SameAddressAndName,
}

impl Reason {
    pub const ALL: [Reason; 3] = [Reason::SameEmail, Reason::SamePhone, Reason::SameAddressAndName];

    /// Its name in the admin's catalogue (`staff::texts::duplicates`).
    pub fn code(self) -> &'static str {
        match self {
            Reason::SameEmail => "same_email",
            Reason::SamePhone => "same_phone",
            Reason::SameAddressAndName => "same_address_and_name",
        }
    }
}

#[component]
pub fn DuplicatesPage() -> impl IntoView {
    let site = site_from_query();
    let merge = ServerAction::<MergeCustomers>::new();
    let dismiss = ServerAction::<DismissPair>::new();
    let undo = ServerAction::<UndoMerge>::new();
    let changed = Memo::new(move |_| (merge.version().get(), dismiss.version().get(), undo.version().get()));
    let found = Resource::new(move || (site.get(), changed.get()), |(s, _)| find_duplicates(s));
    let merges = Resource::new(move || (site.get(), changed.get()), |(s, _)| list_merges(s));
    let failure = move || {
        [merge.value().get().and_then(|r| r.err()), undo.value().get().and_then(|r| r.err())]
            .into_iter()
            .flatten()
            .next()
            .map(|error| view! { <ErrorLine error /> })
    };
    let t = crate::staff::texts::t();
    let w = t.duplicates();
    view! {
        <section class="duplicates">
            <h1>{t.frame().duplicates}</h1>
            {failure}
            <Transition fallback=move || view! { <p>{w.looking}</p> }>
                {move || Suspend::new(async move {
                    match found.await {
                        Ok(d) if d.pairs.is_empty() => view! { <p class="empty">{w.none}</p> }.into_any(),
                        Ok(d) => view! {
                            <p role="status">{(w.pairs)(d.total)}
                                {(d.total > d.pairs.len()).then(|| format!(" · {}", (w.first_shown)(d.pairs.len())))}</p>
                            {d.pairs.into_iter().map(|p| {
                                let (a, b) = (p.a.id, p.b.id);
                                let why = p.reasons.iter().map(|r| (w.reason)(r.code())).collect::<Vec<_>>().join(", ");
                                view! {
                                    <article class="pair" data-pair=format!("{a}-{b}")>
                                        <p class="why">{why}</p>
                                        <div class="sides">
                                            <SideCard side=p.a money=d.money.clone() />
                                            <SideCard side=p.b money=d.money.clone() />
                                        </div>
                                        <p class="row">
                                            <button type="button" on:click=move |_| { merge.dispatch(MergeCustomers { site: site.get_untracked(), keep: a, merge: b }); }>
                                                {w.keep_left}
                                            </button>
                                            <button type="button" on:click=move |_| { merge.dispatch(MergeCustomers { site: site.get_untracked(), keep: b, merge: a }); }>
                                                {w.keep_right}
                                            </button>
                                            <button type="button" class="secondary" on:click=move |_| { dismiss.dispatch(DismissPair { site: site.get_untracked(), a, b }); }>
                                                {w.not_same}
                                            </button>
                                        </p>
                                    </article>
                                }
                            }).collect_view()}
                        }.into_any(),
                        Err(error) => view! { <ErrorLine error /> }.into_any(),
                    }
                })}
            </Transition>
            <h2>{w.merges}</h2>
            <Transition fallback=move || view! { <p>{t.common().loading}</p> }>
                {move || Suspend::new(async move {
                    match merges.await {
                        Ok(list) if list.is_empty() => view! { <p class="empty">{w.no_merges}</p> }.into_any(),
                        Ok(list) => view! {
                            <table class="customers merges">
                                <thead><tr><th>{w.when}</th><th>{w.kept}</th><th>{w.merged_into}</th><th>{w.by}</th><th></th></tr></thead>
                                <tbody>
                                    {list.into_iter().map(|m| {
                                        let id = m.id;
                                        view! {
                                            <tr data-merge=m.id>
                                                <td>{short_time(&m.created_at)}</td>
                                                <td><a href=format!("/admin/customers/{}", m.target_id)>{m.target_name.clone()}</a></td>
                                                <td>{format!("{} (#{})", m.source_name, m.source_id)}</td>
                                                <td>{m.staff.clone()}</td>
                                                <td>{match m.undone_at {
                                                    Some(at) => view! { <span class="muted">{(w.undone)(&short_time(&at))}</span> }.into_any(),
                                                    None => view! {
                                                        <button type="button" class="small" on:click=move |_| { undo.dispatch(UndoMerge { site: site.get_untracked(), id }); }>{w.undo}</button>
                                                    }.into_any(),
                                                }}</td>
                                            </tr>
                                        }
                                    }).collect_view()}
                                </tbody>
                            </table>
                        }.into_any(),
                        Err(error) => view! { <ErrorLine error /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn SideCard(side: Side, money: crate::domain::MoneyStyle) -> impl IntoView {
    let t = crate::staff::texts::t();
    let w = t.duplicates();
    view! {
        <div class="side" data-customer=side.id>
            <h3><a href=format!("/admin/customers/{}", side.id)>{format!("{} {}", side.first_name, side.last_name)}</a></h3>
            <dl>
                <dt>{t.common().email}</dt><dd>{side.email.unwrap_or_default()}</dd>
                <dt>{t.common().phone}</dt><dd>{side.phone.unwrap_or_default()}</dd>
                <dt>{w.address}</dt><dd>{[side.street.clone(), format!("{} {}", side.postcode, side.city).trim().to_owned()]
                    .into_iter().filter(|p| !p.is_empty()).collect::<Vec<_>>().join(", ")}</dd>
                <dt>{w.joined}</dt><dd>{short_time(&side.joined)}</dd>
                <dt>{w.purchases}</dt><dd>{format!("{} · {}", side.purchases, money.format(side.spent))}</dd>
            </dl>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::Reason;
    use crate::staff::texts::{Lang, of};

    #[test]
    fn every_reason_has_a_name_in_every_language() {
        for lang in Lang::ALL {
            for r in Reason::ALL {
                assert!(!(of(lang).duplicates().reason)(r.code()).is_empty(), "{} {r:?}", lang.code());
            }
        }
    }
}
