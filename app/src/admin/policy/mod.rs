//! The privacy policy's part of the site settings: the version in force, the earlier ones,
//! and the owner's own words (the policy itself is `crate::policy`, its page
//! `crate::public_pages::privacy_policy`).

mod api;

pub use api::*;

use crate::domain::Field;
use crate::error::AppError;
use crate::staff::form_error::FormError;
use crate::staff::ui::{ErrorLine, action_error, short_time};
use leptos::form::ActionForm;
use leptos::prelude::*;

/// The policy section's action and data. The settings page makes them at its top, outside
/// the Suspend that waits for the settings: a resource made inside another Suspend is made
/// anew when the server renders it again, and the browser's hydration then waits for data
/// under an id the server never sent.
#[derive(Clone, Copy)]
pub struct PolicyState {
    save: ServerAction<SavePrivacyPolicy>,
    policy: Resource<Result<PolicyView, AppError>>,
}

impl PolicyState {
    /// `changed` counts saves elsewhere on the page, any of which may publish a new version.
    pub fn new(site: Memo<String>, changed: RwSignal<u32>) -> Self {
        let save = ServerAction::<SavePrivacyPolicy>::new();
        let policy = Resource::new(
            move || (site.get(), changed.get(), save.version().get()),
            |(site, _, _)| privacy_policy(site),
        );
        Self { save, policy }
    }
}

/// The privacy policy section of a site's settings page.
#[component]
pub fn PolicySettings(site: String, state: PolicyState) -> impl IntoView {
    let PolicyState { save, policy } = state;
    let error = action_error(save);
    let t = crate::staff::texts::t();
    let w = t.privacy();
    view! {
        <h2>{w.policy_title}</h2>
        <p class="hint">{w.policy_hint}</p>
        <Transition fallback=move || view! { <p>{t.common().loading}</p> }>
            {move || {
                let site = site.clone();
                Suspend::new(async move {
                    let view_data = match policy.await {
                        Ok(v) => v,
                        Err(error) => return view! { <ErrorLine error /> }.into_any(),
                    };
                    let address = format!("/p/{}/privacy", view_data.site_key);
                    let owner_text = view_data.current.as_ref().map(|c| c.owner_text.clone()).unwrap_or_default();
                    view! {
                        <p data-policy-version=view_data.current.as_ref().map(|c| c.version)>
                            {match &view_data.current {
                                Some(c) => (w.in_force)(c.version, &short_time(&c.published_at)),
                                None => w.not_published.to_owned(),
                            }}
                            " "
                            <a href=address.clone() target="_blank" rel="noopener">{address.clone()}</a>
                        </p>
                        <ActionForm action=save attr:class="stacked" attr:id="privacy-policy">
                            <input type="hidden" name="site" value=site />
                            <label>{w.owner_text}
                                <textarea name="owner_text" rows="5">{owner_text}</textarea>
                            </label>
                            <FormError error field=Field::PolicyText />
                            <FormError error />
                            <button type="submit">{w.publish}</button>
                        </ActionForm>
                        <details>
                            <summary>{(w.all_versions)(view_data.versions.len())}</summary>
                            <ul class="policy-versions">
                                {view_data.versions.into_iter().map(|v| view! {
                                    <li>
                                        <a href=format!("{address}?version={}", v.version) target="_blank" rel="noopener">
                                            {(w.version)(v.version)}
                                        </a>
                                        {format!(" — {}, {}", short_time(&v.published_at), v.staff.unwrap_or_else(|| w.after_settings.to_owned()))}
                                    </li>
                                }).collect_view()}
                            </ul>
                        </details>
                    }.into_any()
                })
            }}
        </Transition>
    }
}
