//! The HTML of the customer's own page and its sign-in steps, in the visit's language.
//! Everything from the database, the request or the catalogue is escaped here.

use super::db::{LINK_HOURS, Mine};
use crate::loyalty::{Card, Kind, PrintableCard};
use crate::public_pages::html::{Visit, escape as e};
use crate::segment_rules::filter::consent_purpose;
use axum::http::StatusCode;
use axum::response::Response;

pub(super) fn page(status: StatusCode, v: &Visit, body: &str) -> Response {
    v.page(status, v.words().me.title, body)
}

/// The page's path, without the language: `/p/demo/me`.
pub(super) fn base(v: &Visit) -> String {
    format!("/p/{}/me", v.site.key.as_str())
}

/// An address of the page's in its language: `/p/demo/me/card?lang=nl`.
pub(super) fn at(v: &Visit, path: &str) -> String {
    format!("{}{path}{}", base(v), v.query())
}

/// The form asking for a sign-in link.
pub fn ask(status: StatusCode, v: &Visit, email: &str, error: Option<&str>) -> Response {
    let t = v.words();
    let error =
        error.map_or(String::new(), |m| format!("<p class=\"error\" id=\"email-error\" role=\"alert\">{}</p>", e(m)));
    let described = if error.is_empty() { "" } else { " aria-invalid=\"true\" aria-describedby=\"email-error\"" };
    let body = format!(
        "<h1>{heading}</h1><p>{intro}</p>\
         <form method=\"post\" action=\"{action}\"><label for=\"email\">{label}</label>\
         <input type=\"email\" id=\"email\" name=\"email\" autocomplete=\"email\" required value=\"{email}\"{described}>{error}\
         <button type=\"submit\">{send}</button></form>",
        heading = e(&(t.me.heading)(&v.site.name)),
        intro = e(&(t.me.intro)(&v.site.name)),
        action = at(v, ""),
        label = e(t.common.email),
        email = e(email),
        send = e(t.me.send_link),
    );
    page(status, v, &body)
}

pub fn asked(v: &Visit, email: &str) -> Response {
    let t = v.words();
    let body = format!(
        "<h1>{}</h1><p data-sent>{}</p>",
        e(t.common.check_inbox),
        e(&(t.me.sent)(&v.site.name, email, LINK_HOURS))
    );
    page(StatusCode::OK, v, &body)
}

pub fn open_link(v: &Visit) -> Response {
    let t = v.words();
    let body = format!(
        "<h1>{}</h1><form method=\"post\"><button type=\"submit\">{}</button></form>",
        e(&(t.me.heading)(&v.site.name)),
        e(t.me.open)
    );
    page(StatusCode::OK, v, &body)
}

pub fn dead_link(v: &Visit) -> Response {
    let t = v.words();
    let body = format!(
        "<h1>{}</h1><p data-dead>{} <a href=\"{}\">{}</a>.</p>",
        e(t.common.link_dead),
        e(&(t.common.link_used)(LINK_HOURS)),
        at(v, ""),
        e(t.me.ask_new)
    );
    page(StatusCode::GONE, v, &body)
}

pub fn refused(v: &Visit, message: &str) -> Response {
    let t = v.words();
    let body = format!(
        "<h1>{}</h1><p class=\"error\" role=\"alert\">{}</p><p><a href=\"{}\">{}</a></p>",
        e(t.me.refused),
        e(message),
        at(v, ""),
        e(t.me.back)
    );
    page(StatusCode::UNPROCESSABLE_ENTITY, v, &body)
}

fn card_section(v: &Visit, card: Option<&PrintableCard>, balances: &[Card]) -> String {
    let t = &v.words().me;
    let Some(card) = card else {
        if balances.is_empty() {
            return String::new();
        }
        return format!(
            "<section id=\"card\"><h2>{title}</h2><p>{none}</p>\
             <form method=\"post\" action=\"{action}\"><label class=\"check\"><input type=\"checkbox\" name=\"agree\" \
             value=\"yes\" required> {agree}</label><button type=\"submit\">{get}</button></form></section>",
            title = e(t.card),
            none = e(t.no_card),
            action = at(v, "/card"),
            agree = e(v.lang.loyalty().loyalty_agree),
            get = e(t.get_card),
        );
    };
    let programmes: String = balances
        .iter()
        .map(|c| {
            let now: Vec<String> = c.rewards.iter().map(|r| r.name.clone()).collect();
            let now = if now.is_empty() { String::new() } else { format!(" · {}", e(&(t.take_now)(&now.join(", ")))) };
            let balance = match c.kind {
                Kind::Stamps => (t.stamps)(c.balance),
                Kind::Points => (t.points)(c.balance),
            };
            format!(
                "<li data-programme=\"{}\" data-balance=\"{}\"><span><strong>{}</strong>: {}{now}</span></li>",
                c.programme_id,
                c.balance,
                e(&c.programme),
                e(&balance)
            )
        })
        .collect();
    // The SVG is drawn by the server from the card number alone: no outside text in it.
    format!(
        "<section id=\"card\"><h2>{title}</h2><div class=\"card\"><div class=\"qr\">{svg}</div><div>\
         <p>{site}</p><p class=\"number\" data-card=\"{code}\">{code}</p><p class=\"muted\">{till}</p></div></div>\
         <ul class=\"plain\">{programmes}</ul></section>",
        title = e(t.card),
        svg = card.svg,
        site = e(&card.site_name),
        code = e(&card.code),
        till = e(t.show_at_till),
    )
}

fn list_or(items: String, empty: &str) -> String {
    if items.is_empty() {
        format!("<p class=\"muted\">{}</p>", e(empty))
    } else {
        format!("<ul class=\"plain\">{items}</ul>")
    }
}

/// The signed-in page.
pub fn mine(v: &Visit, mine: &Mine, card: Option<&PrintableCard>, balances: &[Card], details: &str) -> Response {
    let t = v.words();
    let favourites: String = mine
        .favourites
        .iter()
        .map(|(id, name)| {
            format!(
                "<li data-favourite><span>{name}</span><form method=\"post\" action=\"{action}\">\
                 <input type=\"hidden\" name=\"item\" value=\"{id}\"><button class=\"quiet\" type=\"submit\" \
                 aria-label=\"{label}\">{remove}</button></form></li>",
                name = e(name),
                action = at(v, "/favourites"),
                label = e(&(t.me.remove_item)(name)),
                remove = e(t.me.remove),
            )
        })
        .collect();
    let reservations: String = mine
        .reservations
        .iter()
        .map(|(item, quantity, status, when)| {
            let status = match status.as_str() {
                "open" => t.me.waiting,
                "fulfilled" => t.me.collected,
                _ => t.me.cancelled,
            };
            format!(
                "<li data-reservation><span>{quantity} × {}</span><span class=\"muted\">{} · {}</span></li>",
                e(item),
                e(status),
                e(&v.day(when))
            )
        })
        .collect();
    let consents: String = mine
        .consents
        .iter()
        .filter_map(|(purpose, granted)| {
            let code = consent_purpose(purpose)?;
            let words = t.common.purpose(code)?;
            let (state, shown, button, value) =
                if *granted { ("yes", t.me.yes, t.me.stop, "0") } else { ("no", t.me.no, t.me.agree, "1") };
            Some(format!(
                "<li data-consent=\"{code}\" data-granted=\"{state}\"><span>{words}: <strong>{shown}</strong></span>\
                 <form method=\"post\" action=\"{action}\"><input type=\"hidden\" name=\"purpose\" value=\"{code}\">\
                 <input type=\"hidden\" name=\"granted\" value=\"{value}\"><button class=\"quiet\" type=\"submit\">{button}</button>\
                 </form></li>",
                words = e(words),
                shown = e(shown),
                action = at(v, "/consents"),
                button = e(button),
            ))
        })
        .collect();
    let do_not_sell =
        if mine.do_not_sell { format!("<p class=\"muted\">{}</p>", e(t.me.not_sold)) } else { String::new() };
    let hello = if mine.name.is_empty() { t.me.hello_nameless.to_owned() } else { (t.me.hello)(&mine.name) };
    let body = format!(
        "<h1>{hello}</h1><p class=\"muted\">{email}</p>\
         {card}\
         <section id=\"favourites\"><h2>{saved}</h2>{favourites}</section>\
         <section id=\"reservations\"><h2>{reserved}</h2>{reservations}</section>\
         <section id=\"consents\"><h2>{agreed}</h2>{consents}</section>\
         <section id=\"details\"><h2>{details_title}</h2><p class=\"muted\">{details_intro}</p>{details}</section>\
         <section id=\"data\"><h2>{data}</h2>{do_not_sell}<form method=\"post\" action=\"{rights}\">\
         <button type=\"submit\" name=\"kind\" value=\"access\">{access}</button>\
         <button type=\"submit\" name=\"kind\" value=\"do_not_sell\">{dns}</button>\
         <button type=\"submit\" name=\"kind\" value=\"erasure\" class=\"danger\">{erase}</button></form></section>\
         <form method=\"post\" action=\"{sign_out_at}\"><button class=\"quiet\" type=\"submit\">{sign_out}</button></form>",
        hello = e(&hello),
        email = e(&mine.email),
        card = card_section(v, card, balances),
        saved = e(t.me.saved),
        favourites = list_or(favourites, t.me.nothing_saved),
        reserved = e(t.me.reservations),
        reservations = list_or(reservations, t.me.no_reservations),
        agreed = e(t.me.consents),
        consents = list_or(consents, t.me.nothing_asked),
        details_title = e(t.me.details),
        details_intro = e(t.me.details_intro),
        data = e(t.me.data),
        rights = at(v, "/rights"),
        access = e(t.common.access),
        dns = e(t.common.do_not_sell),
        erase = e(t.common.erase),
        sign_out_at = at(v, "/sign-out"),
        sign_out = e(t.me.sign_out),
    );
    page(StatusCode::OK, v, &body)
}
