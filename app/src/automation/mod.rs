//! Automation: Patron's built-in rules, switched on per site by the owner, each mailing a
//! customer (from a wording in `mail`) and/or telling the site's webhooks (`automation.fired`)
//! when something happens to them — once per customer per rule:
//!
//! - **win-back**: a customer passed the site's dormant rule; the mail offers a discount code
//!   and goes only to customers whose newsletter consent is in force (it is an offer);
//! - **NPS follow-up**: a customer answered the NPS question with 0–6;
//! - **reserved item arrived**: staff marked an item arrived that the customer reserved
//!   (each reservation is its own news, so this one fires once per reservation).
//!
//! Every server's timer job evaluates the rules every few minutes (`server/src/jobs.rs`), and
//! the reservations desk evaluates the arrival rule the moment staff mark an item arrived.

mod api;
#[cfg(feature = "ssr")]
pub mod db;

pub use api::*;

use crate::domain::{Field, Problem};
use crate::error::AppError;
use crate::staff::form_error::FormError;
use crate::staff::ui::{ErrorLine, action_error, short_time};
use leptos::form::ActionForm;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What makes a rule fire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Trigger {
    Dormant,
    Detractor,
    ItemArrived,
}

impl Trigger {
    pub const ALL: [Trigger; 3] = [Trigger::Dormant, Trigger::Detractor, Trigger::ItemArrived];

    pub fn code(self) -> &'static str {
        match self {
            Trigger::Dormant => "dormant",
            Trigger::Detractor => "detractor",
            Trigger::ItemArrived => "item_arrived",
        }
    }

    pub fn parse(code: &str) -> Option<Trigger> {
        Trigger::ALL.into_iter().find(|t| t.code() == code)
    }

    pub fn title(self) -> &'static str {
        match self {
            Trigger::Dormant => "Win back dormant customers",
            Trigger::Detractor => "Follow up a low NPS score",
            Trigger::ItemArrived => "Tell customers their reserved item arrived",
        }
    }

    pub fn explain(self) -> &'static str {
        match self {
            Trigger::Dormant => {
                "When a customer passes the site's dormant rule, mail them the discount code below. The mail goes only to customers whose newsletter consent is in force, and carries their unsubscribe link. Switching it on reaches everyone dormant now."
            }
            Trigger::Detractor => {
                "When a customer who left their email answers the NPS question with 0 to 6, mail them to ask what went wrong (replies come to the shop's address). Answers given before the rule was switched on are left alone."
            }
            Trigger::ItemArrived => {
                "When staff press “Arrived” on the reservations desk, mail every customer with an open reservation of the item. Once per reservation."
            }
        }
    }

    /// Whether the mail is an offer, which needs the customer's newsletter consent.
    pub fn is_offer(self) -> bool {
        self == Trigger::Dormant
    }
}

/// How a site set one rule, and what it did so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule {
    pub trigger: Trigger,
    pub active: bool,
    pub send_mail: bool,
    pub send_webhook: bool,
    pub discount_code: String,
    pub active_since: Option<String>,
    /// Customers it fired for, and how many of them were mailed.
    pub fired: i64,
    pub mailed: i64,
}

/// What one evaluation did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fired {
    pub customers: i64,
    pub mailed: i64,
    pub told: i64,
}

impl Fired {
    pub fn add(&mut self, other: Fired) {
        self.customers += other.customers;
        self.mailed += other.mailed;
        self.told += other.told;
    }
}

/// A discount code as a till or web shop takes it: 1 to 40 letters, digits, `-` or `_`.
pub fn parse_discount_code(raw: &str) -> Result<String, Problem> {
    let code = raw.trim();
    if code.is_empty() {
        Err(Problem::Required)
    } else if code.chars().count() > 40 {
        Err(Problem::TooLong)
    } else if !code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        Err(Problem::BadCharacters)
    } else {
        Ok(code.to_owned())
    }
}

/// The automation section's actions and data, made at the top of the settings page for the
/// reason given at [`crate::admin::policy::PolicyState`].
#[derive(Clone, Copy)]
pub struct AutomationState {
    save: ServerAction<SaveAutomationRule>,
    run: ServerAction<RunAutomation>,
    data: Resource<Result<Vec<Rule>, AppError>>,
}

impl AutomationState {
    pub fn new(site: Memo<String>, changed: RwSignal<u32>) -> Self {
        let save = ServerAction::<SaveAutomationRule>::new();
        let run = ServerAction::<RunAutomation>::new();
        let saved = RwSignal::new(0u32);
        crate::staff::ui::reload_after(save, saved);
        crate::staff::ui::reload_after(run, saved);
        let data = Resource::new(move || (site.get(), changed.get(), saved.get()), |(site, ..)| automation_rules(site));
        Self { save, run, data }
    }
}

/// The automation section of a site's settings page: each built-in rule with its switches.
#[component]
pub fn AutomationSettings(site: String, state: AutomationState) -> impl IntoView {
    let AutomationState { save, run, data } = state;
    let save_error = action_error(save);
    let run_error = action_error(run);
    let run_site = site.clone();
    let ran = move || {
        run.value()
            .get()
            .and_then(Result::ok)
            .map(|f| format!("Done: {} customers, {} mails written, {} webhook events.", f.customers, f.mailed, f.told))
    };
    view! {
        <h2>"Automation"</h2>
        <p class="hint">"Each rule acts once per customer. The mails' wording is under Email above; webhook endpoints subscribed to "<code>"automation.fired"</code>" are told. Rules are checked every five minutes."</p>
        <Transition fallback=|| view! { <p>"Loading…"</p> }>
            {move || {
                let site = site.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(rules) => rules.into_iter().map(|r| rule_form(r, site.clone(), save, save_error)).collect_view().into_any(),
                        Err(error) => view! { <ErrorLine error /> }.into_any(),
                    }
                })
            }}
        </Transition>
        <button type="button" class="secondary" id="run-automation"
            on:click=move |_| { run.dispatch(RunAutomation { site: run_site.clone() }); }>"Check the rules now"</button>
        <p class="ok" role="status">{ran}</p>
        {move || run_error.get().map(|error| view! { <ErrorLine error /> })}
    }
}

fn rule_form(
    r: Rule,
    site: String,
    save: ServerAction<SaveAutomationRule>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let trigger = r.trigger;
    let state = match (&r.active, &r.active_since) {
        (true, Some(since)) => format!("On since {}. ", short_time(since)),
        _ => "Off. ".to_owned(),
    };
    let tally = format!("Fired for {} customers, {} of them mailed.", r.fired, r.mailed);
    // Only the form last submitted shows the error, not all three.
    let mine = move || save.input().get().is_none_or(|i| i.trigger == trigger.code());
    let error = Signal::derive(move || if mine() { error.get() } else { None });
    view! {
        <ActionForm action=save attr:class="stacked automation-rule" attr:data-rule=trigger.code()>
            <h3>{trigger.title()}</h3>
            <p class="hint">{trigger.explain()}</p>
            <p class="hint">{state}{tally}</p>
            <input type="hidden" name="site" value=site />
            <input type="hidden" name="trigger" value=trigger.code() />
            <label class="check"><input type="checkbox" name="active" checked=r.active />" On"</label>
            <label class="check"><input type="checkbox" name="send_mail" checked=r.send_mail />" Send the mail"</label>
            <label class="check"><input type="checkbox" name="send_webhook" checked=r.send_webhook />" Tell the webhooks"</label>
            {(trigger == Trigger::Dormant).then(|| view! {
                <label>"Discount code" <input name="discount_code" value=r.discount_code.clone() maxlength="40" /></label>
                <FormError error field=Field::DiscountCode />
            })}
            <FormError error />
            <button type="submit">"Save"</button>
        </ActionForm>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn discount_codes_are_what_a_till_can_type() {
        assert_eq!(parse_discount_code(" COMEBACK-10 "), Ok("COMEBACK-10".to_owned()));
        assert_eq!(parse_discount_code(""), Err(Problem::Required));
        assert_eq!(parse_discount_code("TEN OFF"), Err(Problem::BadCharacters));
        assert_eq!(parse_discount_code(&"X".repeat(41)), Err(Problem::TooLong));
    }

    #[test]
    fn triggers_parse_their_own_codes_only() {
        for t in Trigger::ALL {
            assert_eq!(Trigger::parse(t.code()), Some(t));
        }
        assert_eq!(Trigger::parse("birthday"), None);
    }
}
