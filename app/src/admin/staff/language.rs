//! Each staff member's language of the admin: chosen on their account page, kept on their
//! account, handed to the browser as a cookie (`staff::texts::choice`), and to each new
//! browser they sign in on.

use crate::error::AppError;
use crate::staff::texts::{Lang, t};
use leptos::prelude::*;

/// The signed-in member's chosen language's code, or `None` for their browser's.
#[server(prefix = "/api/admin", endpoint = "my_language")]
pub async fn my_language() -> Result<Option<String>, AppError> {
    crate::server_ctx::answer(
        async move {
            let me = crate::staff::guard::require_staff(crate::domain::Role::Staff).await?;
            let pool = crate::server_ctx::pool()?;
            Ok(language_of(&pool, me.id).await?.map(|l| l.code().to_owned()))
        }
        .await,
    )
}

/// Keeps the signed-in member's language (`""`: their browser's) and sets this browser's
/// cookie to it. Only one of Patron's languages is taken.
#[server(prefix = "/api/admin", endpoint = "set_language")]
pub async fn set_language(lang: String) -> Result<(), AppError> {
    crate::server_ctx::answer(
        async move {
            use crate::domain::{Field, FieldErrors, Problem};
            let me = crate::staff::guard::require_staff(crate::domain::Role::Staff).await?;
            let chosen = match lang.as_str() {
                "" => None,
                code => Some(Lang::from_code(code).ok_or(FieldErrors::one(Field::Language, Problem::UnknownOption))?),
            };
            let pool = crate::server_ctx::pool()?;
            sqlx::query("UPDATE staff_users SET lang = $1 WHERE id = $2")
                .bind(chosen.map(Lang::code))
                .bind(me.id)
                .execute(&pool)
                .await?;
            send_cookie(chosen);
            Ok(())
        }
        .await,
    )
}

/// A member's chosen language, `None` for their browser's.
#[cfg(feature = "ssr")]
pub async fn language_of(pool: &crate::db::Db, staff: crate::domain::StaffId) -> Result<Option<Lang>, AppError> {
    let code: Option<String> = sqlx::query_scalar("SELECT lang FROM staff_users WHERE id = $1")
        .bind(staff)
        .fetch_optional(pool)
        .await?
        .flatten();
    Ok(code.as_deref().and_then(Lang::from_code))
}

/// Adds the language cookie to the response (`None` forgets it: the browser's language).
#[cfg(feature = "ssr")]
pub fn send_cookie(lang: Option<Lang>) {
    let cookie = crate::staff::texts::choice::set_cookie(lang, crate::staff::session::is_https());
    crate::server_ctx::append_response_header(axum::http::header::SET_COOKIE, cookie);
}

/// The account page's language choice: the browser's, or one of the seven. The page is
/// loaded again in the chosen language once it is kept.
#[component]
pub fn LanguageChoice() -> impl IntoView {
    let t = t();
    let current = Resource::new(|| (), |_| my_language());
    let choose = ServerAction::<SetLanguage>::new();
    Effect::new(move || {
        if let Some(Ok(())) = choose.value().get() {
            let _ = window().location().reload();
        }
    });
    let error = crate::staff::ui::action_error(choose);
    view! {
        <h2>{t.account().language}</h2>
        <p class="hint">{t.account().language_hint}</p>
        <Transition fallback=move || view! { <p>{t.common().loading}</p> }>
            {move || Suspend::new(async move {
                let chosen = match current.await {
                    Ok(c) => c.unwrap_or_default(),
                    Err(error) => return view! { <crate::staff::ui::ErrorLine error /> }.into_any(),
                };
                let options = std::iter::once(("", t.account().browser_language))
                    .chain(Lang::ALL.into_iter().map(|l| (l.code(), l.name())))
                    .map(|(code, name)| {
                        // The language's own name, marked as such for screen readers.
                        let lang = (!code.is_empty()).then_some(code);
                        view! { <option value=code lang=lang selected=chosen == code>{name}</option> }
                    })
                    .collect_view();
                view! {
                    <label class="language-choice">{t.account().language}
                        <select name="lang" on:change=move |ev| { choose.dispatch(SetLanguage { lang: event_target_value(&ev) }); }>
                            {options}
                        </select>
                    </label>
                }.into_any()
            })}
        </Transition>
        <crate::staff::form_error::FormError error field=crate::domain::Field::Language />
        <crate::staff::form_error::FormError error />
    }
}
