//! The site a staff member works on, chosen once in the admin's frame and remembered on
//! their account: pages that name no site show it (`staff::guard::site_for`).

use crate::error::AppError;
use leptos::prelude::*;

/// Remembers `site` as the one this staff member works on.
#[server(prefix = "/api/admin", endpoint = "choose_site")]
pub async fn choose_site(site: String) -> Result<(), AppError> {
    crate::server_ctx::answer(
        async move {
            let staff = crate::staff::guard::require_staff(crate::domain::Role::Staff).await?;
            let pool = crate::server_ctx::pool()?;
            let id = crate::staff::guard::site_named(&pool, &site).await?;
            sqlx::query("UPDATE staff_users SET site_id = $1 WHERE id = $2")
                .bind(id)
                .bind(staff.id)
                .execute(&pool)
                .await?;
            tracing::info!(staff = staff.id.0, site, "site chosen");
            Ok(())
        }
        .await,
    )
}
