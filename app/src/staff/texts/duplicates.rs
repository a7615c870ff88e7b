//! The words of the duplicates page, in every language (a small area: its seven languages
//! side by side read better than seven files).

#[cfg_attr(test, derive(serde::Serialize))]
pub struct Duplicates {
    pub looking: &'static str,
    pub none: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub pairs: fn(usize) -> String,
    #[cfg_attr(test, serde(skip))]
    pub first_shown: fn(usize) -> String,
    /// Why a pair was proposed, by the reason's code (`same_email`...); blank for one not known.
    #[cfg_attr(test, serde(skip))]
    pub reason: fn(&str) -> &'static str,
    pub keep_left: &'static str,
    pub keep_right: &'static str,
    pub not_same: &'static str,
    pub merges: &'static str,
    pub no_merges: &'static str,
    pub when: &'static str,
    pub kept: &'static str,
    pub merged_into: &'static str,
    pub by: &'static str,
    #[cfg_attr(test, serde(skip))]
    pub undone: fn(&str) -> String,
    pub undo: &'static str,
    pub address: &'static str,
    pub joined: &'static str,
    pub purchases: &'static str,
}

pub(super) const EN: Duplicates = Duplicates {
    looking: "Looking for duplicates…",
    none: "No likely duplicates.",
    pairs: |n| if n == 1 { "1 likely duplicate pair".to_owned() } else { format!("{n} likely duplicate pairs") },
    first_shown: |n| format!("the first {n} shown"),
    reason: |code| match code {
        "same_email" => "same email",
        "same_phone" => "same phone",
        "same_address_and_name" => "same address and name",
        _ => "",
    },
    keep_left: "Keep left, merge right into it",
    keep_right: "Keep right, merge left into it",
    not_same: "Not the same person",
    merges: "Merges",
    no_merges: "No merges yet.",
    when: "When",
    kept: "Kept",
    merged_into: "Merged into it",
    by: "By",
    undone: |at| format!("undone {at}"),
    undo: "Undo",
    address: "Address",
    joined: "Joined",
    purchases: "Purchases",
};

pub(super) const NL: Duplicates = Duplicates {
    looking: "Dubbele klanten zoeken…",
    none: "Geen waarschijnlijke dubbele klanten.",
    pairs: |n| {
        if n == 1 { "1 waarschijnlijk dubbel paar".to_owned() } else { format!("{n} waarschijnlijk dubbele paren") }
    },
    first_shown: |n| format!("de eerste {n} getoond"),
    reason: |code| match code {
        "same_email" => "zelfde e-mail",
        "same_phone" => "zelfde telefoon",
        "same_address_and_name" => "zelfde adres en naam",
        _ => "",
    },
    keep_left: "Links houden, rechts erin samenvoegen",
    keep_right: "Rechts houden, links erin samenvoegen",
    not_same: "Niet dezelfde persoon",
    merges: "Samenvoegingen",
    no_merges: "Nog geen samenvoegingen.",
    when: "Wanneer",
    kept: "Gehouden",
    merged_into: "Erin samengevoegd",
    by: "Door",
    undone: |at| format!("ongedaan gemaakt {at}"),
    undo: "Ongedaan maken",
    address: "Adres",
    joined: "Klant sinds",
    purchases: "Aankopen",
};

pub(super) const AF: Duplicates = Duplicates {
    looking: "Soek duplikate…",
    none: "Geen waarskynlike duplikate nie.",
    pairs: |n| {
        if n == 1 { "1 waarskynlike duplikaatpaar".to_owned() } else { format!("{n} waarskynlike duplikaatpare") }
    },
    first_shown: |n| format!("die eerste {n} gewys"),
    reason: |code| match code {
        "same_email" => "dieselfde e-pos",
        "same_phone" => "dieselfde telefoon",
        "same_address_and_name" => "dieselfde adres en naam",
        _ => "",
    },
    keep_left: "Hou links, voeg regs daarin saam",
    keep_right: "Hou regs, voeg links daarin saam",
    not_same: "Nie dieselfde persoon nie",
    merges: "Samevoegings",
    no_merges: "Nog geen samevoegings nie.",
    when: "Wanneer",
    kept: "Gehou",
    merged_into: "Daarin saamgevoeg",
    by: "Deur",
    undone: |at| format!("ongedaan gemaak {at}"),
    undo: "Maak ongedaan",
    address: "Adres",
    joined: "Kliënt sedert",
    purchases: "Aankope",
};

pub(super) const PT: Duplicates = Duplicates {
    looking: "A procurar duplicados…",
    none: "Sem duplicados prováveis.",
    pairs: |n| {
        if n == 1 { "1 par provavelmente duplicado".to_owned() } else { format!("{n} pares provavelmente duplicados") }
    },
    first_shown: |n| format!("os primeiros {n} mostrados"),
    reason: |code| match code {
        "same_email" => "mesmo e-mail",
        "same_phone" => "mesmo telefone",
        "same_address_and_name" => "mesma morada e nome",
        _ => "",
    },
    keep_left: "Manter a esquerda, juntar a direita nela",
    keep_right: "Manter a direita, juntar a esquerda nela",
    not_same: "Não é a mesma pessoa",
    merges: "Junções",
    no_merges: "Ainda sem junções.",
    when: "Quando",
    kept: "Mantido",
    merged_into: "Juntado nele",
    by: "Por",
    undone: |at| format!("desfeito {at}"),
    undo: "Desfazer",
    address: "Morada",
    joined: "Cliente desde",
    purchases: "Compras",
};

pub(super) const RU: Duplicates = Duplicates {
    looking: "Поиск дубликатов…",
    none: "Вероятных дубликатов нет.",
    pairs: |n| format!("Вероятных пар дубликатов: {n}"),
    first_shown: |n| format!("показаны первые {n}"),
    reason: |code| match code {
        "same_email" => "тот же e-mail",
        "same_phone" => "тот же телефон",
        "same_address_and_name" => "тот же адрес и имя",
        _ => "",
    },
    keep_left: "Оставить левого, влить в него правого",
    keep_right: "Оставить правого, влить в него левого",
    not_same: "Это разные люди",
    merges: "Объединения",
    no_merges: "Объединений пока нет.",
    when: "Когда",
    kept: "Оставлен",
    merged_into: "Влит в него",
    by: "Кем",
    undone: |at| format!("отменено {at}"),
    undo: "Отменить",
    address: "Адрес",
    joined: "Клиент с",
    purchases: "Покупки",
};

pub(super) const FI: Duplicates = Duplicates {
    looking: "Etsitään kaksoiskappaleita…",
    none: "Ei todennäköisiä kaksoiskappaleita.",
    pairs: |n| {
        if n == 1 { "1 todennäköinen kaksoispari".to_owned() } else { format!("{n} todennäköistä kaksoisparia") }
    },
    first_shown: |n| format!("{n} ensimmäistä näytetään"),
    reason: |code| match code {
        "same_email" => "sama sähköposti",
        "same_phone" => "sama puhelin",
        "same_address_and_name" => "sama osoite ja nimi",
        _ => "",
    },
    keep_left: "Säilytä vasen, yhdistä oikea siihen",
    keep_right: "Säilytä oikea, yhdistä vasen siihen",
    not_same: "Eri henkilöt",
    merges: "Yhdistämiset",
    no_merges: "Ei vielä yhdistämisiä.",
    when: "Milloin",
    kept: "Säilytetty",
    merged_into: "Yhdistetty siihen",
    by: "Kuka",
    undone: |at| format!("peruttu {at}"),
    undo: "Peru",
    address: "Osoite",
    joined: "Asiakkaana alkaen",
    purchases: "Ostot",
};

pub(super) const DE: Duplicates = Duplicates {
    looking: "Suche Dubletten…",
    none: "Keine wahrscheinlichen Dubletten.",
    pairs: |n| {
        if n == 1 {
            "1 wahrscheinliches Dublettenpaar".to_owned()
        } else {
            format!("{n} wahrscheinliche Dublettenpaare")
        }
    },
    first_shown: |n| format!("die ersten {n} angezeigt"),
    reason: |code| match code {
        "same_email" => "gleiche E-Mail",
        "same_phone" => "gleiches Telefon",
        "same_address_and_name" => "gleiche Adresse und gleicher Name",
        _ => "",
    },
    keep_left: "Links behalten, rechts hineinführen",
    keep_right: "Rechts behalten, links hineinführen",
    not_same: "Nicht dieselbe Person",
    merges: "Zusammenführungen",
    no_merges: "Noch keine Zusammenführungen.",
    when: "Wann",
    kept: "Behalten",
    merged_into: "Hineingeführt",
    by: "Von",
    undone: |at| format!("rückgängig gemacht {at}"),
    undo: "Rückgängig",
    address: "Adresse",
    joined: "Kunde seit",
    purchases: "Käufe",
};
