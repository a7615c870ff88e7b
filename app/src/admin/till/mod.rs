//! The till: find or create the customer, enter the purchase.

mod api;
#[cfg(feature = "ssr")]
pub mod db;
pub mod form;

pub use api::*;

use crate::admin::record::get_customer_record;
use crate::domain::{Field, Minor, MoneyStyle, PaymentMethod, RowProblem, Totals};
use crate::error::AppError;
use crate::staff::form_error::FormError;
use crate::staff::texts::t;
use crate::staff::ui::{ErrorLine, action_error};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

/// One line of the purchase being typed.
#[derive(Clone, Copy)]
struct Line {
    key: u32,
    sku: RwSignal<String>,
    description: RwSignal<String>,
    quantity: RwSignal<String>,
    unit_price: RwSignal<String>,
}

impl Line {
    fn new(key: u32) -> Line {
        Line {
            key,
            sku: RwSignal::new(String::new()),
            description: RwSignal::new(String::new()),
            quantity: RwSignal::new("1".into()),
            unit_price: RwSignal::new(String::new()),
        }
    }

    fn form(&self) -> LineForm {
        LineForm {
            sku: self.sku.get_untracked(),
            description: self.description.get_untracked(),
            quantity: self.quantity.get_untracked(),
            unit_price: self.unit_price.get_untracked(),
        }
    }
}

fn found_from_record(r: crate::admin::record::CustomerRecord) -> Found {
    use crate::domain::CustomerField;
    Found {
        id: r.id,
        name: r.name(),
        email: r.value(CustomerField::Email).map(str::to_owned),
        phone: r.value(CustomerField::Phone).map(str::to_owned),
        site_key: r.site_key.clone(),
        site_name: r.site_name.clone(),
    }
}

#[component]
pub fn TillPage() -> impl IntoView {
    let query = use_query_map();
    let preset = move || query.read().get("customer").and_then(|c| c.parse::<i64>().ok());
    let customer = RwSignal::new(None::<Found>);
    let preset_record = Resource::new(preset, |id| async move {
        match id {
            Some(id) => get_customer_record(id).await.map(|r| Some(found_from_record(r))),
            None => Ok(None),
        }
    });
    let setup = Resource::new(|| (), |_| get_till_setup());
    let cards =
        crate::admin::services::loyalty_card::CardState::new(Signal::derive(move || customer.get().map(|c| c.id)));
    let t = t();
    view! {
        <section class="till">
            <h1>{t.till().title}</h1>
            <Transition fallback=move || view! { <p>{t.common().loading}</p> }>
                {move || Suspend::new(async move {
                    let setup = match setup.await {
                        Ok(s) => s,
                        Err(error) => return view! { <ErrorLine error /> }.into_any(),
                    };
                    if let Ok(Some(found)) = preset_record.await {
                        customer.set(Some(found));
                    }
                    view! {
                        <CustomerPicker customer sites=setup.sites.clone() />
                        {move || customer.get().map(|c| view! {
                            <crate::admin::services::loyalty_card::LoyaltyCards customer=c.id state=cards />
                            <PurchaseEntry customer=c setup=setup.clone() cards chosen=customer />
                        })}
                    }.into_any()
                })}
            </Transition>
        </section>
    }
}

#[component]
fn CustomerPicker(customer: RwSignal<Option<Found>>, sites: Vec<TillSite>) -> impl IntoView {
    let t = t();
    let sites = StoredValue::new(sites);
    let search = RwSignal::new(String::new());
    // Browser-only: the page is rendered with an empty search, and each keystroke asks anew.
    let results = LocalResource::new(move || lookup(search.get()));
    let create = ServerAction::<CreateCustomer>::new();
    let error = action_error(create);
    let navigate = use_navigate();
    Effect::new(move || {
        if let Some(Ok(id)) = create.value().get() {
            navigate(&format!("/admin/till?customer={id}"), Default::default());
        }
    });
    let pick_first = move || {
        if let Some(Ok(answer)) = results.get_untracked()
            && let Some(first) = answer.found.into_iter().next()
        {
            customer.set(Some(first));
        }
    };
    view! {
        {move || customer.get().map(|c| view! {
            <div class="chosen" data-customer=c.id>
                <strong>{c.name.clone()}</strong> " " {c.phone.clone().unwrap_or_default()} " " {c.email.clone().unwrap_or_default()}
                " · " <A href=format!("/admin/customers/{}", c.id)>{t.common().open_record}</A>
                <button type="button" class="secondary small" on:click=move |_| customer.set(None)>{t.till().change_customer}</button>
            </div>
        })}
        <Show when=move || customer.get().is_none()>
            <label class="lookup">{t.till().find}
                <input type="search" placeholder=t.till().find_placeholder autofocus
                    prop:value=move || search.get()
                    on:input=move |ev| search.set(event_target_value(&ev))
                    on:keydown=move |ev| if ev.key() == "Enter" { ev.prevent_default(); pick_first(); } />
            </label>
            {move || match results.get() {
                None => None,
                Some(Ok(answer)) if answer.found.is_empty() && !answer.more && search.get_untracked().chars().count() >= 2 =>
                    Some(view! { <p class="empty">{t.till().none_found}</p> }.into_any()),
                Some(Ok(answer)) => Some(view! {
                    {answer.more.then(|| view! {
                        <p class="hint" data-more>{t.till().many_match}</p>
                    })}
                    <ul class="results">
                        {answer.found.into_iter().map(|f| {
                            let label = format!("{} · {} · {} · {}", f.name, f.phone.clone().unwrap_or_default(),
                                f.email.clone().unwrap_or_default(), f.site_name);
                            view! { <li><button type="button" class="secondary" on:click=move |_| customer.set(Some(f.clone()))>{label}</button></li> }
                        }).collect_view()}
                    </ul>
                }.into_any()),
                Some(Err(error)) => Some(view! { <ErrorLine error /> }.into_any()),
            }}
            <details class="new-customer">
                <summary>{t.till().new_customer}</summary>
                <ActionForm action=create attr:class="stacked">
                    <label>{t.common().site}
                        <select name="form[site]">
                            {sites.with_value(|sites| sites.iter().map(|s| view! { <option value=s.key.clone()>{s.name.clone()}</option> }).collect_view())}
                        </select>
                    </label>
                    <label>{t.common().first_name} <input name="form[first_name]" required /></label>
                    <FormError error field=Field::FirstName />
                    <label>{t.common().last_name} <input name="form[last_name]" /></label>
                    <FormError error field=Field::LastName />
                    <label>{t.common().phone} <input name="form[phone]" type="tel" /></label>
                    <FormError error field=Field::Phone />
                    <label>{t.common().email} <input name="form[email]" type="email" /></label>
                    <FormError error field=Field::Email />
                    <button type="submit">{t.till().create_customer}</button>
                </ActionForm>
            </details>
        </Show>
    }
}

#[component]
fn PurchaseEntry(
    customer: Found,
    setup: TillSetup,
    cards: crate::admin::services::loyalty_card::CardState,
    /// The till's chosen customer: "Next customer" clears it for the next sale.
    chosen: RwSignal<Option<Found>>,
) -> impl IntoView {
    let t = t();
    let money = setup
        .sites
        .iter()
        .find(|s| s.key == customer.site_key)
        .map(|s| s.money.clone())
        .unwrap_or_else(|| MoneyStyle::plain(""));
    let currency = money.currency.clone();
    let next_key = StoredValue::new(1u32);
    let lines = RwSignal::new(vec![Line::new(0)]);
    let discount = RwSignal::new(String::new());
    let method = RwSignal::new(PaymentMethod::Card.code().to_owned());
    let save = ServerAction::<AddPurchase>::new();
    let add_line = move || {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        lines.update(|l| l.push(Line::new(key)));
    };
    // Live totals, with the same arithmetic as the server's.
    let totals = move || {
        let priced: Option<Vec<(i64, Minor)>> = lines
            .get()
            .iter()
            .filter(|l| !l.unit_price.get().trim().is_empty())
            .map(|l| Some((l.quantity.get().trim().parse().ok()?, Minor::parse(&l.unit_price.get()).ok()?)))
            .collect();
        let discount =
            if discount.get().trim().is_empty() { Some(Minor(0)) } else { Minor::parse(&discount.get()).ok() };
        Totals::of(&priced?, discount?).ok()
    };
    let shown = money.clone();
    let shown_total = move || totals().map(|t| shown.format(t.total)).unwrap_or_else(|| "–".into());
    let customer_id = customer.id;
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let form = PurchaseForm {
            customer: customer_id,
            payment_method: method.get_untracked(),
            discount: discount.get_untracked(),
            lines: lines.get_untracked().iter().map(Line::form).collect(),
        };
        save.dispatch(AddPurchase { form });
    };
    Effect::new(move || {
        if matches!(save.value().get(), Some(Ok(_))) {
            // The purchase may have earned a stamp or points.
            cards.refresh();
            lines.set(vec![Line::new(next_key.get_value())]);
            next_key.update_value(|k| *k += 1);
            discount.set(String::new());
        }
    });
    let problems = move || match save.value().get() {
        Some(Err(AppError::InvalidRows(rows))) => rows,
        _ => Vec::new(),
    };
    let row_problems = move |row: usize| -> Vec<String> {
        problems().into_iter().filter(|p| p.row == row).map(|p| describe(t, p)).collect()
    };
    let other_error = move || match save.value().get() {
        Some(Err(AppError::InvalidRows(_))) | Some(Ok(_)) | None => None,
        Some(Err(e)) => Some(t.error(&e)),
    };
    view! {
        <form class="purchase-entry" on:submit=submit>
            <table class="lines">
                <thead><tr><th>{t.till().item}</th><th>{t.till().description}</th><th>{t.till().qty}</th><th>{format!("{} ({currency})", t.till().unit_price)}</th><th></th></tr></thead>
                <tbody>
                    <For each=move || lines.get() key=|l| l.key let:line>
                        {
                            let row = move || lines.get().iter().position(|l| l.key == line.key).map_or(0, |i| i + 1);
                            view! {
                                <tr>
                                    <td>
                                        <ItemInput line customer=customer_id />
                                    </td>
                                    <td><input aria-label=t.till().description prop:value=move || line.description.get()
                                        on:input=move |ev| line.description.set(event_target_value(&ev)) /></td>
                                    <td><input aria-label=t.till().quantity class="qty" inputmode="numeric" prop:value=move || line.quantity.get()
                                        on:input=move |ev| line.quantity.set(event_target_value(&ev)) /></td>
                                    <td><input aria-label=t.till().unit_price class="amount" inputmode="decimal" prop:value=move || line.unit_price.get()
                                        on:input=move |ev| line.unit_price.set(event_target_value(&ev)) /></td>
                                    <td>
                                        <button type="button" class="secondary small" aria-label=t.till().remove_line
                                            on:click=move |_| lines.update(|l| l.retain(|x| x.key != line.key))>"×"</button>
                                    </td>
                                </tr>
                                {move || {
                                    let texts = row_problems(row());
                                    (!texts.is_empty()).then(|| view! {
                                        <tr class="line-error"><td colspan="5"><p class="form-error" role="alert">{texts.join(" ")}</p></td></tr>
                                    })
                                }}
                            }
                        }
                    </For>
                </tbody>
            </table>
            <p><button type="button" class="secondary" on:click=move |_| add_line()>{t.till().add_line}</button></p>
            <div class="till-foot">
                <label>{t.till().discount} <input class="amount" inputmode="decimal" prop:value=move || discount.get()
                    on:input=move |ev| discount.set(event_target_value(&ev)) /></label>
                <label>{t.till().payment}
                    <select on:change=move |ev| method.set(event_target_value(&ev))>
                        {PaymentMethod::ALL.into_iter().map(|m| view! { <option value=m.code()>{t.payment(m)}</option> }).collect_view()}
                    </select>
                </label>
                <p class="total">{t.till().total} ": " <strong data-total>{shown_total}</strong></p>
                <button type="submit" disabled=move || save.pending().get()>{t.till().save}</button>
            </div>
            {move || {
                let texts = row_problems(0);
                (!texts.is_empty()).then(|| view! { <p class="form-error" role="alert">{texts.join(" ")}</p> })
            }}
            {move || other_error().map(|e| view! { <p class="form-error" role="alert">{e}</p> })}
            {move || match save.value().get() {
                Some(Ok(saved)) => Some(view! {
                    <div class="saved" role="status">
                        <p><strong>{(t.till().saved)(&money.format_in(saved.total, &saved.currency))}</strong>
                            " · " <A href=format!("/admin/customers/{customer_id}")>{t.common().open_record}</A></p>
                        <button type="button" class="next-customer" on:click=move |_| chosen.set(None)>{t.till().next_customer}</button>
                    </div>
                }),
                _ => None,
            }}
        </form>
    }
}

/// One row problem as staff read it: "Unit price: Please enter an amount, such as 12.50."
fn describe(t: &crate::staff::texts::AdminTexts, p: RowProblem) -> String {
    let field = match p.field {
        Field::Item => t.till().item,
        Field::Description => t.till().description,
        Field::Quantity => t.till().quantity,
        Field::UnitPrice => t.till().unit_price,
        Field::Discount => t.till().discount,
        Field::PaymentMethod => t.till().payment,
        Field::Lines => t.till().lines,
        _ => "",
    };
    let problem = match (p.field, p.problem) {
        (Field::Lines, crate::domain::Problem::Required) => t.till().needs_a_line.to_owned(),
        (Field::Discount, crate::domain::Problem::OutOfRange) => t.till().discount_too_big.to_owned(),
        (_, problem) => t.problem(problem),
    };
    format!("{field}: {problem}")
}

/// A line's item: staff type a SKU or a name and pick from the products the server finds
/// (a shop may have 100,000; a `<select>` of them all would not do). A product picked sets
/// the line's price, which staff may still change.
#[component]
fn ItemInput(line: Line, customer: i64) -> impl IntoView {
    let t = t();
    let found = LocalResource::new(move || {
        let query = line.sku.get();
        async move { if query.trim().is_empty() { Ok(Vec::new()) } else { till_items(customer, query).await } }
    });
    // The SKU whose price was filled in last: a price typed after it is left alone.
    let priced = StoredValue::new(String::new());
    Effect::new(move || {
        let sku = line.sku.get();
        if let Some(Ok(items)) = found.get()
            && let Some(item) = items.iter().find(|i| i.sku == sku)
            && priced.get_value() != sku
        {
            priced.set_value(sku);
            line.unit_price.set(item.price.plain());
        }
    });
    let list = format!("till-items-{}", line.key);
    view! {
        <input aria-label=t.till().item list=list.clone() placeholder=t.till().item_placeholder autocomplete="off"
            prop:value=move || line.sku.get()
            on:input=move |ev| line.sku.set(event_target_value(&ev)) />
        <datalist id=list>
            {move || found.get().and_then(Result::ok).map(|items| items.into_iter().map(|i| view! {
                <option value=i.sku.clone()>{format!("{} ({})", i.name, i.price.plain())}</option>
            }).collect_view())}
        </datalist>
    }
}
