//! Finnish.

use super::*;

pub static TEXTS: Texts = Texts {
    lang: Lang::Fi,
    optional: "vapaaehtoinen",
    send: "Lähetä",
    sending: "Lähetetään…",
    loading: "Ladataan…",
    unavailable: "Tämä lomake ei ole juuri nyt käytettävissä.",
    try_again: "Jokin meni vikaan. Yritä uudelleen.",
    not_saved_now: "Emme voineet tallentaa tätä juuri nyt. Yritä uudelleen muutaman minuutin kuluttua.",
    fix_fields: "Korjaa merkityt kentät.",
    unknown_widget: "Tuntematon Patron-widget",
    thanks_answer: "Kiitos vastauksestasi!",
    save: "Tallenna",
};

pub static FORMS: FormTexts = FormTexts {
    required: "Täytä tämä kenttä.",
    too_long: "Tämä on liian pitkä.",
    too_short: "Tämä on liian lyhyt.",
    not_an_email: "Anna kelvollinen sähköpostiosoite, esimerkiksi nimi@esimerkki.fi.",
    not_a_phone: "Anna puhelinnumero numeroin, välilyönnein ja halutessasi +-merkillä alussa.",
    bad_characters: "Tässä on merkkejä, joita ei sallita.",
    out_of_range: "Valitse jokin annetuista arvoista.",
    unknown_option: "Valitse jokin annetuista vaihtoehdoista.",
    not_a_ranking: "Anna jokaiselle vaihtoehdolle täsmälleen yksi sija.",
    not_a_number: "Anna kokonaisluku.",
    not_an_amount: "Anna summa, esimerkiksi 12,50.",
    not_a_date: "Anna päivämäärä.",
    already_registered: "Tämä sarjanumero on jo rekisteröity.",
    must_agree: "Rastita tämä ruutu jatkaaksesi.",
    first_name: "Etunimi",
    last_name: "Sukunimi",
    email: "Sähköposti",
    phone: "Puhelin",
    privacy_policy: "Tietosuojaseloste",
    address: "Postiosoite",
    street: "Katuosoite",
    postcode: "Postinumero",
    city: "Postitoimipaikka",
    country: "Maa",
};

pub static SIGNUP: SignupTexts = SignupTexts {
    subscribe: "Tilaa",
    thanks_new: "Kiitos tilauksestasi!",
    thanks_no_consent: "Kiitos! Tietosi on tallennettu, mutta ilman rastia ruudussa emme lähetä sinulle uutisiamme.",
    thanks_confirm: "Melkein valmista: lähetimme sinulle sähköpostin. Vahvista tilauksesi avaamalla siinä oleva linkki.",
};

pub static SURVEYS: SurveyTexts = SurveyTexts {
    nps_question: "Kuinka todennäköisesti suosittelisit meitä ystävälle, perheenjäsenelle tai työtoverille?",
    nps_low: "Erittäin epätodennäköisesti",
    nps_high: "Erittäin todennäköisesti",
    nps_why: "Miksi?",
    reasons_question: "Miksi ostit meiltä tänään?",
    reasons_hint: "Laita tärkein syy ensimmäiseksi: vedä kohteita tai valitse kohde ja käytä nuolinäppäimiä.",
    move_up: "Siirrä ylös",
    move_down: "Siirrä alas",
    heard_question: "Mistä kuulit meistä?",
    heard_other: "Muu:",
    option: |code| {
        Some(match code {
            "convenience" => "Helppous",
            "low_price" => "Edullinen hinta",
            "best_quality" => "Paras laatu",
            "best_choice" => "Paras valikoima",
            "search_engine" => "Hakukoneesta",
            "friend" => "Ystävältä tai perheenjäseneltä",
            "social_media" => "Sosiaalisesta mediasta",
            "walked_by" => "Kävelin liikkeen ohi",
            "newspaper" => "Sanoma- tai aikakauslehdestä",
            _ => return None,
        })
    },
};

pub static FAVOURITES: FavouriteTexts = FavouriteTexts {
    saved: "Tallennettu",
    favourites_title: "Tallentamasi tuotteet",
    favourites_empty: "Ei vielä tallennettuja. Napauta tuotteen ♡ tallentaaksesi sen tänne.",
};

pub static RESERVATION: ReservationTexts = ReservationTexts {
    reserve: "Varaa",
    quantity: "Määrä",
    note: "Lisätieto",
    expected: "Odotetaan varastoon:",
    reserved: "Varattu! Ilmoitamme, kun tuote on valmiina sinulle.",
};

pub static WARRANTY: WarrantyTexts = WarrantyTexts {
    warranty_title: "Rekisteröi takuusi",
    product: "Tuote",
    find_product: "Etsi tuotteesi (nimi tai numero)",
    no_product_found: "Tuotetta ei löytynyt.",
    serial_number: "Sarjanumero",
    purchase_date: "Ostopäivä",
    register: "Rekisteröi",
    warranty_done: "Takuusi on rekisteröity. Säilytä kuitti sen kanssa.",
};

pub static LOYALTY: LoyaltyTexts = LoyaltyTexts {
    loyalty_title: "Liity kanta-asiakasohjelmaamme",
    loyalty_agree: "Haluan liittyä. Ostokseni täällä kirjataan leimojen ja pisteiden laskemista varten.",
    join: "Liity",
    loyalty_mailed: "Kiitos! Katso sähköpostisi: lähetimme sinulle linkin omalle sivullesi, jolla kanta-asiakaskorttisi on.",
};

pub static PROFILE: ProfileTexts = ProfileTexts {
    profile_intro: "Lyhyt kysymys, jotta voimme palvella sinua paremmin",
    profile_field: |code| match code {
        "birthday" => "Syntymäpäiväsi",
        "postcode" => "Postinumero",
        "household_size" => "Montako henkeä taloudessasi asuu?",
        "income_range" => "Talouden vuositulot",
        "occupation" => "Ammatti",
        "preferred_channel" => "Miten haluat meidän ottavan yhteyttä?",
        _ => "",
    },
    profile_choice: |code| match code {
        "under_20k" => "Alle 20 000",
        "20k_40k" => "20 000–40 000",
        "40k_70k" => "40 000–70 000",
        "70k_100k" => "70 000–100 000",
        "over_100k" => "Yli 100 000",
        "rather_not_say" => "En halua kertoa",
        "email" => "Sähköposti",
        "phone" => "Puhelu",
        "sms" => "Tekstiviesti",
        "post" => "Kirje",
        _ => "",
    },
};
