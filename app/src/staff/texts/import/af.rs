//! Afrikaans.

use super::*;
use crate::staff::texts::plural::counted;

pub const IMPORT: Import = Import {
    customers: ImportKindWords {
        title: "Kliënte invoer",
        explained: "'n CSV-lêer met 'n opskrifreël, geskei deur kommas of kommapunte. Elke reël het 'n e-posadres of \
                    foonnommer nodig: 'n kliënt met daardie e-posadres (andersins nommer) word bygewerk waar die lêer \
                    verskil, enigiemand anders word bygevoeg. Om dieselfde lêer weer in te voer, verander niks.",
        would: |new, updated, unchanged| {
            format!("{}, {updated} bygewerk, {unchanged} onveranderd", counted(new, "nuwe kliënt", "nuwe kliënte"))
        },
        done: |new, updated, unchanged| format!("Klaar: {new} nuut, {updated} bygewerk, {unchanged} onveranderd."),
    },
    products: ImportKindWords {
        title: "Produkte invoer",
        explained: "'n CSV-lêer met 'n opskrifreël: op elke reël 'n voorraadkode (SKU), 'n naam en 'n prys. 'n Produk \
                    met daardie kode word bygewerk waar die lêer verskil, enige ander word bygevoeg; niks word \
                    geargiveer nie. Om dieselfde lêer weer in te voer, verander niks.",
        would: |new, updated, unchanged| {
            format!("{}, {updated} bygewerk, {unchanged} onveranderd", counted(new, "nuwe produk", "nuwe produkte"))
        },
        done: |new, updated, unchanged| {
            format!(
                "Klaar: {}, {updated} bygewerk, {unchanged} onveranderd.",
                counted(new, "nuwe produk", "nuwe produkte")
            )
        },
    },
    purchases: ImportKindWords {
        title: "Vorige aankope invoer",
        explained: "Jou ou kasregister of webwinkel se bestellings as CSV: 'n bestelnommer, 'n datum, die kliënt se \
                    e-posadres of foonnommer, en óf die reëls (item, hoeveelheid, eenheidsprys) óf 'n totaal. Reëls \
                    met dieselfde bestelnommer is een aankoop. Kliënte word herken soos die kliënte-invoer hulle \
                    herken, en bygevoeg as hulle nuut is. 'n Bestelnommer wat reeds hier is, bly soos dit is, so om \
                    die lêer weer in te voer, verander niks. Vorige aankope verdien geen stempels of punte nie en \
                    stuur geen webhooks nie.",
        would: |purchases, customers, here| {
            format!(
                "{} om by te voeg (met {}), {here} reeds hier",
                counted(purchases, "aankoop", "aankope"),
                counted(customers, "nuwe kliënt", "nuwe kliënte")
            )
        },
        done: |purchases, customers, here| {
            format!(
                "Klaar: {} bygevoeg, {}, {here} reeds hier.",
                counted(purchases, "aankoop", "aankope"),
                counted(customers, "nuwe kliënt", "nuwe kliënte")
            )
        },
    },
    kinds: "Wat om in te voer",
    file: "CSV-lêer",
    map_rows: |n| format!("{} · koppel die kolomme", counted(n as i64, "reël", "reëls")),
    column: "Kolom",
    import_as: "Voer in as",
    first_rows: "Eerste reëls",
    import_column_as: |column| format!("Voer kolom {column} in as"),
    skip: "(slaan hierdie kolom oor)",
    target: |code| match code {
        "address" => "Adres in een (verdeel in straat, poskode, stad…)",
        "tags" => "Etikette (deur kommas geskei)",
        "sku" => "Voorraadkode (SKU)",
        "name" => "Naam",
        "price" => "Prys",
        "category" => "Kategorie",
        "image_url" => "Adres van die prent",
        "stock_expected" => "Verwag in voorraad (datum)",
        "order_id" => "Bestelnommer",
        "date" => "Datum",
        "item" => "Reël: itemnaam",
        "quantity" => "Reël: hoeveelheid",
        "unit_price" => "Reël: eenheidsprys",
        "total" => "Bestellingtotaal",
        "payment_method" => "Betaalmetode",
        _ => "",
    },
    customer_email: "Kliënt se e-posadres",
    customer_phone: "Kliënt se foonnommer",
    name_in: |language| format!("Naam ({language})"),
    check: "Kontroleer die lêer (proeflopie)",
    problems: |n| {
        format!(
            "{}: maak hierdie reëls in die lêer reg, of voer die geldige reëls in en maak die res later reg.",
            counted(n as i64, "probleem", "probleme")
        )
    },
    more: |n| format!("… en nog {n}, almal in die lêer van afgekeurde reëls."),
    download_rejected: "Laai die afgekeurde reëls af (CSV)",
    import_valid: "Voer die geldige reëls in",
    import: "Voer in",
    progress: "Vordering van die invoer",
    rows_done: |done, total| format!("{done} van {total} reëls…"),
    skipped: |n| {
        if n == 1 {
            "1 reël met probleme is uitgelaat.".into()
        } else {
            format!("{n} reëls met probleme is uitgelaat.")
        }
    },
    failed: "Die invoer het gestop; die reëls daarvoor is gestoor. Voer dit weer uit: reëls wat reeds in is, word \
             nie gedupliseer nie.",
    line: |line, field, problem| format!("Reël {line} · {field}: {problem}"),
    field: |field| match field {
        Field::Tags => "Etikette",
        Field::Item => "Voorraadkode",
        Field::ProductName => "Naam",
        Field::UnitPrice => "Prys",
        Field::Category => "Kategorie",
        Field::ImageUrl => "Adres van die prent",
        Field::StockExpected => "Verwag in voorraad",
        Field::Language => "Taal van die naam",
        Field::PurchaseDate => "Datum",
        Field::Email => "Kliënt se e-posadres",
        Field::Phone => "Kliënt se foonnommer",
        Field::Description => "Itemnaam",
        Field::Quantity => "Hoeveelheid",
        Field::Amount => "Bestellingtotaal",
        Field::Code => "Bestelnommer",
        Field::PaymentMethod => "Betaalmetode",
        Field::Customer(_) => "",
        _ => "Reël",
    },
    problem_column: "Probleem",
    other_line_of_order: "'n Ander reël van hierdie bestelling het 'n probleem.",
};
