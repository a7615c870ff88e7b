//! The staff's pages and settings sections of the services that live outside the admin
//! (mail, webhooks, automation, loyalty): the services are `crate::mail` and so on; what staff
//! see of them is here.

pub mod automation;
pub mod loyalty_card;
pub mod loyalty_report;
pub mod loyalty_settings;
pub mod mail;
pub mod webhooks;
