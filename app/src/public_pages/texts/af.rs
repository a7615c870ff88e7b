//! Afrikaans.

use super::*;

pub static TEXTS: PageTexts = PageTexts {
    common: Common {
        not_found: "Nie gevind nie",
        no_such_site: "Daar is nie so 'n webwerf nie.",
        sorry: "Jammer",
        try_later: "Dit kan nie nou gedoen word nie. Probeer asseblief oor 'n paar minute weer.",
        your_data: "Jou data",
        email: "Jou e-posadres",
        check_inbox: "Kyk in jou inkassie",
        link_dead: "Hierdie skakel werk nie meer nie",
        link_used: |hours| format!("Dit is reeds gebruik of is ouer as {hours} uur."),
        own_page_only: "Hierdie vorm werk slegs vanaf die winkel se eie bladsy.",
        choose_what: "Kies asseblief wat jy wil hê.",
        done: "Klaar",
        newsletter: "nuus en aanbiedinge per e-pos",
        post: "pos",
        sms: "SMS'e",
        phone: "oproepe",
        profiling: "profilering van jou aankope en besoeke",
        access: "Sien en laai my data af",
        do_not_sell: "Moenie my data verkoop of deel nie",
        erase: "Vee my data uit",
    },
    me: MyPage {
        title: "Jou bladsy",
        heading: |site| format!("Jou bladsy by {site}"),
        intro: |site| {
            format!(
                "Sien jou lojaliteitskaart, die items wat jy gestoor het, jou besprekings en wat {site} oor jou hou. \
                 Ons stuur 'n aanmeldskakel na jou e-posadres: geen wagwoord nodig nie."
            )
        },
        send_link: "Stuur vir my 'n skakel",
        sent: |site, email, hours| {
            format!("As {site} {email} ken, is 'n aanmeldskakel op pad daarheen. Dit werk een keer, vir {hours} uur.")
        },
        open: "Maak my bladsy oop",
        ask_new: "Vra vir 'n nuwe een",
        refused: "Dit het nie gewerk nie",
        back: "Terug na jou bladsy",
        hello: |name| format!("Hallo {name}"),
        hello_nameless: "Hallo",
        card: "Jou lojaliteitskaart",
        no_card: "Jy het nog nie 'n kaart nie.",
        get_card: "Gee my 'n kaart",
        show_at_till: "Wys dit by die kasregister.",
        take_now: |rewards| format!("jy kan nou neem: {rewards}"),
        stamps: |n| counted(n, "stempel", "stempels"),
        points: |n| counted(n, "punt", "punte"),
        saved: "Jou gestoorde items",
        nothing_saved: "Nog niks gestoor nie.",
        remove: "Verwyder",
        remove_item: |item| format!("Verwyder {item}"),
        reservations: "Jou besprekings",
        no_reservations: "Geen besprekings nie.",
        waiting: "wag vir jou",
        collected: "afgehaal",
        cancelled: "gekanselleer",
        consents: "Waartoe jy ingestem het",
        nothing_asked: "Nog niks gevra nie.",
        yes: "ja",
        no: "nee",
        stop: "Stop",
        agree: "Stem in",
        details: "Jou besonderhede",
        details_intro: "Korrigeer dit hier; die winkel sien die verandering en dat jy dit gemaak het.",
        data: "Jou data",
        not_sold: "Jou data word nie verkoop of gedeel nie.",
        sign_out: "Meld af",
        no_such_consent: "Daar is nie so 'n toestemming nie.",
        no_wording: "Die winkel het nog geen bewoording vir hierdie toestemming nie, dus kan dit nie hier gegee word nie.",
        tick_to_join: "Merk asseblief die blokkie om aan te sluit.",
    },
    details: Details {
        first_name: "Voornaam",
        last_name: "Van",
        phone: "Telefoon",
        street: "Straat en nommer",
        postcode: "Poskode",
        city: "Dorp of stad",
        contact: "Hoe ons jou mag kontak",
        no_preference: "Geen voorkeur nie",
        by_email: "Per e-pos",
        by_phone: "Per telefoon",
        by_sms: "Per SMS",
        by_post: "Per pos",
        save: "Stoor my besonderhede",
        not_saved: "Niks is gestoor nie: korrigeer asseblief wat gemerk is.",
    },
    unsubscribe: Unsubscribe {
        title: "Teken uit",
        ask: |site, what| format!("Wil jy by {site} uitteken vir {what}?"),
        button: "Teken uit",
        done_title: "Jy is uitgeteken",
        done: |site, what| format!("Jy is by {site} uitgeteken vir {what}."),
        not_valid: "Hierdie skakel is nie geldig nie",
        whole_link: "Gebruik asseblief die hele skakel uit die e-pos.",
    },
    request: Request {
        heading: |site| format!("Jou data by {site}"),
        intro: |site| {
            format!(
                "Vra om te sien en te neem wat {site} oor jou hou, om die verkoop of deel daarvan te stop, of om \
                 dit uit te vee. Ons stuur 'n skakel na jou e-posadres; deur dit oop te maak wys jy dat die adres \
                 joune is."
            )
        },
        what: "Wat wil jy hê?",
        send: "Stuur vir my die skakel",
        sent: |site, email, hours| {
            format!(
                "As {site} data onder {email} hou, is 'n skakel op pad daarheen. Dit werk een keer, vir {hours} uur."
            )
        },
        mail_subject: |site| format!("Jou versoek aan {site}"),
        mail_body: |site, what, hours, link| {
            format!(
                "Jy het {site} gevra: “{what}”.\n\nMaak hierdie skakel oop om dit uit te voer (dit werk een keer, vir \
                 {hours} uur):\n{link}\n\nAs jy nie gevra het nie, ignoreer hierdie e-pos: niks gebeur sonder die \
                 skakel nie."
            )
        },
        access_intro: "Laai alles af wat ons oor jou hou: jou besonderhede, toestemmings, aankope, besprekings, \
                       gunstelinge, antwoorde en besoeke.",
        as_json: "Laai af (JSON)",
        as_csv: "Laai af (CSV, vir 'n sigblad)",
        do_not_sell_intro: "Ons sal jou data van nou af nie verkoop of deel nie.",
        erase_intro: "Dit vee jou en alles oor jou uit — aankope, antwoorde, gunstelinge, besoeke en toestemmings — \
                      vir altyd. Dit kan nie ongedaan gemaak word nie.",
        ask_again: "Vra weer",
        not_sold: "Jou data sal nie verkoop of gedeel word nie.",
        erased: "Jou data is uitgevee. Slegs 'n nota dat 'n uitvee plaasgevind het, word gehou.",
    },
};
