//! The words of the data-quality page, in every language (a small area: its seven
//! languages side by side read better than seven files).

#[cfg_attr(test, derive(serde::Serialize))]
pub struct Quality {
    pub checking: &'static str,
    /// A check's title by its code (`invalid_email`...); blank for one not known.
    #[cfg_attr(test, serde(skip))]
    pub check: fn(&str) -> &'static str,
    #[cfg_attr(test, serde(skip))]
    pub nothing_under: fn(&str) -> String,
    pub others_have: &'static str,
    pub ask_consent: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub now: fn(&str) -> String,
    /// The label of a customer's field: (field, customer number).
    #[cfg_attr(test, serde(skip))]
    pub field_of: fn(&str, i64) -> String,
}

pub(super) const EN: Quality = Quality {
    checking: "Checking…",
    check: |code| match code {
        "invalid_email" => "Emails that are not valid addresses",
        "invalid_phone" => "Phones that are not valid numbers",
        "no_contact" => "Neither email nor phone",
        "capitals" => "Names in capitals",
        "no_postcode" => "Addresses without a postcode",
        "no_consent" => "No consent record at all",
        _ => "",
    },
    nothing_under: |check| format!("Nothing to fix under “{check}”."),
    others_have: "The other checks above have customers to look at.",
    ask_consent: "Ask the customer; record their consent on the record.",
    now: |value| format!("(now: {value})"),
    field_of: |field, id| format!("{field} of customer {id}"),
};

pub(super) const NL: Quality = Quality {
    checking: "Controleren…",
    check: |code| match code {
        "invalid_email" => "E-mailadressen die niet geldig zijn",
        "invalid_phone" => "Telefoonnummers die niet geldig zijn",
        "no_contact" => "Geen e-mail en geen telefoon",
        "capitals" => "Namen in hoofdletters",
        "no_postcode" => "Adressen zonder postcode",
        "no_consent" => "Helemaal geen toestemming vastgelegd",
        _ => "",
    },
    nothing_under: |check| format!("Niets te verbeteren onder „{check}”."),
    others_have: "De andere controles hierboven hebben klanten om na te kijken.",
    ask_consent: "Vraag het de klant; leg de toestemming vast op de klantkaart.",
    now: |value| format!("(nu: {value})"),
    field_of: |field, id| format!("{field} van klant {id}"),
};

pub(super) const AF: Quality = Quality {
    checking: "Kontroleer…",
    check: |code| match code {
        "invalid_email" => "E-posadresse wat nie geldig is nie",
        "invalid_phone" => "Telefoonnommers wat nie geldig is nie",
        "no_contact" => "Geen e-pos en geen telefoon nie",
        "capitals" => "Name in hoofletters",
        "no_postcode" => "Adresse sonder poskode",
        "no_consent" => "Glad geen toestemming aangeteken nie",
        _ => "",
    },
    nothing_under: |check| format!("Niks om reg te stel onder “{check}” nie."),
    others_have: "Die ander kontroles hierbo het kliënte om na te kyk.",
    ask_consent: "Vra die kliënt; teken hul toestemming op die rekord aan.",
    now: |value| format!("(nou: {value})"),
    field_of: |field, id| format!("{field} van kliënt {id}"),
};

pub(super) const PT: Quality = Quality {
    checking: "A verificar…",
    check: |code| match code {
        "invalid_email" => "E-mails que não são endereços válidos",
        "invalid_phone" => "Telefones que não são números válidos",
        "no_contact" => "Nem e-mail nem telefone",
        "capitals" => "Nomes em maiúsculas",
        "no_postcode" => "Moradas sem código postal",
        "no_consent" => "Nenhum registo de consentimento",
        _ => "",
    },
    nothing_under: |check| format!("Nada a corrigir em “{check}”."),
    others_have: "As outras verificações acima têm clientes a rever.",
    ask_consent: "Pergunte ao cliente; registe o consentimento na ficha.",
    now: |value| format!("(agora: {value})"),
    field_of: |field, id| format!("{field} do cliente {id}"),
};

pub(super) const RU: Quality = Quality {
    checking: "Проверка…",
    check: |code| match code {
        "invalid_email" => "Недействительные адреса e-mail",
        "invalid_phone" => "Недействительные номера телефонов",
        "no_contact" => "Нет ни e-mail, ни телефона",
        "capitals" => "Имена заглавными буквами",
        "no_postcode" => "Адреса без индекса",
        "no_consent" => "Ни одной записи о согласии",
        _ => "",
    },
    nothing_under: |check| format!("В разделе «{check}» исправлять нечего."),
    others_have: "В других проверках выше есть клиенты, которых стоит посмотреть.",
    ask_consent: "Спросите клиента и запишите его согласие в карточке.",
    now: |value| format!("(сейчас: {value})"),
    field_of: |field, id| format!("{field} клиента {id}"),
};

pub(super) const FI: Quality = Quality {
    checking: "Tarkistetaan…",
    check: |code| match code {
        "invalid_email" => "Virheelliset sähköpostiosoitteet",
        "invalid_phone" => "Virheelliset puhelinnumerot",
        "no_contact" => "Ei sähköpostia eikä puhelinta",
        "capitals" => "Nimet isoin kirjaimin",
        "no_postcode" => "Osoitteet ilman postinumeroa",
        "no_consent" => "Ei yhtään suostumusmerkintää",
        _ => "",
    },
    nothing_under: |check| format!("Ei korjattavaa kohdassa ”{check}”."),
    others_have: "Muissa yllä olevissa tarkistuksissa on katsottavia asiakkaita.",
    ask_consent: "Kysy asiakkaalta ja kirjaa suostumus asiakaskorttiin.",
    now: |value| format!("(nyt: {value})"),
    field_of: |field, id| format!("Asiakkaan {id} {field}"),
};

pub(super) const DE: Quality = Quality {
    checking: "Prüfe…",
    check: |code| match code {
        "invalid_email" => "E-Mail-Adressen, die ungültig sind",
        "invalid_phone" => "Telefonnummern, die ungültig sind",
        "no_contact" => "Weder E-Mail noch Telefon",
        "capitals" => "Namen in Großbuchstaben",
        "no_postcode" => "Adressen ohne Postleitzahl",
        "no_consent" => "Gar keine Einwilligung erfasst",
        _ => "",
    },
    nothing_under: |check| format!("Nichts zu korrigieren unter „{check}“."),
    others_have: "Die anderen Prüfungen oben haben Kunden zum Ansehen.",
    ask_consent: "Fragen Sie den Kunden; erfassen Sie die Einwilligung in der Kundenakte.",
    now: |value| format!("(jetzt: {value})"),
    field_of: |field, id| format!("{field} von Kunde {id}"),
};
