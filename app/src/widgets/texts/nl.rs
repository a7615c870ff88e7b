//! Dutch.

use super::*;

pub static TEXTS: Texts = Texts {
    lang: Lang::Nl,
    optional: "optioneel",
    send: "Versturen",
    sending: "Bezig met versturen…",
    loading: "Laden…",
    unavailable: "Dit formulier is nu niet beschikbaar.",
    try_again: "Er ging iets mis. Probeer het opnieuw.",
    not_saved_now: "We konden dit nu niet opslaan. Probeer het over een paar minuten opnieuw.",
    fix_fields: "Verbeter de gemarkeerde velden.",
    unknown_widget: "Onbekende Patron-widget",
    thanks_answer: "Bedankt voor uw antwoord!",
    save: "Bewaren",
};

pub static FORMS: FormTexts = FormTexts {
    required: "Vul dit in.",
    too_long: "Dit is te lang.",
    too_short: "Dit is te kort.",
    not_an_email: "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.",
    not_a_phone: "Vul een telefoonnummer in met cijfers, spaties en eventueel een + vooraan.",
    bad_characters: "Dit bevat tekens die niet zijn toegestaan.",
    out_of_range: "Kies een van de gegeven waarden.",
    unknown_option: "Kies een van de gegeven opties.",
    not_a_ranking: "Geef elke optie precies één plaats.",
    not_a_number: "Vul een geheel getal in.",
    not_an_amount: "Vul een bedrag in, zoals 12,50.",
    not_a_date: "Vul een datum in.",
    already_registered: "Dit serienummer is al geregistreerd.",
    must_agree: "Vink dit vakje aan om verder te gaan.",
    first_name: "Voornaam",
    last_name: "Achternaam",
    email: "E-mail",
    phone: "Telefoon",
    privacy_policy: "Privacyverklaring",
    address: "Postadres",
    street: "Straat en huisnummer",
    postcode: "Postcode",
    city: "Plaats",
    country: "Land",
};

pub static SIGNUP: SignupTexts = SignupTexts {
    subscribe: "Aanmelden",
    thanks_new: "Bedankt voor uw aanmelding!",
    thanks_no_consent: "Dank u! We hebben uw gegevens, maar zonder vinkje in het vakje sturen we u geen nieuws.",
    thanks_confirm: "Bijna klaar: we hebben u een e-mail gestuurd. Open de link erin om uw aanmelding te bevestigen.",
};

pub static SURVEYS: SurveyTexts = SurveyTexts {
    nps_question: "Hoe waarschijnlijk is het dat u ons aanbeveelt aan een vriend, familielid of collega?",
    nps_low: "Zeer onwaarschijnlijk",
    nps_high: "Zeer waarschijnlijk",
    nps_why: "Waarom?",
    reasons_question: "Waarom heeft u vandaag bij ons gekocht?",
    reasons_hint: "Zet de belangrijkste reden bovenaan: sleep de items, of selecteer er een en gebruik de pijltjestoetsen.",
    move_up: "Omhoog",
    move_down: "Omlaag",
    heard_question: "Hoe heeft u over ons gehoord?",
    heard_other: "Anders:",
    option: |code| {
        Some(match code {
            "convenience" => "Gemak",
            "low_price" => "Lage prijs",
            "best_quality" => "Beste kwaliteit",
            "best_choice" => "Grootste keuze",
            "search_engine" => "Via een zoekmachine",
            "friend" => "Via een vriend of familielid",
            "social_media" => "Sociale media",
            "walked_by" => "Ik liep langs de winkel",
            "newspaper" => "Krant of tijdschrift",
            _ => return None,
        })
    },
};

pub static FAVOURITES: FavouriteTexts = FavouriteTexts {
    saved: "Bewaard",
    favourites_title: "Uw bewaarde artikelen",
    favourites_empty: "Nog niets bewaard. Tik op ♡ bij een artikel om het hier te bewaren.",
};

pub static RESERVATION: ReservationTexts = ReservationTexts {
    reserve: "Reserveren",
    quantity: "Aantal",
    note: "Opmerking",
    expected: "Verwacht op voorraad:",
    reserved: "Gereserveerd! We laten het u weten zodra het voor u klaarligt.",
};

pub static WARRANTY: WarrantyTexts = WarrantyTexts {
    warranty_title: "Registreer uw garantie",
    product: "Product",
    find_product: "Zoek uw product (naam of nummer)",
    no_product_found: "Geen product gevonden.",
    serial_number: "Serienummer",
    purchase_date: "Aankoopdatum",
    register: "Registreren",
    warranty_done: "Uw garantie is geregistreerd. Bewaar uw kassabon erbij.",
};

pub static LOYALTY: LoyaltyTexts = LoyaltyTexts {
    loyalty_title: "Word lid van ons spaarprogramma",
    loyalty_agree: "Ik wil lid worden. Mijn aankopen hier worden bijgehouden om mijn stempels en punten te tellen.",
    join: "Lid worden",
    loyalty_mailed: "Dank u! Kijk in uw inbox: we hebben u een link naar uw eigen pagina gestuurd, waar uw klantenkaart staat.",
};

pub static PROFILE: ProfileTexts = ProfileTexts {
    profile_intro: "Een korte vraag, zodat we u beter kunnen helpen",
    profile_field: |code| match code {
        "birthday" => "Uw verjaardag",
        "postcode" => "Postcode",
        "household_size" => "Hoeveel mensen wonen er in uw huishouden?",
        "income_range" => "Jaarinkomen van uw huishouden",
        "occupation" => "Beroep",
        "preferred_channel" => "Hoe wilt u door ons benaderd worden?",
        _ => "",
    },
    profile_choice: |code| match code {
        "under_20k" => "Minder dan 20.000",
        "20k_40k" => "20.000–40.000",
        "40k_70k" => "40.000–70.000",
        "70k_100k" => "70.000–100.000",
        "over_100k" => "Meer dan 100.000",
        "rather_not_say" => "Zeg ik liever niet",
        "email" => "E-mail",
        "phone" => "Telefoon",
        "sms" => "Sms",
        "post" => "Post",
        _ => "",
    },
};
