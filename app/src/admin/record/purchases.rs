//! The purchases on a record, each with what corrected it, and the forms that correct one:
//! void it, or return some of its lines.

use super::{CustomerRecord, PurchaseView, ReturnPurchase, VoidPurchase};
use crate::domain::Field;
use crate::staff::form_error::FormError;
use crate::staff::ui::{action_error, reload_after, short_time};
use leptos::form::ActionForm;
use leptos::prelude::*;

#[component]
pub(super) fn Purchases(r: CustomerRecord, changed: RwSignal<u32>) -> impl IntoView {
    view! {
        <h2>"Purchases"</h2>
        {r.purchases.is_empty().then(|| view! { <p class="empty">"No purchases yet."</p> })}
        {r.purchases.into_iter().map(|p| view! { <Purchase p money=r.money.clone() changed /> }).collect_view()}
    }
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
    view! {
        <article class=class data-purchase=p.id>
            <p>
                <strong>{if corrected { written(net) } else { written(p.total) }}</strong>
                {corrected.then(|| format!(" (paid {}, {} given back)", written(p.total), written(p.refunded)))}
                " · " {short_time(&p.at)} " · " {p.payment_method.label()}
                {(p.discount.0 > 0).then(|| format!(" · discount {}", written(p.discount)))}
                " · " {p.staff.clone().unwrap_or_default()}
            </p>
            {voided.map(|(at, by, reason)| view! {
                <p class="badge withdrawn" data-voided="">
                    {format!("Voided {} by {}: {reason}", short_time(&at), by.unwrap_or_else(|| "the API".into()))}
                </p>
            })}
            <ul>
                {p.lines.iter().map(|l| view! {
                    <li>
                        {format!("{} × {} @ {} = {}", l.quantity, l.description, written(l.unit_price), written(l.line_total))}
                        {(l.returned > 0).then(|| view! { <small class="returned">{format!(" · {} returned", l.returned)}</small> })}
                    </li>
                }).collect_view()}
            </ul>
            {returns.into_iter().map(|x| {
                view! {
                    <p class="hint">{format!("Returned {} by {}: {} · {} given back", short_time(&x.at),
                        x.staff.unwrap_or_else(|| "the API".into()), x.reason, written(x.amount))}</p>
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
    view! {
        <div class="corrections">
            {(!open_lines.is_empty()).then(|| view! {
                <details>
                    <summary>"Return…"</summary>
                    <ActionForm action=back attr:class="stacked return-form">
                        <input type="hidden" name="form[purchase]" value=p.id />
                        {open_lines.into_iter().enumerate().map(|(i, l)| {
                            let left = l.quantity - l.returned;
                            view! {
                                <input type="hidden" name=format!("form[lines][{i}][line]") value=l.line />
                                <label class="inline">
                                    <input name=format!("form[lines][{i}][quantity]") type="number" min="0" max=left value="0"
                                        inputmode="numeric" class="short" />
                                    {format!(" of {left} × {}", l.description)}
                                </label>
                            }
                        }).collect_view()}
                        <FormError error=back_error field=Field::Quantity />
                        <FormError error=back_error field=Field::Lines />
                        <label>"Reason" <input name="form[reason]" required maxlength="200" placeholder="Stale, wrong size…" /></label>
                        <FormError error=back_error field=Field::Reason />
                        <FormError error=back_error />
                        <button type="submit">"Record the return"</button>
                    </ActionForm>
                </details>
            })}
            <details>
                <summary>"Void…"</summary>
                <ActionForm action=void attr:class="stacked void-form">
                    <input type="hidden" name="id" value=p.id />
                    <p class="hint">"For a purchase entered by mistake: it will count for nothing, and stamps or points it earned are taken back."</p>
                    <label>"Reason" <input name="reason" required maxlength="200" placeholder="Entered twice" /></label>
                    <FormError error=void_error field=Field::Reason />
                    <FormError error=void_error />
                    <button type="submit" class="danger">"Void this purchase"</button>
                </ActionForm>
            </details>
        </div>
    }
}
