//! A customer's loyalty cards, at the till and on the record: the balance, the rewards it
//! buys now (redeemed with one press), the birthday gift, an adjustment with its reason, and
//! the card's movements, each with the purchase that earned it.

use super::{AdjustLoyalty, Card, GiveBirthdayGift, Kind, RedeemReward, loyalty_cards};
use crate::admin::form_error::FormError;
use crate::admin::ui::{ErrorLine, action_error, reload_after, short_time};
use crate::domain::Field;
use crate::error::AppError;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::components::A;

/// The cards' data and actions, made where the page's other data is made (never inside a
/// `Suspend`), for whichever customer the page shows.
#[derive(Clone, Copy)]
pub struct CardState {
    bump: RwSignal<u32>,
    redeem: ServerAction<RedeemReward>,
    gift: ServerAction<GiveBirthdayGift>,
    adjust: ServerAction<AdjustLoyalty>,
    data: Resource<Result<Vec<Card>, AppError>>,
}

impl CardState {
    pub fn new(customer: Signal<Option<i64>>) -> Self {
        let bump = RwSignal::new(0u32);
        let redeem = ServerAction::<RedeemReward>::new();
        let gift = ServerAction::<GiveBirthdayGift>::new();
        let adjust = ServerAction::<AdjustLoyalty>::new();
        reload_after(redeem, bump);
        reload_after(gift, bump);
        reload_after(adjust, bump);
        let data = Resource::new(
            move || (customer.get(), bump.get()),
            |(customer, _)| async move {
                match customer {
                    Some(id) => loyalty_cards(id).await,
                    None => Ok(Vec::new()),
                }
            },
        );
        Self { bump, redeem, gift, adjust, data }
    }

    /// Reads the cards again (a purchase was just entered).
    pub fn refresh(&self) {
        self.bump.update(|n| *n += 1);
    }
}

fn unit(kind: Kind, n: i64) -> String {
    match (kind, n.abs()) {
        (Kind::Stamps, 1) => format!("{n} stamp"),
        (Kind::Stamps, _) => format!("{n} stamps"),
        (Kind::Points, 1) => format!("{n} point"),
        (Kind::Points, _) => format!("{n} points"),
    }
}

#[component]
pub fn LoyaltyCards(customer: i64, state: CardState) -> impl IntoView {
    let CardState { redeem, gift, adjust, data, .. } = state;
    let other_error = Signal::derive(move || action_error(redeem).get().or_else(|| action_error(gift).get()));
    let adjust_error = action_error(adjust);
    view! {
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
    let programme = c.programme_id;
    let kind = c.kind;
    let rewards = c
        .rewards
        .into_iter()
        .map(|r| {
            let label = format!("Redeem {} ({})", r.name, unit(kind, r.cost));
            view! {
                <button type="button" class="small" data-reward=r.id
                    on:click=move |_| { redeem.dispatch(RedeemReward { customer, reward: r.id }); }>{label}</button>
            }
        })
        .collect_view();
    let birthday = c.birthday_gift.map(|name| {
        view! {
            <button type="button" class="small secondary" data-birthday=programme
                on:click=move |_| { gift.dispatch(GiveBirthdayGift { customer, programme }); }>{format!("Birthday gift: {name}")}</button>
        }
    });
    let movements = c.movements.into_iter().map(|m| movement(kind, m)).collect_view();
    view! {
        <section class="loyalty-card" data-programme=programme>
            <h2>{c.programme} " " <small data-balance=c.balance>{unit(kind, c.balance)}</small></h2>
            <p class="actions">{rewards}{birthday}</p>
            <details>
                <summary>"Movements and adjustment"</summary>
                <ul class="timeline">{movements}</ul>
                <ActionForm action=adjust attr:class="stacked">
                    <input type="hidden" name="customer" value=customer />
                    <input type="hidden" name="programme" value=programme />
                    <label>"Add or remove (e.g. 2 or -2)" <input name="amount" inputmode="numeric" /></label>
                    <FormError error=adjust_error field=Field::Amount />
                    <label>"Reason" <input name="reason" maxlength="200" /></label>
                    <FormError error=adjust_error field=Field::AdjustReason />
                    <FormError error=adjust_error />
                    <button type="submit" class="secondary">"Adjust"</button>
                </ActionForm>
            </details>
        </section>
    }
}

fn movement(kind: Kind, m: super::Movement) -> impl IntoView {
    let what = match m.kind.as_str() {
        "earn" => "earned".to_owned(),
        "redeem" => format!("redeemed {}", m.reward_name.clone().unwrap_or_default()),
        "birthday" => format!("birthday gift {}", m.reward_name.clone().unwrap_or_default()),
        _ => format!("adjusted: {}", m.reason.clone().unwrap_or_default()),
    };
    let amount = if m.amount > 0 { format!("+{}", unit(kind, m.amount)) } else { unit(kind, m.amount) };
    view! {
        <li data-movement=m.kind.clone()>
            <time>{short_time(&m.created_at)}</time> " " {amount} " " {what}
            {m.purchase_id.map(|p| view! { " · " <A href=format!("#purchase-{p}")>{format!("purchase {p}")}</A> })}
            {m.staff.map(|s| format!(" · by {s}"))}
            {m.expires_at.map(|x| format!(" · expires {}", short_time(&x)))}
        </li>
    }
}
