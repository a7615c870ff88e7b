//! A customer's loyalty cards, at the till and on the record: the balance, the rewards it
//! buys now (redeemed with one press), the birthday gift, an adjustment with its reason, and
//! the card's movements, each with the purchase that earned it.

use crate::domain::Field;
use crate::error::AppError;
use crate::loyalty::{
    AdjustLoyalty, Card, GiveBirthdayGift, IssueLoyaltyCard, Kind, Member, RedeemReward, loyalty_cards, loyalty_member,
    printable_card,
};
use crate::staff::form_error::FormError;
use crate::staff::texts::t;
use crate::staff::ui::{ErrorLine, action_error, reload_after, short_time};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

/// The cards' data and actions, made where the page's other data is made (never inside a
/// `Suspend`), for whichever customer the page shows.
#[derive(Clone, Copy)]
pub struct CardState {
    bump: RwSignal<u32>,
    redeem: ServerAction<RedeemReward>,
    gift: ServerAction<GiveBirthdayGift>,
    adjust: ServerAction<AdjustLoyalty>,
    issue: ServerAction<IssueLoyaltyCard>,
    data: Resource<Result<Vec<Card>, AppError>>,
    member: Resource<Result<Option<Member>, AppError>>,
}

impl CardState {
    pub fn new(customer: Signal<Option<i64>>) -> Self {
        let bump = RwSignal::new(0u32);
        let redeem = ServerAction::<RedeemReward>::new();
        let gift = ServerAction::<GiveBirthdayGift>::new();
        let adjust = ServerAction::<AdjustLoyalty>::new();
        let issue = ServerAction::<IssueLoyaltyCard>::new();
        reload_after(redeem, bump);
        reload_after(gift, bump);
        reload_after(adjust, bump);
        reload_after(issue, bump);
        let member = Resource::new(
            move || (customer.get(), bump.get()),
            |(customer, _)| async move {
                match customer {
                    Some(id) => loyalty_member(id).await,
                    None => Ok(None),
                }
            },
        );
        let data = Resource::new(
            move || (customer.get(), bump.get()),
            |(customer, _)| async move {
                match customer {
                    Some(id) => loyalty_cards(id).await,
                    None => Ok(Vec::new()),
                }
            },
        );
        Self { bump, redeem, gift, adjust, issue, data, member }
    }

    /// Reads the cards again (a purchase was just entered).
    pub fn refresh(&self) {
        self.bump.update(|n| *n += 1);
    }
}

fn unit(kind: Kind, n: i64) -> String {
    let cards = t().cards();
    match kind {
        Kind::Stamps => (cards.stamps)(n),
        Kind::Points => (cards.points)(n),
    }
}

#[component]
pub fn LoyaltyCards(customer: i64, state: CardState) -> impl IntoView {
    let CardState { redeem, gift, adjust, issue, data, member, .. } = state;
    let other_error = Signal::derive(move || {
        action_error(redeem).get().or_else(|| action_error(gift).get()).or_else(|| action_error(issue).get())
    });
    let adjust_error = action_error(adjust);
    let t = t();
    view! {
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match member.await {
                    Ok(Some(m)) => {
                        // Attributes are built after children: the copy is taken first.
                        let number = m.code.clone();
                        view! {
                            <p class="loyalty-member">{t.cards().card} " " <code data-card=number>{m.code}</code> " · "
                                <A href=format!("/admin/customers/{customer}/card")>{t.cards().print_card}</A></p>
                        }.into_any()
                    }
                    Ok(None) => view! {
                        <p class="loyalty-member"><button type="button" class="small secondary"
                            on:click=move |_| { issue.dispatch(IssueLoyaltyCard { customer }); }>{t.cards().give_card}</button></p>
                    }.into_any(),
                    Err(error) => view! { <ErrorLine error /> }.into_any(),
                }
            })}
        </Transition>
        <Transition fallback=|| ()>
            {move || Suspend::new(async move {
                match data.await {
                    Ok(cards) => cards.into_iter().map(|c| card(customer, c, state, adjust_error)).collect_view().into_any(),
                    Err(error) => view! { <ErrorLine error /> }.into_any(),
                }
            })}
        </Transition>
        {move || other_error.get().map(|error| view! { <ErrorLine error /> })}
    }
}

fn card(customer: i64, c: Card, state: CardState, adjust_error: Signal<Option<AppError>>) -> impl IntoView {
    let CardState { redeem, gift, adjust, .. } = state;
    let t = t();
    let programme = c.programme_id;
    let kind = c.kind;
    let rewards = c
        .rewards
        .into_iter()
        .map(|r| {
            let label = (t.cards().redeem)(&r.name, &unit(kind, r.cost));
            view! {
                <button type="button" class="small" data-reward=r.id
                    on:click=move |_| { redeem.dispatch(RedeemReward { customer, reward: r.id }); }>{label}</button>
            }
        })
        .collect_view();
    let birthday = c.birthday_gift.map(|name| {
        view! {
            <button type="button" class="small secondary" data-birthday=programme
                on:click=move |_| { gift.dispatch(GiveBirthdayGift { customer, programme }); }>{(t.cards().birthday_gift)(&name)}</button>
        }
    });
    let movements = c.movements.into_iter().map(|m| movement(kind, m)).collect_view();
    view! {
        <section class="loyalty-card" data-programme=programme>
            <h2>{c.programme} " " <small data-balance=c.balance>{unit(kind, c.balance)}</small></h2>
            <p class="actions">{rewards}{birthday}</p>
            <details>
                <summary>{t.cards().movements}</summary>
                <ul class="timeline">{movements}</ul>
                <ActionForm action=adjust attr:class="stacked">
                    <input type="hidden" name="customer" value=customer />
                    <input type="hidden" name="programme" value=programme />
                    <label>{t.cards().add_or_remove} <input name="amount" inputmode="numeric" /></label>
                    <FormError error=adjust_error field=Field::Amount />
                    <label>{t.cards().reason} <input name="reason" maxlength="200" /></label>
                    <FormError error=adjust_error field=Field::AdjustReason />
                    <FormError error=adjust_error />
                    <button type="submit" class="secondary">{t.cards().adjust}</button>
                </ActionForm>
            </details>
        </section>
    }
}

fn movement(kind: Kind, m: crate::loyalty::Movement) -> impl IntoView {
    let t = t();
    let what = match m.kind.as_str() {
        "earn" => t.cards().earned.to_owned(),
        "redeem" => (t.cards().redeemed)(&m.reward_name.clone().unwrap_or_default()),
        "birthday" => (t.cards().birthday)(&m.reward_name.clone().unwrap_or_default()),
        _ => (t.cards().adjusted)(&m.reason.clone().unwrap_or_default()),
    };
    let amount = if m.amount > 0 { format!("+{}", unit(kind, m.amount)) } else { unit(kind, m.amount) };
    view! {
        <li data-movement=m.kind.clone()>
            <time>{short_time(&m.created_at)}</time> " " {amount} " " {what}
            {m.purchase_id.map(|p| view! { " · " <A href=format!("#purchase-{p}")>{(t.cards().purchase)(p)}</A> })}
            {m.staff.map(|s| format!(" · {}", (t.cards().by)(&s)))}
            {m.expires_at.map(|x| format!(" · {}", (t.cards().expires)(&short_time(&x))))}
        </li>
    }
}

/// A customer's card to print (a credit-card-sized block, the rest of the page hidden by the
/// print style): the shop, the name, the number and its QR code.
#[component]
pub fn PrintCardPage() -> impl IntoView {
    let t = t();
    let params = use_params_map();
    let id = move || params.read().get("id").and_then(|id| id.parse::<i64>().ok()).unwrap_or(0);
    let card = Resource::new(id, printable_card);
    view! {
        <section class="print-page">
            <p><A href=move || format!("/admin/customers/{}", id())>{t.cards().back_to_record}</A></p>
            <Transition fallback=move || view! { <p>{t.common().loading}</p> }>
                {move || Suspend::new(async move {
                    match card.await {
                        Ok(c) => {
                            let number = c.code.clone();
                            view! {
                            <div class="print-card">
                                <div class="qr" inner_html=c.svg></div>
                                <div>
                                    <p class="shop">{c.site_name}</p>
                                    <p class="holder">{c.name}</p>
                                    <p class="number" data-card=number>{c.code}</p>
                                </div>
                            </div>
                            <p><button type="button" on:click=|_| { let _ = window().print(); }>{t.cards().print}</button></p>
                            }.into_any()
                        }
                        Err(error) => view! { <ErrorLine error /> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}
