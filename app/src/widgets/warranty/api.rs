//! The warranty widget's server functions.

use super::form::WarrantyForm;
use crate::error::AppError;
use crate::widgets::catalogue::ItemView;
use leptos::prelude::*;

/// The products a warranty card can be for, when the page does not name one.
#[server(prefix = "/w", endpoint = "products")]
pub async fn list_products() -> Result<Vec<ItemView>, AppError> {
    crate::server_ctx::answer(
        async move {
            let caller = crate::widgets::caller::widget_caller(crate::domain::WidgetKind::Warranty).await?;
            let pool = crate::server_ctx::pool()?;
            Ok(crate::widgets::catalogue::db::all(&pool, caller.site.id).await?)
        }
        .await,
    )
}

/// Registers a product's warranty for the customer with this email (created if new);
/// answers the token this browser keeps from now on.
#[server(prefix = "/w", endpoint = "warranty")]
pub async fn register_warranty(form: WarrantyForm) -> Result<String, AppError> {
    crate::server_ctx::answer(
        async move {
            use super::db::Registered;
            use super::form::ValidWarranty;
            use crate::domain::{Field, FieldErrors, Problem};
            let caller = crate::widgets::caller::widget_caller(crate::domain::WidgetKind::Warranty).await?;
            let pool = crate::server_ctx::pool()?;
            let today = super::db::today(&pool).await?;
            let warranty = ValidWarranty::parse(&form, Some(&today))?;
            let Some((item_id, _)) = crate::widgets::catalogue::db::find(&pool, caller.site.id, &warranty.sku).await?
            else {
                return Err(FieldErrors::one(Field::Item, Problem::UnknownOption).into());
            };
            let page = crate::widgets::caller::page_on_origin(&form.page_url, &caller.origin);
            match super::db::insert(&pool, caller.site.id, item_id, &warranty, &page).await? {
                Registered::New(token) => {
                    tracing::info!(site = caller.site.key.as_str(), item_id, "warranty registered");
                    Ok(token)
                }
                Registered::Already => Err(FieldErrors::one(Field::Serial, Problem::AlreadyRegistered).into()),
            }
        }
        .await,
    )
}
