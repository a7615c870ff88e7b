//! The general settings of a site (name, policy, languages, analytics paths), where its
//! widgets may run, and which widgets it uses with their snippets.

use super::{AddOrigin, LanguageSelect, RemoveOrigin, SaveSite, SetAddressMode, SetWidget, SiteSettings};
use crate::domain::{AddressMode, Field, WidgetKind, embed_snippet};
use crate::staff::form_error::FormError;
use crate::staff::texts::t;
use crate::staff::ui::{action_error, reload_after};
use crate::widgets::texts::Lang;
use leptos::form::ActionForm;
use leptos::prelude::*;

#[component]
pub(super) fn General(s: SiteSettings, changed: RwSignal<u32>) -> impl IntoView {
    let w = t().settings();
    let action = ServerAction::<SaveSite>::new();
    reload_after(action, changed);
    let error = action_error(action);
    view! {
        <h2>{w.general_title}</h2>
        <ActionForm action attr:class="stacked" attr:id="general">
            <input type="hidden" name="form[site]" value=s.key.clone() />
            <label>{w.name} " " <input name="form[name]" value=s.name required /></label>
            <FormError error field=Field::SiteName />
            <label>{w.policy_url} " " <input name="form[privacy_policy_url]" value=s.privacy_policy_url required /></label>
            <FormError error field=Field::PolicyUrl />
            <label>{w.default_language} " " <LanguageSelect name="form[default_language]" selected=s.default_language.clone() /></label>
            <fieldset>
                <legend>{w.languages}</legend>
                {Lang::ALL.into_iter().map(|l| view! {
                    <label class="inline">
                        <input type="checkbox" name="form[languages][]" value=l.code()
                            checked=s.languages.iter().any(|c| c == l.code()) />
                        {l.name()}
                    </label>
                }).collect_view()}
            </fieldset>
            <FormError error field=Field::Language />
            // One span: the label is a grid, whose every child would take a row of its own.
            <label><span>{w.kept_params_before} " " <code>"q page"</code> {w.kept_params_after}</span>
                <input name="form[kept_query_params]" value=s.kept_query_params />
            </label>
            <FormError error field=Field::QueryParams />
            <label>{w.country}
                <select name="form[country]">
                    <option value="" selected=s.country.is_empty()>"—"</option>
                    {s.countries.iter().map(|(code, name)| view! {
                        <option value=code.clone() selected=*code == s.country>{name.clone()}</option>
                    }).collect_view()}
                </select>
            </label>
            <FormError error field=Field::Country />
            <TimeZoneSelect chosen=s.time_zone zones=s.time_zones />
            <FormError error field=Field::TimeZone />
            <FormError error />
            <button type="submit">{w.save}</button>
        </ActionForm>
    }
}

/// The site's time zone: blank keeps the country's (named in the blank option), then the
/// country's zones, then every other.
#[component]
fn TimeZoneSelect(chosen: String, zones: super::TimeZoneChoice) -> impl IntoView {
    let w = t().settings();
    let option = |zone: String| {
        let selected = zone == chosen;
        view! { <option value=zone.clone() selected=selected>{zone.clone()}</option> }
    };
    view! {
        <label>{w.time_zone}
            <select name="form[time_zone]">
                <option value="" selected=chosen.is_empty()>{(w.time_zone_unchosen)(&zones.unchosen)}</option>
                {(!zones.of_country.is_empty()).then(|| view! {
                    <optgroup label=w.time_zones_of_country>
                        {zones.of_country.iter().cloned().map(option).collect_view()}
                    </optgroup>
                })}
                <optgroup label=w.time_zones_other>
                    {zones.others.iter().cloned().map(option).collect_view()}
                </optgroup>
            </select>
        </label>
    }
}

#[component]
pub(super) fn Origins(site: String, origins: Vec<String>, changed: RwSignal<u32>) -> impl IntoView {
    let w = t().settings();
    let add = ServerAction::<AddOrigin>::new();
    let remove = ServerAction::<RemoveOrigin>::new();
    reload_after(add, changed);
    reload_after(remove, changed);
    let error = action_error(add);
    let empty = origins.is_empty();
    view! {
        <h2>{w.origins_title}</h2>
        <p class="hint">{w.origins_hint}</p>
        {empty.then(|| view! { <p class="empty">{w.no_origin}</p> })}
        <ul class="origins">
            {origins.into_iter().map(|origin| {
                let shown = if origin == "self" { w.own_address.to_owned() } else { origin.clone() };
                let site = site.clone();
                view! {
                    <li>
                        <code>{shown}</code>
                        <button type="button" class="secondary"
                            on:click=move |_| { remove.dispatch(RemoveOrigin { site: site.clone(), origin: origin.clone() }); }>
                            {w.remove}
                        </button>
                    </li>
                }
            }).collect_view()}
        </ul>
        <ActionForm action=add attr:class="row">
            <input type="hidden" name="site" value=site />
            <input name="origin" placeholder="https://shop.example" aria-label=w.origin_label required />
            <button type="submit">{w.allow}</button>
        </ActionForm>
        <FormError error field=Field::Origin />
    }
}

#[component]
pub(super) fn Widgets(
    site: String,
    enabled: Vec<WidgetKind>,
    address_modes: Vec<(WidgetKind, AddressMode)>,
    server: String,
    changed: RwSignal<u32>,
) -> impl IntoView {
    let w = t().settings();
    let switch = ServerAction::<SetWidget>::new();
    reload_after(switch, changed);
    let set_address = ServerAction::<SetAddressMode>::new();
    reload_after(set_address, changed);
    let address_error = action_error(set_address);
    view! {
        <h2>{w.widgets_title}</h2>
        <p class="hint">{w.widgets_hint}</p>
        <div class="widgets">
            {WidgetKind::ALL.into_iter().map(|kind| {
                let on = enabled.contains(&kind);
                let snippet = embed_snippet(kind, &server, &site);
                let site = site.clone();
                let address = address_modes.iter().find(|(w, _)| *w == kind).map_or(AddressMode::Off, |(_, m)| *m);
                let address_site = site.clone();
                view! {
                    <article class="widget" data-widget=kind.code()>
                        <label class="inline">
                            <input type="checkbox" checked=on
                                on:change=move |ev| {
                                    let on = event_target_checked(&ev);
                                    switch.dispatch(SetWidget { site: site.clone(), widget: kind, on });
                                } />
                            <strong>{w.widget(kind)}</strong>
                            {(!on).then(|| view! { <span class="badge none">{w.off}</span> })}
                        </label>
                        {kind.takes_address().then(|| view! {
                            <label class="inline">
                                {w.postal_address} " "
                                <select name="address"
                                    on:change=move |ev| {
                                        let Some(mode) = AddressMode::from_code(&event_target_value(&ev)) else { return };
                                        set_address.dispatch(SetAddressMode { site: address_site.clone(), widget: kind, mode });
                                    }>
                                    {AddressMode::ALL.into_iter().map(|m| view! {
                                        <option value=m.code() selected=m == address>{address_mode_label(w, m)}</option>
                                    }).collect_view()}
                                </select>
                            </label>
                        })}
                        <textarea class="snippet" readonly rows="3" aria-label=(w.snippet_of)(w.widget(kind))
                            on:focus=move |ev| { event_target::<web_sys::HtmlTextAreaElement>(&ev).select(); }>
                            {snippet}
                        </textarea>
                    </article>
                }
            }).collect_view()}
        </div>
        <FormError error=address_error field=Field::Choice />
    }
}

fn address_mode_label(w: &'static crate::staff::texts::Settings, mode: AddressMode) -> &'static str {
    match mode {
        AddressMode::Off => w.address_off,
        AddressMode::Optional => w.address_optional,
        AddressMode::Required => w.address_required,
    }
}
