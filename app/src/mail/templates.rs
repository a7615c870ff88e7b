//! The wording of the mails Patron writes, and of the page their link opens: Patron's own in
//! every language it ships, which a site may replace with its own per language.
//! Placeholders (`{site}`, `{name}`, `{link}`...) are filled in when a mail is written.

use crate::domain::Problem;
use crate::widgets::texts::Lang;
use serde::{Deserialize, Serialize};

/// A mail a site can word its own way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MailKind {
    /// Double opt-in: the link that confirms a newsletter signup.
    ConfirmNewsletter,
    /// Automation: a dormant customer is offered a discount code to come back.
    WinBack,
    /// Automation: a customer who gave NPS 0–6 is asked what went wrong.
    NpsFollowUp,
    /// Automation: an item the customer reserved has arrived.
    ItemArrived,
    /// The one-time link to the customer's own page (their card, favourites, data).
    MyPageLink,
}

impl MailKind {
    pub const ALL: [MailKind; 5] = [
        MailKind::ConfirmNewsletter,
        MailKind::WinBack,
        MailKind::NpsFollowUp,
        MailKind::ItemArrived,
        MailKind::MyPageLink,
    ];

    pub fn code(self) -> &'static str {
        match self {
            MailKind::ConfirmNewsletter => "confirm_newsletter",
            MailKind::WinBack => "win_back",
            MailKind::NpsFollowUp => "nps_follow_up",
            MailKind::ItemArrived => "item_arrived",
            MailKind::MyPageLink => "my_page_link",
        }
    }

    pub fn parse(code: &str) -> Option<MailKind> {
        MailKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The placeholders its body cannot do without, with the problem of a wording that
    /// leaves one out: the confirmation's link, the offer's code and its way out.
    pub fn required(self) -> &'static [(&'static str, Problem)] {
        match self {
            MailKind::ConfirmNewsletter | MailKind::MyPageLink => &[("{link}", Problem::NeedsLink)],
            MailKind::WinBack => &[("{code}", Problem::NeedsCode), ("{unsubscribe}", Problem::NeedsUnsubscribe)],
            MailKind::NpsFollowUp | MailKind::ItemArrived => &[],
        }
    }

    /// The placeholders its wording may use.
    pub fn placeholders(self) -> &'static str {
        match self {
            MailKind::ConfirmNewsletter | MailKind::MyPageLink => "{site} {name} {link} {hours}",
            MailKind::WinBack => "{site} {name} {code} {unsubscribe}",
            MailKind::NpsFollowUp => "{site} {name} {score}",
            MailKind::ItemArrived => "{site} {name} {item}",
        }
    }
}

/// A mail's subject and body, placeholders not yet filled in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Wording {
    pub subject: String,
    pub body: String,
}

/// The longest subject and body a site may save.
pub const SUBJECT_MAX: usize = 200;
pub const BODY_MAX: usize = 5_000;

/// Patron's own wording of a mail in a language.
pub fn default_wording(kind: MailKind, lang: Lang) -> Wording {
    let (subject, body) = match kind {
        MailKind::ConfirmNewsletter => confirm_newsletter(lang),
        MailKind::WinBack => super::automation_wordings::win_back(lang),
        MailKind::NpsFollowUp => super::automation_wordings::nps_follow_up(lang),
        MailKind::ItemArrived => super::automation_wordings::item_arrived(lang),
        MailKind::MyPageLink => super::my_page_wordings::my_page_link(lang),
    };
    Wording { subject: subject.to_owned(), body: body.to_owned() }
}

fn confirm_newsletter(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::En => (
            "Please confirm your subscription to {site}",
            "Hello {name},\n\nyou (or someone with your address) asked to receive news and offers from {site} by email.\n\
             Open this link to confirm (it works for {hours} hours):\n{link}\n\n\
             If it was not you, ignore this mail: without the link nothing is stored.",
        ),
        Lang::Nl => (
            "Bevestig uw aanmelding bij {site}",
            "Hallo {name},\n\nu (of iemand met uw adres) wilde nieuws en aanbiedingen van {site} per e-mail ontvangen.\n\
             Open deze link om te bevestigen (hij werkt {hours} uur):\n{link}\n\n\
             Was u het niet? Negeer dan deze e-mail: zonder de link wordt niets bewaard.",
        ),
        Lang::Af => (
            "Bevestig asseblief jou intekening by {site}",
            "Hallo {name},\n\njy (of iemand met jou adres) het gevra om nuus en aanbiedinge van {site} per e-pos te ontvang.\n\
             Maak hierdie skakel oop om te bevestig (dit werk vir {hours} uur):\n{link}\n\n\
             As dit nie jy was nie, ignoreer hierdie e-pos: sonder die skakel word niks gestoor nie.",
        ),
        Lang::Pt => (
            "Confirme a sua inscrição em {site}",
            "Olá {name},\n\nvocê (ou alguém com o seu endereço) pediu para receber novidades e ofertas de {site} por e-mail.\n\
             Abra este link para confirmar (funciona durante {hours} horas):\n{link}\n\n\
             Se não foi você, ignore este e-mail: sem o link nada é guardado.",
        ),
        Lang::Ru => (
            "Подтвердите подписку на {site}",
            "Здравствуйте, {name}!\n\nВы (или кто-то с вашим адресом) попросили присылать новости и предложения {site} по электронной почте.\n\
             Откройте ссылку, чтобы подтвердить (она действует {hours} ч.):\n{link}\n\n\
             Если это были не вы, просто проигнорируйте письмо: без ссылки ничего не сохраняется.",
        ),
        Lang::Fi => (
            "Vahvista tilauksesi: {site}",
            "Hei {name},\n\nsinä (tai joku osoitteellasi) pyysi saada uutisia ja tarjouksia yritykseltä {site} sähköpostilla.\n\
             Vahvista avaamalla tämä linkki (se toimii {hours} tuntia):\n{link}\n\n\
             Jos se et ollut sinä, jätä tämä viesti huomiotta: ilman linkkiä mitään ei tallenneta.",
        ),
        Lang::De => (
            "Bitte bestätigen Sie Ihre Anmeldung bei {site}",
            "Hallo {name},\n\nSie (oder jemand mit Ihrer Adresse) möchten Neuigkeiten und Angebote von {site} per E-Mail erhalten.\n\
             Öffnen Sie diesen Link, um zu bestätigen (er gilt {hours} Stunden):\n{link}\n\n\
             Waren Sie das nicht, ignorieren Sie diese E-Mail: ohne den Link wird nichts gespeichert.",
        ),
    }
}

/// Fills the placeholders in, in one pass, so a value holding `{link}` stays as it is. Mails
/// are plain text, and mail programs turn whatever looks like an address into a link: a name
/// someone typed (`{name}`) that looks like one (`evil.example`, `http://…`, `a@b`) is left
/// out rather than handed to the customer as a link in the shop's own mail.
pub fn fill(text: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let found = after.find('}').and_then(|end| {
            let key = &after[..end];
            values.iter().find(|(k, _)| *k == key).map(|(k, v)| (*k, *v, end))
        });
        match found {
            Some((key, value, end)) => {
                out.push_str(if key == "name" && looks_like_a_link(value) { "" } else { value });
                rest = &after[end + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Whether a mail program could make a link of `text`: a scheme, a path, an address, or a
/// dot followed by a letter or digit (`evil.example`; "J. R." is a name).
fn looks_like_a_link(text: &str) -> bool {
    text.contains([':', '/', '@', '\\'])
        || text.to_lowercase().contains("www")
        || text.split('.').skip(1).any(|after_dot| after_dot.starts_with(|c: char| c.is_alphanumeric()))
}

/// The words of the page a confirmation link opens, in the visitor's language.
pub struct ConfirmPage {
    pub title: &'static str,
    pub question: &'static str,
    pub button: &'static str,
    pub done: &'static str,
    pub expired: &'static str,
    pub invalid: &'static str,
}

pub fn confirm_page(lang: Lang) -> ConfirmPage {
    match lang {
        Lang::En => ConfirmPage {
            title: "Confirm your subscription",
            question: "Receive news and offers from {site} by email?",
            button: "Yes, subscribe me",
            done: "Thank you: you are subscribed to {site}.",
            expired: "This link has expired. Please sign up again.",
            invalid: "This link is not valid or was used already.",
        },
        Lang::Nl => ConfirmPage {
            title: "Bevestig uw aanmelding",
            question: "Nieuws en aanbiedingen van {site} per e-mail ontvangen?",
            button: "Ja, meld mij aan",
            done: "Bedankt: u bent aangemeld bij {site}.",
            expired: "Deze link is verlopen. Meld u opnieuw aan.",
            invalid: "Deze link is ongeldig of al gebruikt.",
        },
        Lang::Af => ConfirmPage {
            title: "Bevestig jou intekening",
            question: "Nuus en aanbiedinge van {site} per e-pos ontvang?",
            button: "Ja, teken my in",
            done: "Dankie: jy is ingeteken by {site}.",
            expired: "Hierdie skakel het verval. Teken asseblief weer in.",
            invalid: "Hierdie skakel is ongeldig of is reeds gebruik.",
        },
        Lang::Pt => ConfirmPage {
            title: "Confirme a sua inscrição",
            question: "Receber novidades e ofertas de {site} por e-mail?",
            button: "Sim, inscreva-me",
            done: "Obrigado: está inscrito em {site}.",
            expired: "Este link expirou. Inscreva-se de novo.",
            invalid: "Este link não é válido ou já foi usado.",
        },
        Lang::Ru => ConfirmPage {
            title: "Подтвердите подписку",
            question: "Получать новости и предложения {site} по электронной почте?",
            button: "Да, подписаться",
            done: "Спасибо: вы подписаны на {site}.",
            expired: "Срок действия ссылки истёк. Подпишитесь ещё раз.",
            invalid: "Ссылка недействительна или уже использована.",
        },
        Lang::Fi => ConfirmPage {
            title: "Vahvista tilauksesi",
            question: "Haluatko uutisia ja tarjouksia yritykseltä {site} sähköpostilla?",
            button: "Kyllä, tilaan",
            done: "Kiitos: olet tilannut uutiset yritykseltä {site}.",
            expired: "Linkki on vanhentunut. Tilaa uudelleen.",
            invalid: "Linkki ei kelpaa tai se on jo käytetty.",
        },
        Lang::De => ConfirmPage {
            title: "Bestätigen Sie Ihre Anmeldung",
            question: "Neuigkeiten und Angebote von {site} per E-Mail erhalten?",
            button: "Ja, anmelden",
            done: "Vielen Dank: Sie sind bei {site} angemeldet.",
            expired: "Dieser Link ist abgelaufen. Bitte melden Sie sich erneut an.",
            invalid: "Dieser Link ist ungültig oder wurde schon benutzt.",
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_typed_name_that_looks_like_a_link_is_left_out_and_nothing_is_filled_twice() {
        let text = "Hello {name}, confirm: {link}";
        for bad in ["evil.example", "http://evil.example/x", "www evil", "mia@evil.example", "a/b"] {
            assert_eq!(fill(text, &[("name", bad), ("link", "L")]), "Hello , confirm: L", "{bad}");
        }
        for good in ["Zoë", "J. R.", "O'Brien", "Jean-Luc"] {
            assert_eq!(fill(text, &[("name", good), ("link", "L")]), format!("Hello {good}, confirm: L"));
        }
        assert_eq!(fill(text, &[("name", "{link}"), ("link", "L")]), "Hello {link}, confirm: L");
        assert_eq!(fill("{unknown} {", &[]), "{unknown} {");
    }

    #[test]
    fn every_language_has_every_placeholder_the_mail_needs() {
        for lang in Lang::ALL {
            let w = default_wording(MailKind::ConfirmNewsletter, lang);
            for p in ["{site}", "{link}", "{hours}"] {
                assert!(w.body.contains(p) || w.subject.contains(p), "{} lacks {p}", lang.code());
            }
            assert!(w.body.contains("{link}"), "{}: the link must be in the body", lang.code());
        }
    }

    #[test]
    fn every_wording_keeps_the_placeholders_its_kind_requires() {
        for kind in MailKind::ALL {
            for lang in Lang::ALL {
                let w = default_wording(kind, lang);
                for (p, _) in kind.required() {
                    assert!(w.body.contains(p), "{} in {} lacks {p}", kind.code(), lang.code());
                }
                for p in ["{site}", "{name}"] {
                    assert!(
                        w.body.contains(p) || w.subject.contains(p),
                        "{} in {} lacks {p}",
                        kind.code(),
                        lang.code()
                    );
                }
            }
        }
    }

    #[test]
    fn filling_replaces_every_occurrence_and_leaves_unknown_braces() {
        let text = fill("{site}! {site} {other}", &[("site", "Bakery")]);
        assert_eq!(text, "Bakery! Bakery {other}");
    }
}
