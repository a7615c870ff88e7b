//! Finnish. The shop's name stands alone (after a dash or a colon) where a sentence would
//! otherwise inflect it.

use super::*;

pub static TEXTS: PageTexts = PageTexts {
    common: Common {
        not_found: "Ei löytynyt",
        no_such_site: "Tällaista sivustoa ei ole.",
        sorry: "Valitettavasti",
        try_later: "Tämä ei onnistu juuri nyt. Yritä uudelleen muutaman minuutin kuluttua.",
        your_data: "Tietosi",
        email: "Sähköpostiosoitteesi",
        check_inbox: "Katso sähköpostisi",
        link_dead: "Tämä linkki ei enää toimi",
        link_used: |hours| format!("Se on jo käytetty tai yli {hours} tuntia vanha."),
        own_page_only: "Tämä lomake toimii vain kaupan omalta sivulta.",
        choose_what: "Valitse, mitä haluat.",
        done: "Valmis",
        newsletter: "uutiset ja tarjoukset sähköpostilla",
        post: "kirjeposti",
        sms: "tekstiviestit",
        phone: "puhelut",
        profiling: "ostostesi ja käyntiesi profilointi",
        access: "Näytä ja lataa tietoni",
        do_not_sell: "Älä myy tai jaa tietojani",
        erase: "Poista tietoni",
    },
    me: MyPage {
        title: "Oma sivusi",
        heading: |site| format!("Oma sivusi – {site}"),
        intro: |site| {
            format!(
                "Näe kanta-asiakaskorttisi, tallentamasi tuotteet, varauksesi ja mitä tietoja sinusta on ({site}). \
                 Lähetämme kirjautumislinkin sähköpostiisi: salasanaa ei tarvita."
            )
        },
        send_link: "Lähetä minulle linkki",
        sent: |site, email, hours| {
            format!(
                "Jos osoite {email} on tiedossa ({site}), kirjautumislinkki on matkalla sinne. Se toimii kerran, \
                 {hours} tunnin ajan."
            )
        },
        open: "Avaa oma sivuni",
        ask_new: "Pyydä uusi",
        refused: "Se ei onnistunut",
        back: "Takaisin omalle sivullesi",
        hello: |name| format!("Hei {name}"),
        hello_nameless: "Hei",
        card: "Kanta-asiakaskorttisi",
        no_card: "Sinulla ei ole vielä korttia.",
        get_card: "Haluan kortin",
        show_at_till: "Näytä se kassalla.",
        take_now: |rewards| format!("voit ottaa nyt: {rewards}"),
        stamps: |n| if n.abs() == 1 { format!("{n} leima") } else { format!("{n} leimaa") },
        points: |n| if n.abs() == 1 { format!("{n} piste") } else { format!("{n} pistettä") },
        saved: "Tallentamasi tuotteet",
        nothing_saved: "Ei vielä mitään tallennettuna.",
        remove: "Poista",
        remove_item: |item| format!("Poista: {item}"),
        reservations: "Varauksesi",
        no_reservations: "Ei varauksia.",
        waiting: "odottaa sinua",
        collected: "noudettu",
        cancelled: "peruttu",
        consents: "Mihin olet suostunut",
        nothing_asked: "Mitään ei ole vielä kysytty.",
        yes: "kyllä",
        no: "ei",
        stop: "Lopeta",
        agree: "Suostun",
        details: "Tietosi",
        details_intro: "Korjaa ne tässä; kauppa näkee muutoksen ja että teit sen itse.",
        data: "Tietosi",
        not_sold: "Tietojasi ei myydä eikä jaeta.",
        sign_out: "Kirjaudu ulos",
        no_such_consent: "Tällaista suostumusta ei ole.",
        no_wording: "Kaupalla ei ole vielä tekstiä tälle suostumukselle, joten sitä ei voi antaa tässä.",
        tick_to_join: "Rastita ruutu liittyäksesi.",
    },
    details: Details {
        first_name: "Etunimi",
        last_name: "Sukunimi",
        phone: "Puhelin",
        street: "Katuosoite",
        postcode: "Postinumero",
        city: "Postitoimipaikka",
        contact: "Miten saamme ottaa sinuun yhteyttä",
        no_preference: "Ei toivetta",
        by_email: "Sähköpostilla",
        by_phone: "Puhelimella",
        by_sms: "Tekstiviestillä",
        by_post: "Postitse",
        save: "Tallenna tietoni",
        not_saved: "Mitään ei tallennettu: korjaa merkityt kohdat.",
    },
    unsubscribe: Unsubscribe {
        title: "Peru tilaus",
        ask: |site, what| format!("Perutaanko {what}? ({site})"),
        button: "Peru tilaus",
        done_title: "Tilaus on peruttu",
        done: |site, what| format!("Et saa enää: {what} ({site})."),
        not_valid: "Tämä linkki ei kelpaa",
        whole_link: "Käytä koko linkkiä sähköpostista.",
    },
    request: Request {
        heading: |site| format!("Tietosi – {site}"),
        intro: |site| {
            format!(
                "Pyydä nähtäväksesi ja mukaasi tiedot, joita sinusta on ({site}), pyydä lopettamaan niiden myynti \
                 tai jakaminen tai poistamaan ne. Lähetämme linkin sähköpostiisi; sen avaaminen osoittaa, että \
                 osoite on sinun."
            )
        },
        what: "Mitä haluat?",
        send: "Lähetä minulle linkki",
        sent: |site, email, hours| {
            format!(
                "Jos osoitteella {email} on tietoja ({site}), linkki on matkalla sinne. Se toimii kerran, {hours} \
                 tunnin ajan."
            )
        },
        mail_subject: |site| format!("Pyyntösi – {site}"),
        mail_body: |site, what, hours, link| {
            format!(
                "Pyysit ({site}): ”{what}”.\n\nAvaa tämä linkki toteuttaaksesi sen (se toimii kerran, {hours} tunnin \
                 ajan):\n{link}\n\nJos et pyytänyt tätä, jätä viesti huomiotta: mitään ei tapahdu ilman linkkiä."
            )
        },
        access_intro: "Lataa kaikki, mitä sinusta on tallennettu: tietosi, suostumukset, ostokset, varaukset, \
                       suosikit, vastaukset ja käynnit.",
        as_json: "Lataa (JSON)",
        as_csv: "Lataa (CSV, taulukkoa varten)",
        do_not_sell_intro: "Emme tästä lähtien myy tai jaa tietojasi.",
        erase_intro: "Tämä poistaa sinut ja kaiken sinusta — ostokset, vastaukset, suosikit, käynnit ja \
                      suostumukset — lopullisesti. Sitä ei voi perua.",
        ask_again: "Pyydä uudelleen",
        not_sold: "Tietojasi ei myydä eikä jaeta.",
        erased: "Tietosi on poistettu. Vain merkintä poistosta säilytetään.",
    },
};
