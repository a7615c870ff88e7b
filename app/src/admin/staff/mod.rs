//! Staff accounts: invitations with a one-time link, roles, removal, password resets. Owner
//! only, but for the set-password page an invitee (or a member whose password was reset)
//! reaches through their link, and each member's own account page.

mod api;
#[cfg(feature = "ssr")]
pub mod db;
pub mod language;

pub use api::*;

use crate::admin::auth::NewPasswordField;
use crate::domain::{Field, Role};
use crate::staff::form_error::FormError;
use crate::staff::ui::{ErrorLine, action_error, reload_after, short_time};
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

const ROLES: [Role; 3] = [Role::Staff, Role::Manager, Role::Owner];

/// What a role may do, as the invitation form offers it.
fn can(t: &'static crate::staff::texts::AdminTexts, role: Role) -> &'static str {
    match role {
        Role::Staff => t.staff().staff_can,
        Role::Manager => t.staff().manager_can,
        Role::Owner => t.staff().owner_can,
    }
}

#[component]
pub fn StaffPage() -> impl IntoView {
    let t = crate::staff::texts::t();
    let changed = RwSignal::new(0u32);
    let invite = ServerAction::<InviteStaff>::new();
    let set = ServerAction::<SetRole>::new();
    let remove = ServerAction::<RemoveStaff>::new();
    let reset = ServerAction::<ResetPassword>::new();
    reload_after(invite, changed);
    reload_after(set, changed);
    reload_after(remove, changed);
    let invite_error = action_error(invite);
    let list = Resource::new(move || changed.get(), |_| list_staff());
    let change_error = move || {
        set.value()
            .get()
            .and_then(Result::err)
            .or_else(|| remove.value().get().and_then(Result::err))
            .or_else(|| reset.value().get().and_then(Result::err))
    };
    view! {
        <section class="staff">
            <h1>{t.staff().title}</h1>
            {move || change_error().map(|error| view! { <ErrorLine error /> })}
            <Transition fallback=move || view! { <p>{t.common().loading}</p> }>
                {move || Suspend::new(async move {
                    let list = match list.await {
                        Ok(list) => list,
                        Err(error) => return view! { <ErrorLine error /> }.into_any(),
                    };
                    view! {
                        <table class="customers stack">
                            <thead><tr><th>{t.common().email}</th><th>{t.staff().role}</th><th>{t.staff().since}</th><th></th></tr></thead>
                            <tbody>
                                {list.members.into_iter().map(|m| view! {
                                    <tr data-staff=m.email.clone()>
                                        <td>{m.email.clone()}" "{m.is_you.then_some(t.staff().you)}</td>
                                        <td>
                                            <select aria-label=(t.staff().role_of)(&m.email) on:change=move |ev| {
                                                if let Some(role) = Role::parse(&event_target_value(&ev)) {
                                                    set.dispatch(SetRole { staff: m.id, role });
                                                }
                                            }>
                                                {ROLES.iter().map(|r| view! { <option value=r.as_str() selected=*r == m.role>{t.role(*r)}</option> }).collect_view()}
                                            </select>
                                        </td>
                                        <td data-label=t.staff().since>{short_time(&m.since)}</td>
                                        <td>{(!m.is_you).then(|| view! {
                                            <button type="button" class="secondary small"
                                                on:click=move |_| { reset.dispatch(ResetPassword { staff: m.id }); }>{t.staff().reset_password}</button>
                                            " "
                                            <button type="button" class="secondary small"
                                                on:click=move |_| { remove.dispatch(RemoveStaff { staff: m.id }); }>{t.staff().remove}</button>
                                        })}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                        {(!list.pending.is_empty()).then(|| view! {
                            <h2>{t.staff().pending}</h2>
                            <ul>{list.pending.into_iter().map(|p| view! {
                                <li>{(t.staff().pending_line)(&p.email, t.role(p.role), &short_time(&p.expires_at))}</li>
                            }).collect_view()}</ul>
                        })}
                    }.into_any()
                })}
            </Transition>
            {move || reset.value().get().and_then(Result::ok).map(|link| view! {
                <div class="invite-link" role="status">
                    <p>{t.staff().reset_done}</p>
                    <input readonly aria-label=t.staff().reset_link value=link />
                </div>
            })}
            <h2>{t.staff().invite}</h2>
            <ActionForm action=invite attr:class="stacked">
                <label>{t.common().email} " " <input type="email" name="email" required /></label>
                <FormError error=invite_error field=Field::Email />
                <label>{t.staff().role}
                    <select name="role" aria-label=t.staff().invite_as>
                        {ROLES.iter().map(|r| view! { <option value=r.as_str()>{can(t, *r)}</option> }).collect_view()}
                    </select>
                </label>
                <button type="submit">{t.staff().make_link}</button>
            </ActionForm>
            {move || invite.value().get().and_then(Result::ok).map(|link| view! {
                <div class="invite-link" role="status">
                    <p>{t.staff().invite_done}</p>
                    <input readonly aria-label=t.staff().invite_link value=link />
                </div>
            })}
        </section>
    }
}

/// Where an invited member sets their password (no session: the link is the credential).
#[component]
pub fn InvitePage() -> impl IntoView {
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let info = Resource::new(token, get_invite);
    let accept = ServerAction::<AcceptInvite>::new();
    let error = action_error(accept);
    let t = crate::staff::texts::t();
    view! {
        <main class="auth">
            <h1>{t.sign_in().join_title}</h1>
            <Suspense fallback=move || view! { <p>{t.common().loading}</p> }>
                {move || Suspend::new(async move {
                    match info.await {
                        Ok(info) => view! {
                            <p>{if info.reset {
                                (t.sign_in().reset_for)(&info.email)
                            } else {
                                (t.sign_in().invited_as)(&info.email, t.role(info.role))
                            }}</p>
                            <ActionForm action=accept>
                                <input type="hidden" name="token" value=token() />
                                <NewPasswordField error />
                                <FormError error />
                                <button type="submit">{t.sign_in().join}</button>
                            </ActionForm>
                        }.into_any(),
                        Err(_) => view! {
                            <p class="form-error" role="alert">{t.sign_in().invite_expired}</p>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </main>
    }
}

/// The signed-in member's own account: their password.
#[component]
pub fn AccountPage() -> impl IntoView {
    let t = crate::staff::texts::t();
    let change = ServerAction::<ChangePassword>::new();
    let error = action_error(change);
    view! {
        <section class="account">
            <h1>{t.account().title}</h1>
            <language::LanguageChoice />
            <h2>{t.account().password_title}</h2>
            <p class="hint">{t.account().password_hint}</p>
            <ActionForm action=change attr:class="stacked">
                <label>{t.account().current_password} <input type="password" name="current" autocomplete="current-password" required /></label>
                <FormError error field=Field::Current />
                <NewPasswordField error />
                <FormError error />
                <button type="submit">{t.account().change_password}</button>
            </ActionForm>
            {move || matches!(change.value().get(), Some(Ok(()))).then(|| view! {
                <p class="ok" role="status">{t.account().password_changed}</p>
            })}
        </section>
    }
}
