//! The purchases on a record, newest first and ten to a page, each with what corrected it,
//! and the forms that correct one: void it, or return some of its lines.

use super::{CustomerRecord, PurchaseView, ReturnPurchase, VoidPurchase};
use crate::domain::Field;
use crate::staff::form_error::FormError;
use crate::staff::ui::{action_error, reload_after, short_time};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

/// Purchases shown on one page of the record.
const PER_PAGE: usize = 10;

#[component]
pub(super) fn Purchases(r: CustomerRecord, changed: RwSignal<u32>) -> impl IntoView {
    let t = crate::staff::texts::t();
    let query = use_query_map();
    let total = r.purchases.len();
    if total == 0 {
        return view! { <p class="empty">{t.purchases().none}</p> }.into_any();
    }
    let pages = total.div_ceil(PER_PAGE);
    let page =
        Memo::new(move |_| query.read().get("page").and_then(|p| p.parse::<usize>().ok()).unwrap_or(1).clamp(1, pages));
    let link = move |p: usize| format!("/admin/customers/{}?part=purchases&page={p}", r.id);
    let shown = move || {
        let first = (page.get() - 1) * PER_PAGE;
        r.purchases
            .iter()
            .skip(first)
            .take(PER_PAGE)
            .map(|p| view! { <Purchase p=p.clone() money=r.money.clone() changed /> })
            .collect_view()
    };
    let pager = move || {
        let p = page.get();
        let last = (p * PER_PAGE).min(total);
        (pages > 1).then(|| {
            view! {
                <nav class="pager" aria-label=t.list().pages>
                    <span>{(t.purchases().shown)((p - 1) * PER_PAGE + 1, last, total)}</span>
                    {(p > 1).then(|| view! { <A href=link(p - 1) attr:rel="prev">{t.list().newer}</A> })}
                    {(p < pages).then(|| view! { <A href=link(p + 1) attr:rel="next">{t.list().older}</A> })}
                </nav>
            }
        })
    };
    view! { {shown} {pager} }.into_any()
}

#[component]
fn Purchase(p: PurchaseView, money: crate::domain::MoneyStyle, changed: RwSignal<u32>) -> impl IntoView {
    let cur = p.currency.clone();
    let written = move |amount| money.format_in(amount, &cur);
    let voided = p.voided.clone();
    let class = if voided.is_some() { "purchase voided" } else { "purchase" };
    let net = crate::domain::Minor(p.total.0 - p.refunded.0);
    let corrected = p.refunded.0 > 0;
    let may_correct = voided.is_none();
    let returns = p.returns.clone();
    let t = crate::staff::texts::t();
    let w = t.purchases();
    let the_api = t.timeline().the_api;
    view! {
        <article class=class data-purchase=p.id>
            <p>
                <strong>{if corrected { written(net) } else { written(p.total) }}</strong>
                {corrected.then(|| format!(" ({})", (w.paid_back)(&written(p.total), &written(p.refunded))))}
                " · " {short_time(&p.at)} " · " {t.payment(p.payment_method)}
                {(p.discount.0 > 0).then(|| format!(" · {}", (w.discount)(&written(p.discount))))}
                " · " {p.staff.clone().unwrap_or_default()}
            </p>
            {voided.map(|(at, by, reason)| view! {
                <p class="badge withdrawn" data-voided="">
                    {(w.voided)(&short_time(&at), &by.unwrap_or_else(|| the_api.into()), &reason)}
                </p>
            })}
            <ul>
                {p.lines.iter().map(|l| view! {
                    <li>
                        {format!("{} × {} @ {} = {}", l.quantity, l.description, written(l.unit_price), written(l.line_total))}
                        {(l.returned > 0).then(|| view! { <small class="returned">{format!(" · {}", (w.returned)(l.returned))}</small> })}
                    </li>
                }).collect_view()}
            </ul>
            {returns.into_iter().map(|x| {
                view! {
                    <p class="hint">{(w.returned_by)(&short_time(&x.at), &x.staff.unwrap_or_else(|| the_api.into()), &x.reason,
                        &written(x.amount))}</p>
                }
            }).collect_view()}
            {may_correct.then(|| view! { <Correct p=p.clone() changed /> })}
        </article>
    }
}

/// "Return…" and "Void…", each folded until asked for.
#[component]
fn Correct(p: PurchaseView, changed: RwSignal<u32>) -> impl IntoView {
    let back = ServerAction::<ReturnPurchase>::new();
    let void = ServerAction::<VoidPurchase>::new();
    reload_after(back, changed);
    reload_after(void, changed);
    let (back_error, void_error) = (action_error(back), action_error(void));
    let open_lines: Vec<_> = p.lines.iter().filter(|l| l.quantity > l.returned).cloned().collect();
    let w = crate::staff::texts::t().purchases();
    view! {
        <div class="corrections">
            {(!open_lines.is_empty()).then(|| view! {
                <details>
                    <summary>{w.return_open}</summary>
                    <ActionForm action=back attr:class="stacked return-form">
                        <input type="hidden" name="form[purchase]" value=p.id />
                        {open_lines.into_iter().enumerate().map(|(i, l)| {
                            let left = l.quantity - l.returned;
                            view! {
                                <input type="hidden" name=format!("form[lines][{i}][line]") value=l.line />
                                <label class="inline">
                                    <input name=format!("form[lines][{i}][quantity]") type="number" min="0" max=left value="0"
                                        inputmode="numeric" class="short" />
                                    " " {(w.of_left)(left, &l.description)}
                                </label>
                            }
                        }).collect_view()}
                        <FormError error=back_error field=Field::Quantity />
                        <FormError error=back_error field=Field::Lines />
                        <label>{w.reason} <input name="form[reason]" required maxlength="200" placeholder=w.return_placeholder /></label>
                        <FormError error=back_error field=Field::Reason />
                        <FormError error=back_error />
                        <button type="submit">{w.record_return}</button>
                    </ActionForm>
                </details>
            })}
            <details>
                <summary>{w.void_open}</summary>
                <ActionForm action=void attr:class="stacked void-form">
                    <input type="hidden" name="id" value=p.id />
                    <p class="hint">{w.void_hint}</p>
                    <label>{w.reason} <input name="reason" required maxlength="200" placeholder=w.void_placeholder /></label>
                    <FormError error=void_error field=Field::Reason />
                    <FormError error=void_error />
                    <button type="submit" class="danger">{w.void_this}</button>
                </ActionForm>
            </details>
        </div>
    }
}
