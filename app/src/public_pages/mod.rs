//! The pages Patron serves to a shop's customers, rendered on the server as plain HTML
//! forms that work without JavaScript on any phone: the privacy policy, the self-service
//! data requests, the double opt-in confirmation, one-click unsubscribe, and the customer's
//! own page. All of them are written with [`html::html_page`] and [`html::escape`].

pub mod html;
pub mod language;
pub mod my_page;
pub mod privacy_policy;
pub mod self_service;
pub mod signup_confirm;
pub mod texts;
pub mod unsubscribe;

use crate::db::Db;

/// What the pages need: the database, and the address links in mails start with.
#[derive(Clone)]
pub struct SelfService {
    pub pool: Db,
    /// Patron's public address: links in mails start with it, never with the request's Host.
    pub public: crate::server_ctx::PublicOrigin,
}

/// Every public page's route.
pub fn routes(state: SelfService) -> axum::Router {
    axum::Router::new()
        .merge(self_service::routes(state.clone()))
        .merge(unsubscribe::routes(state.clone()))
        .merge(my_page::routes(state.clone()))
        .merge(privacy_policy::routes(state.pool.clone()))
        .merge(signup_confirm::routes(state.pool))
}
