//! German.

use super::*;

pub static TEXTS: Texts = Texts {
    lang: Lang::De,
    optional: "optional",
    send: "Senden",
    sending: "Wird gesendet…",
    loading: "Wird geladen…",
    unavailable: "Dieses Formular ist gerade nicht verfügbar.",
    try_again: "Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.",
    not_saved_now: "Das konnten wir gerade nicht speichern. Bitte versuchen Sie es in ein paar Minuten erneut.",
    fix_fields: "Bitte korrigieren Sie die markierten Felder.",
    unknown_widget: "Unbekanntes Patron-Widget",
    thanks_answer: "Vielen Dank für Ihre Antwort!",
    save: "Merken",
};

pub static FORMS: FormTexts = FormTexts {
    required: "Bitte ausfüllen.",
    too_long: "Das ist zu lang.",
    too_short: "Das ist zu kurz.",
    not_an_email: "Bitte geben Sie eine gültige E-Mail-Adresse ein, z. B. name@beispiel.de.",
    not_a_phone: "Bitte geben Sie eine Telefonnummer aus Ziffern, Leerzeichen und optional einem + ein.",
    bad_characters: "Das enthält unzulässige Zeichen.",
    out_of_range: "Bitte wählen Sie einen der angebotenen Werte.",
    unknown_option: "Bitte wählen Sie eine der angebotenen Möglichkeiten.",
    not_a_ranking: "Bitte geben Sie jeder Möglichkeit genau einen Rang.",
    not_a_number: "Bitte geben Sie eine ganze Zahl ein.",
    not_an_amount: "Bitte geben Sie einen Betrag ein, etwa 12,50.",
    not_a_date: "Bitte geben Sie ein Datum ein.",
    already_registered: "Diese Seriennummer ist bereits registriert.",
    must_agree: "Bitte kreuzen Sie dieses Feld an, um fortzufahren.",
    first_name: "Vorname",
    last_name: "Nachname",
    email: "E-Mail",
    phone: "Telefon",
    privacy_policy: "Datenschutzerklärung",
    address: "Postanschrift",
    street: "Straße und Hausnummer",
    postcode: "Postleitzahl",
    city: "Ort",
    country: "Land",
};

pub static SIGNUP: SignupTexts = SignupTexts {
    subscribe: "Anmelden",
    thanks_new: "Vielen Dank für Ihre Anmeldung!",
    thanks_no_consent: "Danke! Wir haben Ihre Angaben, aber ohne Häkchen im Kästchen senden wir Ihnen keine Neuigkeiten.",
    thanks_confirm: "Fast geschafft: Wir haben Ihnen eine E-Mail geschickt. Öffnen Sie den Link darin, um Ihre Anmeldung zu bestätigen.",
};

pub static SURVEYS: SurveyTexts = SurveyTexts {
    nps_question: "Wie wahrscheinlich ist es, dass Sie uns einem Freund, Familienmitglied oder Kollegen empfehlen?",
    nps_low: "Sehr unwahrscheinlich",
    nps_high: "Sehr wahrscheinlich",
    nps_why: "Warum?",
    reasons_question: "Warum haben Sie heute bei uns gekauft?",
    reasons_hint: "Setzen Sie den wichtigsten Grund an die erste Stelle: Elemente ziehen, oder eines wählen und die Pfeiltasten nutzen.",
    move_up: "Nach oben",
    move_down: "Nach unten",
    heard_question: "Wie haben Sie von uns erfahren?",
    heard_other: "Anderes:",
    option: |code| {
        Some(match code {
            "convenience" => "Bequemlichkeit",
            "low_price" => "Niedriger Preis",
            "best_quality" => "Beste Qualität",
            "best_choice" => "Beste Auswahl",
            "search_engine" => "Über eine Suchmaschine",
            "friend" => "Von Freunden oder Familie",
            "social_media" => "Soziale Medien",
            "walked_by" => "Ich bin am Laden vorbeigekommen",
            "newspaper" => "Zeitung oder Zeitschrift",
            _ => return None,
        })
    },
};

pub static FAVOURITES: FavouriteTexts = FavouriteTexts {
    saved: "Gemerkt",
    favourites_title: "Ihre gemerkten Artikel",
    favourites_empty: "Noch nichts gemerkt. Tippen Sie bei einem Artikel auf ♡, um ihn hier zu behalten.",
};

pub static RESERVATION: ReservationTexts = ReservationTexts {
    reserve: "Reservieren",
    quantity: "Menge",
    note: "Anmerkung",
    expected: "Voraussichtlich vorrätig:",
    reserved: "Reserviert! Wir sagen Ihnen Bescheid, sobald es für Sie bereitliegt.",
};

pub static WARRANTY: WarrantyTexts = WarrantyTexts {
    warranty_title: "Registrieren Sie Ihre Garantie",
    product: "Produkt",
    find_product: "Finden Sie Ihr Produkt (Name oder Nummer)",
    no_product_found: "Kein Produkt gefunden.",
    serial_number: "Seriennummer",
    purchase_date: "Kaufdatum",
    register: "Registrieren",
    warranty_done: "Ihre Garantie ist registriert. Bewahren Sie den Kassenbon dazu auf.",
};

pub static LOYALTY: LoyaltyTexts = LoyaltyTexts {
    loyalty_title: "Werden Sie Mitglied in unserem Treueprogramm",
    loyalty_agree: "Ich möchte Mitglied werden. Meine Einkäufe hier werden erfasst, um meine Stempel und Punkte zu zählen.",
    join: "Mitglied werden",
    loyalty_mailed: "Danke! Schauen Sie in Ihr Postfach: Wir haben Ihnen einen Link zu Ihrer eigenen Seite geschickt, auf der Ihre Kundenkarte liegt.",
};

pub static PROFILE: ProfileTexts = ProfileTexts {
    profile_intro: "Eine kurze Frage, damit wir Sie besser bedienen können",
    profile_field: |code| match code {
        "birthday" => "Ihr Geburtstag",
        "postcode" => "Postleitzahl",
        "household_size" => "Wie viele Personen leben in Ihrem Haushalt?",
        "income_range" => "Jährliches Haushaltseinkommen",
        "occupation" => "Beruf",
        "preferred_channel" => "Wie sollen wir Sie am liebsten kontaktieren?",
        _ => "",
    },
    profile_choice: |code| match code {
        "under_20k" => "Unter 20.000",
        "20k_40k" => "20.000–40.000",
        "40k_70k" => "40.000–70.000",
        "70k_100k" => "70.000–100.000",
        "over_100k" => "Über 100.000",
        "rather_not_say" => "Möchte ich nicht sagen",
        "email" => "E-Mail",
        "phone" => "Anruf",
        "sms" => "SMS",
        "post" => "Post",
        _ => "",
    },
};
