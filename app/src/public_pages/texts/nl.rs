//! Dutch.

use super::*;

pub static TEXTS: PageTexts = PageTexts {
    common: Common {
        not_found: "Niet gevonden",
        no_such_site: "Deze site bestaat niet.",
        sorry: "Sorry",
        try_later: "Dit lukt op dit moment niet. Probeer het over een paar minuten opnieuw.",
        your_data: "Uw gegevens",
        email: "Uw e-mailadres",
        check_inbox: "Kijk in uw inbox",
        link_dead: "Deze link werkt niet meer",
        link_used: |hours| format!("Hij is al gebruikt of ouder dan {hours} uur."),
        own_page_only: "Dit formulier werkt alleen vanaf de eigen pagina van de winkel.",
        choose_what: "Kies wat u wilt.",
        done: "Klaar",
        newsletter: "nieuws en aanbiedingen per e-mail",
        post: "post",
        sms: "sms-berichten",
        phone: "telefoontjes",
        profiling: "profilering van uw aankopen en bezoeken",
        access: "Mijn gegevens bekijken en downloaden",
        do_not_sell: "Mijn gegevens niet verkopen of delen",
        erase: "Mijn gegevens wissen",
    },
    me: MyPage {
        title: "Uw pagina",
        heading: |site| format!("Uw pagina bij {site}"),
        intro: |site| {
            format!(
                "Bekijk uw klantenkaart, de artikelen die u bewaarde, uw reserveringen en wat {site} over u \
                 bewaart. We sturen een inloglink naar uw e-mailadres: u hebt geen wachtwoord nodig."
            )
        },
        send_link: "Stuur mij een link",
        sent: |site, email, hours| {
            format!(
                "Als {site} {email} kent, is er een inloglink naar dat adres onderweg. Hij werkt één keer, {hours} uur lang."
            )
        },
        open: "Mijn pagina openen",
        ask_new: "Vraag een nieuwe aan",
        refused: "Dat lukte niet",
        back: "Terug naar uw pagina",
        hello: |name| format!("Hallo {name}"),
        hello_nameless: "Hallo",
        card: "Uw klantenkaart",
        no_card: "U hebt nog geen kaart.",
        get_card: "Geef mij een kaart",
        show_at_till: "Laat hem zien bij de kassa.",
        take_now: |rewards| format!("u kunt nu nemen: {rewards}"),
        stamps: |n| counted(n, "stempel", "stempels"),
        points: |n| counted(n, "punt", "punten"),
        saved: "Uw bewaarde artikelen",
        nothing_saved: "Nog niets bewaard.",
        remove: "Verwijderen",
        remove_item: |item| format!("{item} verwijderen"),
        reservations: "Uw reserveringen",
        no_reservations: "Geen reserveringen.",
        waiting: "ligt voor u klaar",
        collected: "opgehaald",
        cancelled: "geannuleerd",
        consents: "Waar u mee instemde",
        nothing_asked: "Nog niets gevraagd.",
        yes: "ja",
        no: "nee",
        stop: "Stoppen",
        agree: "Instemmen",
        details: "Uw gegevens",
        details_intro: "Verbeter ze hier; de winkel ziet de wijziging en dat u die maakte.",
        data: "Uw gegevens",
        not_sold: "Uw gegevens worden niet verkocht of gedeeld.",
        sign_out: "Uitloggen",
        no_such_consent: "Deze toestemming bestaat niet.",
        no_wording: "De winkel heeft voor deze toestemming nog geen tekst, dus u kunt hem hier niet geven.",
        tick_to_join: "Vink het vakje aan om mee te doen.",
    },
    details: Details {
        first_name: "Voornaam",
        last_name: "Achternaam",
        phone: "Telefoon",
        street: "Straat en huisnummer",
        postcode: "Postcode",
        city: "Plaats",
        contact: "Hoe we contact met u mogen opnemen",
        no_preference: "Geen voorkeur",
        by_email: "Per e-mail",
        by_phone: "Per telefoon",
        by_sms: "Per sms",
        by_post: "Per post",
        save: "Mijn gegevens opslaan",
        not_saved: "Er is niets opgeslagen: verbeter wat gemarkeerd is.",
    },
    unsubscribe: Unsubscribe {
        title: "Afmelden",
        ask: |site, what| format!("Wilt u zich bij {site} afmelden voor {what}?"),
        button: "Afmelden",
        done_title: "U bent afgemeld",
        done: |site, what| format!("U bent bij {site} afgemeld voor {what}."),
        not_valid: "Deze link is niet geldig",
        whole_link: "Gebruik de hele link uit de e-mail.",
    },
    request: Request {
        heading: |site| format!("Uw gegevens bij {site}"),
        intro: |site| {
            format!(
                "Vraag om te zien en mee te nemen wat {site} over u bewaart, om de verkoop of het delen ervan te \
                 stoppen, of om het te wissen. We sturen een link naar uw e-mailadres; door hem te openen laat u \
                 zien dat het adres van u is."
            )
        },
        what: "Wat wilt u?",
        send: "Stuur mij de link",
        sent: |site, email, hours| {
            format!(
                "Als {site} gegevens onder {email} bewaart, is er een link naar dat adres onderweg. Hij werkt één keer, \
                 {hours} uur lang."
            )
        },
        mail_subject: |site| format!("Uw verzoek aan {site}"),
        mail_body: |site, what, hours, link| {
            format!(
                "U vroeg {site}: “{what}”.\n\nOpen deze link om het uit te voeren (hij werkt één keer, {hours} uur \
                 lang):\n{link}\n\nHebt u dit niet gevraagd? Negeer deze e-mail dan: zonder de link gebeurt er niets."
            )
        },
        access_intro: "Download alles wat we over u bewaren: uw gegevens, toestemmingen, aankopen, reserveringen, \
                       favorieten, antwoorden en bezoeken.",
        as_json: "Downloaden (JSON)",
        as_csv: "Downloaden (CSV, voor een spreadsheet)",
        do_not_sell_intro: "We verkopen of delen uw gegevens vanaf nu niet meer.",
        erase_intro: "Dit wist u en alles over u — aankopen, antwoorden, favorieten, bezoeken en toestemmingen — \
                      voorgoed. Het kan niet ongedaan worden gemaakt.",
        ask_again: "Vraag het opnieuw",
        not_sold: "Uw gegevens worden niet verkocht of gedeeld.",
        erased: "Uw gegevens zijn gewist. Alleen een notitie dat er gewist is, blijft bewaard.",
    },
};
