//! Server functions of staff sign-in: first-run set-up, login, logout, who am I.

use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Where the admin stands for this browser.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum AuthState {
    /// No staff user exists: the first-run page creates the owner.
    NeedsSetup,
    SignedOut,
    SignedIn {
        email: String,
        role: crate::domain::Role,
        /// Every site, as (key, name), by name: the frame's site switcher.
        sites: Vec<(String, String)>,
        /// The key of the site this person works on (`staff::guard::site_for` of a blank key).
        site: String,
    },
}

#[server(prefix = "/api/admin", endpoint = "auth_state")]
pub async fn get_auth_state() -> Result<AuthState, AppError> {
    crate::server_ctx::answer(
        async move {
            let pool = crate::server_ctx::pool()?;
            if let Some(staff) = crate::staff::guard::current_staff().await? {
                let sites: Vec<(String, String)> =
                    sqlx::query_as("SELECT site_key, name FROM sites ORDER BY name, id").fetch_all(&pool).await?;
                let site = match crate::staff::guard::site_for(&pool, &staff, "").await {
                    Ok(id) => crate::sites::db::key_of(&pool, id).await?,
                    Err(_) => String::new(),
                };
                return Ok(AuthState::SignedIn { email: staff.email, role: staff.role, sites, site });
            }
            Ok(if super::db::staff_exists(&pool).await? { AuthState::SignedOut } else { AuthState::NeedsSetup })
        }
        .await,
    )
}

/// First run: creates the owner and signs them in. Refused once any staff user exists, and
/// without the set-up code Patron printed when it started (whoever reaches a fresh install
/// first must not become its owner).
#[server(prefix = "/api/admin", endpoint = "setup_owner")]
pub async fn setup_owner(email: String, password: String, #[server(default)] token: String) -> Result<(), AppError> {
    crate::server_ctx::answer(
        async move {
            use crate::domain::{Email, Field, FieldErrors, Password};

            let pool = crate::server_ctx::pool()?;
            if super::db::staff_exists(&pool).await? {
                return Err(AppError::AlreadySetUp);
            }
            let setup_hash = crate::tokens::hash(token.trim());
            if !super::db::setup_token_works(&pool, &setup_hash).await? {
                // Someone with the code may have been first since the check above, using
                // the code up: say that, not that the code is wrong.
                if super::db::staff_exists(&pool).await? {
                    return Err(AppError::AlreadySetUp);
                }
                tracing::warn!("first-run page used without a valid set-up code");
                return Err(AppError::SetupCode);
            }
            let mut errors = FieldErrors::new();
            let email = errors.check(Field::Email, Email::parse(&email));
            let password = errors.check(Field::Password, Password::parse(password));
            let (Some(email), Some(password)) = (email, password) else {
                return Err(errors.into());
            };
            let hash = super::passwords::hash(password)
                .await
                .map_err(|e| AppError::internal("hashing the owner's password", e))?;
            let id = super::db::create_first_owner(&pool, &email, &hash, &setup_hash)
                .await?
                .ok_or(AppError::AlreadySetUp)?;
            tracing::info!(staff_id = id.0, "owner account created on the first-run page");
            start_session(&pool, id).await?;
            leptos_axum::redirect("/admin/customers");
            Ok(())
        }
        .await,
    )
}

#[server(prefix = "/api/admin", endpoint = "login")]
pub async fn login(email: String, password: String) -> Result<(), AppError> {
    crate::server_ctx::answer(
        async move {
            if email.len() > crate::domain::Email::MAX_LEN || password.len() > crate::domain::Password::MAX_BYTES {
                return Err(AppError::WrongCredentials);
            }
            let pool = crate::server_ctx::pool()?;
            let normalised = email.trim().to_lowercase();
            let attempt = super::throttle::Attempt::new(&normalised, crate::server_ctx::client_ip());
            let now = crate::server_ctx::now();
            let headers = crate::server_ctx::request_parts()?.headers;
            let device = crate::tokens::token_cookie(&headers, crate::staff::session::DEVICE_COOKIE);
            let known_device = match &device {
                Some(token) => super::db::is_device_of(&pool, &crate::tokens::hash(token), &normalised).await?,
                None => false,
            };
            attempt.count(&pool, now, known_device).await?;
            let found = super::db::credentials(&pool, &normalised).await?;
            let id = found.as_ref().map(|(id, _)| *id);
            let ok = match super::passwords::verify(found.map(|(_, h)| h), password).await {
                Ok(ok) => ok,
                Err(super::passwords::HashError::Busy) => return Err(AppError::Busy),
                Err(e) => return Err(AppError::internal("verifying a password", e)),
            };
            match (ok, id) {
                (true, Some(id)) => {
                    attempt.succeeded(&pool).await?;
                    start_session(&pool, id).await?;
                    if !known_device {
                        remember_device(&pool, id).await?;
                    }
                    // The admin speaks their language on this browser too.
                    let lang = crate::admin::staff::language::language_of(&pool, id).await?;
                    crate::admin::staff::language::send_cookie(lang);
                    tracing::info!(staff_id = id.0, "staff signed in");
                    leptos_axum::redirect("/admin/customers");
                    Ok(())
                }
                _ => {
                    // The attempt stays counted.
                    tracing::info!("failed sign-in attempt");
                    Err(AppError::WrongCredentials)
                }
            }
        }
        .await,
    )
}

#[server(prefix = "/api/admin", endpoint = "logout")]
pub async fn logout() -> Result<(), AppError> {
    crate::server_ctx::answer(
        async move {
            use crate::staff::session;
            let parts = crate::server_ctx::request_parts()?;
            if let Some(token) = session::token_from(&parts.headers) {
                let pool = crate::server_ctx::pool()?;
                super::db::delete_session(&pool, &crate::tokens::hash(&token)).await?;
            }
            to_login_page();
            Ok(())
        }
        .await,
    )
}

/// Clears this browser's session cookie and sends it to the login page.
#[cfg(feature = "ssr")]
fn to_login_page() {
    use crate::staff::session;
    crate::server_ctx::set_response_header(axum::http::header::SET_COOKIE, session::clear_cookie(session::is_https()));
    leptos_axum::redirect("/admin/login");
}

/// Ends every session of the signed-in account, on every device (a lost phone, a shared
/// till left signed in), this one included.
#[server(prefix = "/api/admin", endpoint = "logout_everywhere")]
pub async fn logout_everywhere() -> Result<(), AppError> {
    crate::server_ctx::answer(
        async move {
            let staff = crate::staff::guard::require_staff(crate::domain::Role::Staff).await?;
            let pool = crate::server_ctx::pool()?;
            let ended = super::db::delete_sessions_of(&pool, staff.id).await?;
            tracing::info!(staff = staff.id.0, sessions = ended, "signed out everywhere");
            to_login_page();
            Ok(())
        }
        .await,
    )
}

/// Gives this browser a device cookie of the account (a year): its sign-ins are not refused
/// when strangers have used up the account's failures (see `throttle`).
#[cfg(feature = "ssr")]
async fn remember_device(pool: &crate::db::Db, staff: crate::domain::StaffId) -> Result<(), AppError> {
    use crate::staff::session;
    let token = crate::tokens::new_token().map_err(|e| AppError::internal("making a device token", e))?;
    super::db::add_device(pool, staff, &crate::tokens::hash(&token)).await?;
    let cookie =
        crate::tokens::token_set_cookie(session::DEVICE_COOKIE, "/", &token, 365 * 24 * 3600, session::is_https());
    crate::server_ctx::append_response_header(axum::http::header::SET_COOKIE, cookie);
    Ok(())
}

#[cfg(feature = "ssr")]
pub(crate) async fn start_session(pool: &crate::db::Db, staff: crate::domain::StaffId) -> Result<(), AppError> {
    use crate::staff::session;
    let token = crate::tokens::new_token().map_err(|e| AppError::internal("making a session token", e))?;
    super::db::create_session(pool, staff, &crate::tokens::hash(&token)).await?;
    crate::server_ctx::set_response_header(
        axum::http::header::SET_COOKIE,
        session::set_cookie(&token, session::is_https()),
    );
    Ok(())
}
