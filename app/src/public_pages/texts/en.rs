//! English.

use super::*;

pub static TEXTS: PageTexts = PageTexts {
    common: Common {
        not_found: "Not found",
        no_such_site: "There is no such site.",
        sorry: "Sorry",
        try_later: "This cannot be done just now. Please try again in a few minutes.",
        your_data: "Your data",
        email: "Your email address",
        check_inbox: "Check your inbox",
        link_dead: "This link no longer works",
        link_used: |hours| format!("It was used already or is more than {hours} hours old."),
        own_page_only: "This form works from the shop's own page only.",
        choose_what: "Please choose what you would like.",
        done: "Done",
        newsletter: "news and offers by email",
        post: "mail by post",
        sms: "text messages",
        phone: "phone calls",
        profiling: "profiling of your purchases and visits",
        access: "See and download my data",
        do_not_sell: "Do not sell or share my data",
        erase: "Erase my data",
    },
    me: MyPage {
        title: "Your page",
        heading: |site| format!("Your page at {site}"),
        intro: |site| {
            format!(
                "See your loyalty card, the items you saved, your reservations and what {site} holds about you. \
                 We send a sign-in link to your email address: no password needed."
            )
        },
        send_link: "Send me a link",
        sent: |site, email, hours| {
            format!("If {site} knows {email}, a sign-in link is on its way there. It works once, for {hours} hours.")
        },
        open: "Open my page",
        ask_new: "Ask for a new one",
        refused: "That did not work",
        back: "Back to your page",
        hello: |name| format!("Hello {name}"),
        hello_nameless: "Hello",
        card: "Your loyalty card",
        no_card: "You have no card yet.",
        get_card: "Get my card",
        show_at_till: "Show it at the till.",
        take_now: |rewards| format!("you can take now: {rewards}"),
        stamps: |n| counted(n, "stamp", "stamps"),
        points: |n| counted(n, "point", "points"),
        saved: "Your saved items",
        nothing_saved: "Nothing saved yet.",
        remove: "Remove",
        remove_item: |item| format!("Remove {item}"),
        reservations: "Your reservations",
        no_reservations: "No reservations.",
        waiting: "waiting for you",
        collected: "collected",
        cancelled: "cancelled",
        consents: "What you agreed to",
        nothing_asked: "Nothing asked yet.",
        yes: "yes",
        no: "no",
        stop: "Stop",
        agree: "Agree",
        details: "Your details",
        details_intro: "Correct them here; the shop sees the change and that you made it.",
        data: "Your data",
        not_sold: "Your data is not sold or shared.",
        sign_out: "Sign out",
        no_such_consent: "There is no such consent.",
        no_wording: "The shop has no wording for this consent yet, so it cannot be given here.",
        tick_to_join: "Please tick the box to join.",
    },
    details: Details {
        first_name: "First name",
        last_name: "Last name",
        phone: "Phone",
        street: "Street and number",
        postcode: "Postcode",
        city: "Town or city",
        contact: "How we may contact you",
        no_preference: "No preference",
        by_email: "By email",
        by_phone: "By phone",
        by_sms: "By text message",
        by_post: "By post",
        save: "Save my details",
        not_saved: "Nothing was saved: please correct what is marked.",
    },
    unsubscribe: Unsubscribe {
        title: "Unsubscribe",
        ask: |site, what| format!("Stop {site} from contacting you with {what}?"),
        button: "Unsubscribe",
        done_title: "You are unsubscribed",
        done: |site, what| format!("{site} will not contact you with {what} any more."),
        not_valid: "This link is not valid",
        whole_link: "Please use the whole link from the mail.",
    },
    request: Request {
        heading: |site| format!("Your data at {site}"),
        intro: |site| {
            format!(
                "Ask to see and take what {site} holds about you, to stop its sale or sharing, or to erase it. We \
                 send a link to your email address; opening it shows the address is yours."
            )
        },
        what: "What would you like?",
        send: "Send me the link",
        sent: |site, email, hours| {
            format!("If {site} holds data under {email}, a link is on its way there. It works once, for {hours} hours.")
        },
        mail_subject: |site| format!("Your request to {site}"),
        mail_body: |site, what, hours, link| {
            format!(
                "You asked {site}: “{what}”.\n\nOpen this link to carry it out (it works once, for {hours} hours):\n\
                 {link}\n\nIf you did not ask, ignore this mail: nothing happens without the link."
            )
        },
        access_intro: "Download everything we hold about you: your details, consents, purchases, reservations, \
                       favourites, answers and visits.",
        as_json: "Download (JSON)",
        as_csv: "Download (CSV, for a spreadsheet)",
        do_not_sell_intro: "We will not sell or share your data from now on.",
        erase_intro: "This erases you and everything about you — purchases, answers, favourites, visits and consents \
                      — for good. It cannot be undone.",
        ask_again: "Ask again",
        not_sold: "Your data will not be sold or shared.",
        erased: "Your data has been erased. Only a note that an erasure happened is kept.",
    },
};
