//! The reservation widget's server functions.

use super::form::ReservationForm;
use crate::error::AppError;
use crate::widgets::catalogue::ItemView;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What the reservation form needs: its item, and whether it asks for a postal address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReservationConfig {
    pub item: ItemView,
    pub address: crate::domain::AddressMode,
}

/// The item a reservation widget is for; refused when the site has no such active item.
#[server(prefix = "/w", endpoint = "item", output = crate::widgets::wire::Answer)]
pub async fn get_item(sku: String) -> Result<ReservationConfig, AppError> {
    crate::server_ctx::answer(
        async move {
            use crate::domain::{Field, FieldErrors, Problem};
            let caller = crate::widgets::caller::widget_caller(crate::domain::WidgetKind::Reservation).await?;
            let pool = crate::server_ctx::pool()?;
            let found = crate::widgets::catalogue::db::find_sent(&pool, &caller.site, &sku).await?;
            let (_, item) =
                found.ok_or_else(|| AppError::from(FieldErrors::one(Field::Item, Problem::UnknownOption)))?;
            Ok(ReservationConfig { item, address: caller.site.address_mode(crate::domain::WidgetKind::Reservation) })
        }
        .await,
    )
}

/// Stores a reservation for the customer with this email (created if new); answers the
/// token this browser keeps from now on.
#[server(prefix = "/w", endpoint = "reserve", output = crate::widgets::wire::Answer)]
pub async fn reserve(form: ReservationForm) -> Result<String, AppError> {
    crate::server_ctx::answer(
        async move {
            use super::form::ValidReservation;
            use crate::domain::{Field, FieldErrors, Problem};
            let caller = crate::widgets::caller::widget_caller(crate::domain::WidgetKind::Reservation).await?;
            let mode = caller.site.address_mode(crate::domain::WidgetKind::Reservation);
            let reservation = ValidReservation::parse(&form, mode)?;
            let pool = crate::server_ctx::pool()?;
            let Some((item_id, _)) = crate::widgets::catalogue::db::find(&pool, &caller.site, &reservation.sku).await?
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
