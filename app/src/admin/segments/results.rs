//! What a segment page shows below its filter: how many customers match, one page of them
//! sorted by any column, and what to do with them (tag, export, print labels). The page
//! that owns the filter owns the resource too, created when the page is: a resource made
//! inside a `Suspend` can be made twice on the server, and the browser then hydrates
//! against the other one's answer (the Dormant page panicked so, 1 load in 30 on CI).

use super::{SegmentPage, TagSegment, export};
use crate::domain::CustomerField;
use crate::error::AppError;
use crate::staff::ui::{ErrorLine, query_value, short_time};
use leptos::prelude::*;

/// One page of the customers a filter matches; `None` while the filter does not parse.
pub(super) type Matches = Resource<Result<Option<SegmentPage>, AppError>>;

/// The column a list of matches is sorted by (and whether high to low), and its page.
#[derive(Clone, Copy)]
pub(super) struct Paging {
    pub sort: RwSignal<(String, bool)>,
    pub page: RwSignal<u32>,
}

impl Paging {
    pub fn new(column: &str, descending: bool) -> Self {
        Paging { sort: RwSignal::new((column.to_string(), descending)), page: RwSignal::new(1) }
    }
}

/// The count and one page of the matching customers.
#[component]
pub(super) fn Results(matches: Matches, paging: Paging) -> impl IntoView {
    let Paging { sort, page } = paging;
    let w = crate::staff::texts::t().segments();
    view! {
        <Transition fallback=move || view! { <p>{w.counting}</p> }>
            {move || Suspend::new(async move {
                match matches.await {
                    Ok(Some(p)) => view! { <SegmentTable p sort page /> }.into_any(),
                    Ok(None) => view! { <p class="muted">{w.correct_rules}</p> }.into_any(),
                    Err(error) => view! { <ErrorLine error /> }.into_any(),
                }
            })}
        </Transition>
    }
}

#[component]
fn SegmentTable(p: SegmentPage, sort: RwSignal<(String, bool)>, page: RwSignal<u32>) -> impl IntoView {
    let last_page = ((p.count + i64::from(p.per_page) - 1) / i64::from(p.per_page)).max(1) as u32;
    let money = p.money.clone();
    let t = crate::staff::texts::t();
    let w = t.segments();
    let header = move |code: &'static str, label: &'static str| {
        let (current, descending) = sort.get_untracked();
        let arrow = if current == code { if descending { " ↓" } else { " ↑" } } else { "" };
        view! {
            <th>
                <button type="button" class="link" on:click=move |_| sort.update(|(c, d)| {
                    if c == code { *d = !*d } else { *c = code.to_string(); *d = matches!(code, "spent" | "purchases" | "last_purchase" | "joined"); }
                })>{label}{arrow}</button>
            </th>
        }
    };
    view! {
        <p class="segment-count" role="status"><strong data-count=p.count>{p.count}</strong>" " {(w.matching)(p.count)}</p>
        {if p.rows.is_empty() {
            view! { <p class="empty">{w.no_match}</p> }.into_any()
        } else {
            view! {
                <table class="customers segment">
                    <thead><tr>
                        {header("name", t.list().name)}{header("email", t.common().email)}<th>{t.common().phone}</th>
                        {header("city", (t.record().field)(CustomerField::City))}
                        {header("postcode", (t.record().field)(CustomerField::Postcode))}{header("joined", w.joined)}
                        {header("spent", w.spent)}{header("purchases", t.record().purchases)}
                        {header("last_purchase", t.record().last_purchase)}
                    </tr></thead>
                    <tbody>
                        {p.rows.into_iter().map(|c| view! {
                            <tr data-customer=c.id>
                                <td><a href=format!("/admin/customers/{}", c.id)>{format!("{} {}", c.first_name, c.last_name)}</a></td>
                                <td>{c.email}</td><td>{c.phone}</td><td>{c.city}</td><td>{c.postcode}</td>
                                <td>{short_time(c.joined.get(..10).unwrap_or_default())}</td>
                                <td>{money.format(c.spent)}</td>
                                <td>{c.purchases}</td>
                                <td>{c.last_purchase.map(|t| short_time(t.get(..10).unwrap_or_default()))}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <nav class="pager" aria-label=t.list().pages>
                    <span>{(w.page_of)(p.page, last_page)}</span>
                    {(p.page > 1).then(|| view! { <button type="button" class="link" on:click=move |_| page.update(|n| *n -= 1)>{w.previous}</button> })}
                    {(p.page < last_page).then(|| view! { <button type="button" class="link" on:click=move |_| page.update(|n| *n += 1)>{w.next}</button> })}
                </nav>
            }.into_any()
        }}
    }
}

/// Tag everyone in the segment; export it as CSV with chosen columns; print mailing labels.
#[component]
pub(super) fn SegmentActions(site: String, json: String) -> impl IntoView {
    let tag = ServerAction::<TagSegment>::new();
    let tag_name = RwSignal::new(String::new());
    let columns = RwSignal::new(export::DEFAULT_COLUMNS.iter().map(|c| c.to_string()).collect::<Vec<_>>());
    let sheet = RwSignal::new("a4".to_string());
    let (site_tag, json_tag) = (site.clone(), json.clone());
    let export_link = {
        let (site, json) = (site.clone(), json.clone());
        move || {
            let columns = columns.get();
            // The column's box is the owner's choice to keep those customers, marked.
            let flag = if columns.iter().any(|c| c == "do_not_sell") { "&do_not_sell=flag" } else { "" };
            format!(
                "/admin/export.csv?site={}&filter={}&columns={}{flag}",
                query_value(&site),
                query_value(&json),
                columns.join(",")
            )
        }
    };
    let labels_link = move || {
        format!("/admin/labels?site={}&filter={}&sheet={}", query_value(&site), query_value(&json), sheet.get())
    };
    let t = crate::staff::texts::t();
    let w = t.segments();
    view! {
        <div class="segment-actions">
            <form class="row" on:submit=move |ev| {
                ev.prevent_default();
                tag.dispatch(TagSegment { site: site_tag.clone(), filter: json_tag.clone(), tag: tag_name.get_untracked() });
            }>
                <input aria-label=w.tag_label placeholder="win-back" on:change=move |ev| tag_name.set(event_target_value(&ev)) />
                <button type="submit">{w.tag_everyone}</button>
                {move || match tag.value().get() {
                    Some(Ok(n)) => view! { <span class="ok" role="status">{(w.tagged)(n as i64)}</span> }.into_any(),
                    Some(Err(error)) => view! { <ErrorLine error /> }.into_any(),
                    None => ().into_any(),
                }}
            </form>
            <fieldset class="export-columns">
                <legend>{w.columns}</legend>
                {export::COLUMNS.iter().map(|code| view! {
                    <label>
                        <input type="checkbox" prop:checked=move || columns.read().iter().any(|c| c == code)
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                columns.update(|cs| { cs.retain(|c| c != code); if on { cs.push(code.to_string()); } });
                            } />
                        {super::subject_name(t, code)}
                    </label>
                }).collect_view()}
                <p class="hint">{w.export_hint}</p>
            </fieldset>
            <p class="row">
                <a class="button" href=export_link download="segment.csv" rel="external">{w.export_csv}</a>
                <select aria-label=w.label_sheet on:change=move |ev| sheet.set(event_target_value(&ev))>
                    {export::SHEETS.iter().map(|s| view! { <option value=s.code>{(w.sheet)(s.code)}</option> }).collect_view()}
                </select>
                <a class="button" href=labels_link target="_blank" rel="external">{w.mailing_labels}</a>
            </p>
        </div>
    }
}
