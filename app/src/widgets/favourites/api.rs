//! The favourites widgets' server functions.

use crate::error::AppError;
use crate::widgets::catalogue::ItemView;
use leptos::prelude::*;

/// The browser's saved SKUs and its visitor token (blank when anonymous). A struct with
/// defaults because an empty list is sent as no field at all.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct SavedQuery {
    pub skus: Vec<String>,
    pub visitor: String,
}

/// Details of the items this browser saved and, when its visitor token belongs to a
/// customer who identified here, of the items saved on their record too.
#[server(prefix = "/w", endpoint = "favourites", output = crate::widgets::wire::Answer)]
pub async fn saved_items(query: SavedQuery) -> Result<Vec<ItemView>, AppError> {
    crate::server_ctx::answer(
        async move {
            let SavedQuery { skus, visitor } = query;
            let caller = crate::widgets::caller::widget_caller(crate::domain::WidgetKind::Favourites).await?;
            let pool = crate::server_ctx::pool()?;
            let skus = crate::domain::Sku::parse_saved(&skus);
            let customer = crate::widgets::identity::customer_for_token(&pool, caller.site.id, &visitor).await?;
            Ok(crate::widgets::catalogue::db::saved(&pool, &caller.site, &skus, customer).await?)
        }
        .await,
    )
}

/// Saves (or un-saves) an item on the record of the customer who identified on this
/// browser. Anonymous visitors keep their favourites in the browser only: for them this
/// checks the item and stores nothing.
#[server(prefix = "/w", endpoint = "favourite", output = crate::widgets::wire::Answer)]
pub async fn set_favourite(sku: String, saved: bool, visitor: String) -> Result<(), AppError> {
    crate::server_ctx::answer(
        async move {
            use crate::domain::{Field, FieldErrors, Problem};
            let caller = crate::widgets::caller::widget_caller(crate::domain::WidgetKind::Favourites).await?;
            let pool = crate::server_ctx::pool()?;
            let Some((item_id, _)) = crate::widgets::catalogue::db::find_sent(&pool, &caller.site, &sku).await? else {
                return Err(FieldErrors::one(Field::Item, Problem::UnknownOption).into());
            };
            if let Some(customer) =
                crate::widgets::identity::customer_for_token(&pool, caller.site.id, &visitor).await?
            {
                crate::widgets::catalogue::db::set_favourite(&pool, customer, item_id, saved).await?;
            }
            Ok(())
        }
        .await,
    )
}
