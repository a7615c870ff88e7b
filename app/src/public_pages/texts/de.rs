//! German.

use super::*;

pub static TEXTS: PageTexts = PageTexts {
    common: Common {
        not_found: "Nicht gefunden",
        no_such_site: "Diese Website gibt es nicht.",
        sorry: "Entschuldigung",
        try_later: "Das geht gerade nicht. Bitte versuchen Sie es in ein paar Minuten erneut.",
        your_data: "Ihre Daten",
        email: "Ihre E-Mail-Adresse",
        check_inbox: "Sehen Sie in Ihren Posteingang",
        link_dead: "Dieser Link funktioniert nicht mehr",
        link_used: |hours| format!("Er wurde schon benutzt oder ist älter als {hours} Stunden."),
        own_page_only: "Dieses Formular funktioniert nur von der eigenen Seite des Geschäfts aus.",
        choose_what: "Bitte wählen Sie, was Sie möchten.",
        done: "Erledigt",
        newsletter: "Neuigkeiten und Angebote per E-Mail",
        post: "Briefpost",
        sms: "SMS",
        phone: "Anrufe",
        profiling: "die Auswertung Ihrer Einkäufe und Besuche",
        access: "Meine Daten ansehen und herunterladen",
        do_not_sell: "Meine Daten nicht verkaufen oder weitergeben",
        erase: "Meine Daten löschen",
    },
    me: MyPage {
        title: "Ihre Seite",
        heading: |site| format!("Ihre Seite bei {site}"),
        intro: |site| {
            format!(
                "Sehen Sie Ihre Kundenkarte, die gemerkten Artikel, Ihre Reservierungen und was {site} über Sie \
                 speichert. Wir schicken einen Anmeldelink an Ihre E-Mail-Adresse: kein Passwort nötig."
            )
        },
        send_link: "Link zuschicken",
        sent: |site, email, hours| {
            format!(
                "Wenn {site} {email} kennt, ist ein Anmeldelink dorthin unterwegs. Er funktioniert einmal, \
                 {hours} Stunden lang."
            )
        },
        open: "Meine Seite öffnen",
        ask_new: "Einen neuen anfordern",
        refused: "Das hat nicht geklappt",
        back: "Zurück zu Ihrer Seite",
        hello: |name| format!("Hallo {name}"),
        hello_nameless: "Hallo",
        card: "Ihre Kundenkarte",
        no_card: "Sie haben noch keine Karte.",
        get_card: "Karte holen",
        show_at_till: "Zeigen Sie sie an der Kasse.",
        take_now: |rewards| format!("jetzt einlösbar: {rewards}"),
        stamps: |n| counted(n, "Stempel", "Stempel"),
        points: |n| counted(n, "Punkt", "Punkte"),
        saved: "Ihre gemerkten Artikel",
        nothing_saved: "Noch nichts gemerkt.",
        remove: "Entfernen",
        remove_item: |item| format!("{item} entfernen"),
        reservations: "Ihre Reservierungen",
        no_reservations: "Keine Reservierungen.",
        waiting: "liegt für Sie bereit",
        collected: "abgeholt",
        cancelled: "storniert",
        consents: "Ihre Einwilligungen",
        nothing_asked: "Noch nichts gefragt.",
        yes: "ja",
        no: "nein",
        stop: "Beenden",
        agree: "Einwilligen",
        details: "Ihre Angaben",
        details_intro: "Korrigieren Sie sie hier; das Geschäft sieht die Änderung und dass Sie sie gemacht haben.",
        data: "Ihre Daten",
        not_sold: "Ihre Daten werden nicht verkauft oder weitergegeben.",
        sign_out: "Abmelden",
        no_such_consent: "Diese Einwilligung gibt es nicht.",
        no_wording: "Das Geschäft hat für diese Einwilligung noch keinen Text, daher kann sie hier nicht erteilt werden.",
        tick_to_join: "Bitte setzen Sie das Häkchen, um mitzumachen.",
    },
    details: Details {
        first_name: "Vorname",
        last_name: "Nachname",
        phone: "Telefon",
        street: "Straße und Hausnummer",
        postcode: "Postleitzahl",
        city: "Ort",
        contact: "Wie wir Sie kontaktieren dürfen",
        no_preference: "Keine Vorliebe",
        by_email: "Per E-Mail",
        by_phone: "Per Telefon",
        by_sms: "Per SMS",
        by_post: "Per Post",
        save: "Meine Angaben speichern",
        not_saved: "Nichts wurde gespeichert: Bitte korrigieren Sie das Markierte.",
    },
    unsubscribe: Unsubscribe {
        title: "Abbestellen",
        ask: |site, what| format!("Möchten Sie {what} von {site} abbestellen?"),
        button: "Abbestellen",
        done_title: "Sie haben abbestellt",
        done: |site, what| format!("Sie haben {what} von {site} abbestellt."),
        not_valid: "Dieser Link ist nicht gültig",
        whole_link: "Bitte verwenden Sie den ganzen Link aus der E-Mail.",
    },
    request: Request {
        heading: |site| format!("Ihre Daten bei {site}"),
        intro: |site| {
            format!(
                "Bitten Sie darum, zu sehen und mitzunehmen, was {site} über Sie speichert, den Verkauf oder die \
                 Weitergabe zu beenden oder es zu löschen. Wir schicken einen Link an Ihre E-Mail-Adresse; wenn Sie \
                 ihn öffnen, zeigen Sie, dass die Adresse Ihnen gehört."
            )
        },
        what: "Was möchten Sie?",
        send: "Link zuschicken",
        sent: |site, email, hours| {
            format!(
                "Wenn {site} Daten unter {email} speichert, ist ein Link dorthin unterwegs. Er funktioniert einmal, \
                 {hours} Stunden lang."
            )
        },
        mail_subject: |site| format!("Ihre Anfrage an {site}"),
        mail_body: |site, what, hours, link| {
            format!(
                "Sie haben {site} gebeten: „{what}“.\n\nÖffnen Sie diesen Link, um es auszuführen (er funktioniert \
                 einmal, {hours} Stunden lang):\n{link}\n\nWenn Sie das nicht waren, ignorieren Sie diese E-Mail: ohne \
                 den Link geschieht nichts."
            )
        },
        access_intro: "Laden Sie alles herunter, was wir über Sie speichern: Ihre Angaben, Einwilligungen, Einkäufe, \
                       Reservierungen, Favoriten, Antworten und Besuche.",
        as_json: "Herunterladen (JSON)",
        as_csv: "Herunterladen (CSV, für eine Tabelle)",
        do_not_sell_intro: "Wir verkaufen Ihre Daten ab jetzt nicht und geben sie nicht weiter.",
        erase_intro: "Das löscht Sie und alles über Sie — Einkäufe, Antworten, Favoriten, Besuche und Einwilligungen \
                      — endgültig. Es kann nicht rückgängig gemacht werden.",
        ask_again: "Erneut anfragen",
        not_sold: "Ihre Daten werden nicht verkauft oder weitergegeben.",
        erased: "Ihre Daten wurden gelöscht. Nur ein Vermerk, dass gelöscht wurde, bleibt.",
    },
};
