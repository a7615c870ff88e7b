//! The staff's view of the automation rules (the service itself is `crate::automation`).

use crate::automation::Trigger;
use crate::automation::*;
use crate::domain::Field;
use crate::error::AppError;
use crate::staff::form_error::FormError;
use crate::staff::ui::{ErrorLine, action_error, short_time};
use leptos::form::ActionForm;
use leptos::prelude::*;

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
    let t = crate::staff::texts::t();
    let a = t.automation();
    let ran = move || run.value().get().and_then(Result::ok).map(|f| (a.done)(f.customers, f.mailed, f.told));
    view! {
        <h2>{a.title}</h2>
        <p class="hint">{a.hint_before} " " <code>"automation.fired"</code> " " {a.hint_after}</p>
        <Transition fallback=move || view! { <p>{t.common().loading}</p> }>
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
            on:click=move |_| { run.dispatch(RunAutomation { site: run_site.clone() }); }>{a.run}</button>
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
    let a = crate::staff::texts::t().automation();
    let state = match (&r.active, &r.active_since) {
        (true, Some(since)) => (a.on_since)(&short_time(since)),
        _ => a.off.to_owned(),
    };
    let tally = (a.fired)(r.fired, r.mailed);
    let (title, explain) = match trigger {
        Trigger::Dormant => (a.dormant, a.dormant_explain),
        Trigger::Detractor => (a.detractor, a.detractor_explain),
        Trigger::ItemArrived => (a.arrived, a.arrived_explain),
    };
    // Only the form last submitted shows the error, not all three.
    let mine = move || save.input().get().is_none_or(|i| i.trigger == trigger.code());
    let error = Signal::derive(move || if mine() { error.get() } else { None });
    view! {
        <ActionForm action=save attr:class="stacked automation-rule" attr:data-rule=trigger.code()>
            <h3>{title}</h3>
            <p class="hint">{explain}</p>
            <p class="hint">{state} " " {tally}</p>
            <input type="hidden" name="site" value=site />
            <input type="hidden" name="trigger" value=trigger.code() />
            <label class="check"><input type="checkbox" name="active" checked=r.active />" " {a.on}</label>
            <label class="check"><input type="checkbox" name="send_mail" checked=r.send_mail />" " {a.send_mail}</label>
            <label class="check"><input type="checkbox" name="send_webhook" checked=r.send_webhook />" " {a.send_webhook}</label>
            {(trigger == Trigger::Dormant).then(|| view! {
                <label>{a.discount_code} " " <input name="discount_code" value=r.discount_code.clone() maxlength="40" /></label>
                <FormError error field=Field::DiscountCode />
            })}
            <FormError error />
            <button type="submit">{a.save}</button>
        </ActionForm>
    }
}
