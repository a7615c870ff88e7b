//! Afrikaans.

use super::*;

pub static TEXTS: Texts = Texts {
    lang: Lang::Af,
    optional: "opsioneel",
    send: "Stuur",
    sending: "Besig om te stuur…",
    loading: "Laai…",
    unavailable: "Hierdie vorm is nie nou beskikbaar nie.",
    try_again: "Iets het skeefgeloop. Probeer asseblief weer.",
    not_saved_now: "Ons kon dit nou nie stoor nie. Probeer asseblief oor 'n paar minute weer.",
    fix_fields: "Korrigeer asseblief die gemerkte velde.",
    unknown_widget: "Onbekende Patron-legstuk",
    thanks_answer: "Dankie vir jou antwoord!",
    save: "Stoor",
};

pub static FORMS: FormTexts = FormTexts {
    required: "Vul dit asseblief in.",
    too_long: "Dit is te lank.",
    too_short: "Dit is te kort.",
    not_an_email: "Voer asseblief 'n geldige e-posadres in, soos naam@voorbeeld.co.za.",
    not_a_phone: "Voer asseblief 'n telefoonnommer in met syfers, spasies en 'n opsionele + voor.",
    bad_characters: "Dit bevat karakters wat nie toegelaat word nie.",
    out_of_range: "Kies asseblief een van die gegewe waardes.",
    unknown_option: "Kies asseblief een van die gegewe opsies.",
    not_a_ranking: "Gee asseblief elke opsie presies een plek.",
    not_a_number: "Voer asseblief 'n heelgetal in.",
    not_an_amount: "Voer asseblief 'n bedrag in, soos 12,50.",
    not_a_date: "Voer asseblief 'n datum in.",
    already_registered: "Hierdie reeksnommer is reeds geregistreer.",
    must_agree: "Merk asseblief hierdie blokkie om voort te gaan.",
    first_name: "Voornaam",
    last_name: "Van",
    email: "E-pos",
    phone: "Telefoon",
    privacy_policy: "Privaatheidsbeleid",
    address: "Posadres",
    street: "Straat en huisnommer",
    postcode: "Poskode",
    city: "Dorp of stad",
    country: "Land",
};

pub static SIGNUP: SignupTexts = SignupTexts {
    subscribe: "Teken in",
    thanks_new: "Dankie dat jy ingeteken het!",
    thanks_no_consent: "Dankie! Ons het jou besonderhede, maar sonder 'n regmerkie in die blokkie stuur ons jou nie ons nuus nie.",
    thanks_confirm: "Amper klaar: ons het vir jou 'n e-pos gestuur. Maak die skakel daarin oop om jou intekening te bevestig.",
};

pub static SURVEYS: SurveyTexts = SurveyTexts {
    nps_question: "Hoe waarskynlik is dit dat jy ons by 'n vriend, familielid of kollega sal aanbeveel?",
    nps_low: "Glad nie waarskynlik nie",
    nps_high: "Uiters waarskynlik",
    nps_why: "Hoekom?",
    reasons_question: "Hoekom het jy vandag by ons gekoop?",
    reasons_hint: "Plaas die belangrikste rede eerste: sleep die items, of kies een en gebruik die pyltjiesleutels.",
    move_up: "Skuif op",
    move_down: "Skuif af",
    heard_question: "Hoe het jy van ons gehoor?",
    heard_other: "Ander:",
    option: |code| {
        Some(match code {
            "convenience" => "Gerief",
            "low_price" => "Lae prys",
            "best_quality" => "Beste gehalte",
            "best_choice" => "Beste keuse",
            "search_engine" => "'n Soekenjin",
            "friend" => "'n Vriend of familielid",
            "social_media" => "Sosiale media",
            "walked_by" => "Ek het by die winkel verbygestap",
            "newspaper" => "Koerant of tydskrif",
            _ => return None,
        })
    },
};

pub static FAVOURITES: FavouriteTexts = FavouriteTexts {
    saved: "Gestoor",
    favourites_title: "Jou gestoorde items",
    favourites_empty: "Nog niks gestoor nie. Tik op ♡ by 'n item om dit hier te hou.",
};

pub static RESERVATION: ReservationTexts = ReservationTexts {
    reserve: "Bespreek",
    quantity: "Hoeveelheid",
    note: "Nota",
    expected: "Verwag in voorraad:",
    reserved: "Bespreek! Ons laat jou weet sodra dit gereed is.",
};

pub static WARRANTY: WarrantyTexts = WarrantyTexts {
    warranty_title: "Registreer jou waarborg",
    product: "Produk",
    find_product: "Soek jou produk (naam of nommer)",
    no_product_found: "Geen produk gevind nie.",
    serial_number: "Reeksnommer",
    purchase_date: "Aankoopdatum",
    register: "Registreer",
    warranty_done: "Jou waarborg is geregistreer. Hou jou kwitansie daarby.",
};

pub static LOYALTY: LoyaltyTexts = LoyaltyTexts {
    loyalty_title: "Sluit aan by ons lojaliteitsprogram",
    loyalty_agree: "Ek wil aansluit. My aankope hier word aangeteken om my stempels en punte te tel.",
    join: "Sluit aan",
    loyalty_mailed: "Dankie! Kyk in jou inkassie: ons het vir jou 'n skakel na jou eie bladsy gestuur, waar jou lojaliteitskaart gehou word.",
};

pub static PROFILE: ProfileTexts = ProfileTexts {
    profile_intro: "'n Vinnige vraag, sodat ons jou beter kan bedien",
    profile_field: |code| match code {
        "birthday" => "Jou verjaarsdag",
        "postcode" => "Poskode",
        "household_size" => "Hoeveel mense woon in jou huishouding?",
        "income_range" => "Jaarlikse huishoudelike inkomste",
        "occupation" => "Beroep",
        "preferred_channel" => "Hoe wil jy hê ons moet jou kontak?",
        _ => "",
    },
    profile_choice: |code| match code {
        "under_20k" => "Onder 20 000",
        "20k_40k" => "20 000–40 000",
        "40k_70k" => "40 000–70 000",
        "70k_100k" => "70 000–100 000",
        "over_100k" => "Meer as 100 000",
        "rather_not_say" => "Ek verkies om nie te sê nie",
        "email" => "E-pos",
        "phone" => "Oproep",
        "sms" => "SMS",
        "post" => "Pos",
        _ => "",
    },
};
