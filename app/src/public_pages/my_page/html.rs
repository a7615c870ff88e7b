//! The HTML of the customer's own page and its sign-in steps. Everything from the database
//! or the request is escaped here.

use super::db::{LINK_HOURS, Mine};
use crate::domain::Email;
use crate::loyalty::{Card, Kind, PrintableCard};
use crate::public_pages::html::{escape as e, html_page};
use crate::sites::Site;
use axum::http::StatusCode;
use axum::response::Response;

pub(super) use crate::public_pages::unsubscribe::PURPOSES;

pub(super) fn page(status: StatusCode, site: &Site, body: &str) -> Response {
    html_page(status, &format!("Your page · {}", site.name), body)
}

fn base(site: &Site) -> String {
    format!("/p/{}/me", site.key.as_str())
}

/// The form asking for a sign-in link.
pub fn ask(status: StatusCode, site: &Site, email: &str, error: Option<&str>) -> Response {
    let error =
        error.map_or(String::new(), |m| format!("<p class=\"error\" id=\"email-error\" role=\"alert\">{}</p>", e(m)));
    let described = if error.is_empty() { "" } else { " aria-invalid=\"true\" aria-describedby=\"email-error\"" };
    let body = format!(
        "<h1>Your page at {name}</h1>\
         <p>See your loyalty card, the items you saved, your reservations and what {name} holds about you. \
         We send a sign-in link to your email address: no password needed.</p>\
         <form method=\"post\" action=\"{base}\"><label for=\"email\">Your email address</label>\
         <input type=\"email\" id=\"email\" name=\"email\" autocomplete=\"email\" required value=\"{email}\"{described}>{error}\
         <button type=\"submit\">Send me a link</button></form>",
        name = e(&site.name),
        base = base(site),
        email = e(email),
    );
    page(status, site, &body)
}

pub fn asked(site: &Site, email: &Email) -> Response {
    let body = format!(
        "<h1>Check your inbox</h1><p data-sent>If {name} knows <strong>{email}</strong>, a sign-in link is on its way \
         there. It works once, for {LINK_HOURS} hours.</p>",
        name = e(&site.name),
        email = e(email.as_str()),
    );
    page(StatusCode::OK, site, &body)
}

pub fn open_link(site: &Site) -> Response {
    let body = format!(
        "<h1>Your page at {}</h1><form method=\"post\"><button type=\"submit\">Open my page</button></form>",
        e(&site.name)
    );
    page(StatusCode::OK, site, &body)
}

pub fn dead_link(site: &Site) -> Response {
    let body = format!(
        "<h1>This link no longer works</h1><p data-dead>It was used already or is more than {LINK_HOURS} hours old. \
         <a href=\"{}\">Ask for a new one</a>.</p>",
        base(site)
    );
    page(StatusCode::GONE, site, &body)
}

pub fn refused(site: &Site, message: &str) -> Response {
    let body = format!(
        "<h1>That did not work</h1><p class=\"error\" role=\"alert\">{}</p><p><a href=\"{}\">Back to your page</a></p>",
        e(message),
        base(site)
    );
    page(StatusCode::UNPROCESSABLE_ENTITY, site, &body)
}

fn unit(kind: Kind, n: i64) -> String {
    match (kind, n) {
        (Kind::Stamps, 1) => "1 stamp".into(),
        (Kind::Stamps, n) => format!("{n} stamps"),
        (Kind::Points, 1) => "1 point".into(),
        (Kind::Points, n) => format!("{n} points"),
    }
}

fn card_section(site: &Site, card: Option<&PrintableCard>, balances: &[Card]) -> String {
    let Some(card) = card else {
        if balances.is_empty() {
            return String::new();
        }
        return format!(
            "<section id=\"card\"><h2>Your loyalty card</h2><p>You have no card yet.</p>\
             <form method=\"post\" action=\"{base}/card\"><label class=\"check\"><input type=\"checkbox\" name=\"agree\" \
             value=\"yes\" required> {agree}</label><button type=\"submit\">Get my card</button></form></section>",
            base = base(site),
            agree = e(crate::widgets::texts::Lang::from_tag(&site.default_language).texts().loyalty_agree),
        );
    };
    let programmes: String = balances
        .iter()
        .map(|c| {
            let now: Vec<String> = c.rewards.iter().map(|r| e(&r.name)).collect();
            let now = if now.is_empty() { String::new() } else { format!(" · you can take now: {}", now.join(", ")) };
            format!(
                "<li data-programme=\"{}\" data-balance=\"{}\"><span><strong>{}</strong>: {}{now}</span></li>",
                c.programme_id,
                c.balance,
                e(&c.programme),
                unit(c.kind, c.balance)
            )
        })
        .collect();
    // The SVG is drawn by the server from the card number alone: no outside text in it.
    format!(
        "<section id=\"card\"><h2>Your loyalty card</h2><div class=\"card\"><div class=\"qr\">{svg}</div><div>\
         <p>{site}</p><p class=\"number\" data-card=\"{code}\">{code}</p><p class=\"muted\">Show it at the till.</p></div></div>\
         <ul class=\"plain\">{programmes}</ul></section>",
        svg = card.svg,
        site = e(&card.site_name),
        code = e(&card.code),
    )
}

fn list_or(items: String, empty: &str) -> String {
    if items.is_empty() {
        format!("<p class=\"muted\">{empty}</p>")
    } else {
        format!("<ul class=\"plain\">{items}</ul>")
    }
}

/// The signed-in page.
pub fn mine(site: &Site, mine: &Mine, card: Option<&PrintableCard>, balances: &[Card], details: &str) -> Response {
    let base = base(site);
    let favourites: String = mine
        .favourites
        .iter()
        .map(|(id, name)| {
            format!(
                "<li data-favourite><span>{}</span><form method=\"post\" action=\"{base}/favourites\">\
                 <input type=\"hidden\" name=\"item\" value=\"{id}\"><button class=\"quiet\" type=\"submit\" \
                 aria-label=\"Remove {name}\">Remove</button></form></li>",
                e(name),
                name = e(name),
            )
        })
        .collect();
    let reservations: String = mine
        .reservations
        .iter()
        .map(|(item, quantity, status, at)| {
            format!(
                "<li data-reservation><span>{quantity} × {}</span><span class=\"muted\">{} · {}</span></li>",
                e(item),
                e(status),
                e(at.get(..10).unwrap_or(at))
            )
        })
        .collect();
    let consents: String = mine
        .consents
        .iter()
        .filter_map(|(purpose, granted)| {
            let (_, words) = PURPOSES.iter().find(|(p, _)| p == purpose)?;
            let (state, button, value) = if *granted { ("yes", "Stop", "0") } else { ("no", "Agree", "1") };
            Some(format!(
                "<li data-consent=\"{purpose}\" data-granted=\"{state}\"><span>{words}: <strong>{state}</strong></span>\
                 <form method=\"post\" action=\"{base}/consents\"><input type=\"hidden\" name=\"purpose\" value=\"{purpose}\">\
                 <input type=\"hidden\" name=\"granted\" value=\"{value}\"><button class=\"quiet\" type=\"submit\">{button}</button>\
                 </form></li>"
            ))
        })
        .collect();
    let do_not_sell = if mine.do_not_sell { "<p class=\"muted\">Your data is not sold or shared.</p>" } else { "" };
    let body = format!(
        "<h1>Hello {name}</h1><p class=\"muted\">{email}</p>\
         {card}\
         <section id=\"favourites\"><h2>Your saved items</h2>{favourites}</section>\
         <section id=\"reservations\"><h2>Your reservations</h2>{reservations}</section>\
         <section id=\"consents\"><h2>What you agreed to</h2>{consents}</section>\
         <section id=\"details\"><h2>Your details</h2><p class=\"muted\">Correct them here; the shop sees the change \
         and that you made it.</p>{details}</section>\
         <section id=\"data\"><h2>Your data</h2>{do_not_sell}<form method=\"post\" action=\"{base}/rights\">\
         <button type=\"submit\" name=\"kind\" value=\"access\">Download my data</button>\
         <button type=\"submit\" name=\"kind\" value=\"do_not_sell\">Do not sell or share my data</button>\
         <button type=\"submit\" name=\"kind\" value=\"erasure\" class=\"danger\">Erase my data</button></form></section>\
         <form method=\"post\" action=\"{base}/sign-out\"><button class=\"quiet\" type=\"submit\">Sign out</button></form>",
        name = e(if mine.name.is_empty() { "there" } else { &mine.name }),
        email = e(&mine.email),
        card = card_section(site, card, balances),
        favourites = list_or(favourites, "Nothing saved yet."),
        reservations = list_or(reservations, "No reservations."),
        consents = list_or(consents, "Nothing asked yet."),
    );
    page(StatusCode::OK, site, &body)
}
