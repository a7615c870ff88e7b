//! The reservation widget's server functions.

use super::form::ReservationForm;
use crate::error::AppError;
use crate::widgets::catalogue::ItemView;
use leptos::prelude::*;

/// The item a reservation widget is for; refused when the site has no such active item.
#[server(prefix = "/w", endpoint = "item")]
pub async fn get_item(sku: String) -> Result<ItemView, AppError> {
    crate::server_ctx::answer(
        async move {
            use crate::domain::{Field, FieldErrors, Problem};
            let caller = crate::widgets::caller::widget_caller(crate::domain::WidgetKind::Reservation).await?;
            let pool = crate::server_ctx::pool()?;
            let found = crate::widgets::catalogue::db::find_sent(&pool, caller.site.id, &sku).await?;
            found.map(|(_, item)| item).ok_or_else(|| FieldErrors::one(Field::Item, Problem::UnknownOption).into())
        }
        .await,
    )
}

/// Stores a reservation for the customer with this email (created if new); answers the
/// token this browser keeps from now on.
#[server(prefix = "/w", endpoint = "reserve")]
pub async fn reserve(form: ReservationForm) -> Result<String, AppError> {
    crate::server_ctx::answer(
        async move {
            use super::form::ValidReservation;
            use crate::domain::{Field, FieldErrors, Problem};
            let caller = crate::widgets::caller::widget_caller(crate::domain::WidgetKind::Reservation).await?;
            let reservation = ValidReservation::parse(&form)?;
            let pool = crate::server_ctx::pool()?;
            let Some((item_id, _)) =
                crate::widgets::catalogue::db::find(&pool, caller.site.id, &reservation.sku).await?
            else {
                return Err(FieldErrors::one(Field::Item, Problem::UnknownOption).into());
            };
            let page = crate::widgets::caller::page_on_origin(&form.page_url, &caller.origin);
            let token = super::db::insert(&pool, caller.site.id, item_id, reservation, page).await?;
            tracing::info!(site = caller.site.key.as_str(), item_id, "reservation stored");
            Ok(token)
        }
        .await,
    )
}
