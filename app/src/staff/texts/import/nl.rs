//! Dutch.

use super::*;
use crate::staff::texts::plural::counted;

pub const IMPORT: Import = Import {
    customers: ImportKindWords {
        title: "Klanten importeren",
        explained: "Een CSV-bestand met een kopregel, gescheiden door komma's of puntkomma's. Elke regel heeft een \
                    e-mailadres of telefoonnummer nodig: een klant met dat e-mailadres (anders dat nummer) wordt \
                    bijgewerkt waar het bestand afwijkt, ieder ander wordt toegevoegd. Hetzelfde bestand nog eens \
                    importeren verandert niets.",
        would: |new, updated, unchanged| {
            format!("{}, {updated} bijgewerkt, {unchanged} ongewijzigd", counted(new, "nieuwe klant", "nieuwe klanten"))
        },
        done: |new, updated, unchanged| format!("Klaar: {new} nieuw, {updated} bijgewerkt, {unchanged} ongewijzigd."),
    },
    products: ImportKindWords {
        title: "Producten importeren",
        explained: "Een CSV-bestand met een kopregel: op elke regel een artikelnummer (SKU), een naam en een prijs. \
                    Een product met dat artikelnummer wordt bijgewerkt waar het bestand afwijkt, elk ander wordt \
                    toegevoegd; niets wordt gearchiveerd. Hetzelfde bestand nog eens importeren verandert niets.",
        would: |new, updated, unchanged| {
            format!(
                "{}, {updated} bijgewerkt, {unchanged} ongewijzigd",
                counted(new, "nieuw product", "nieuwe producten")
            )
        },
        done: |new, updated, unchanged| {
            format!(
                "Klaar: {}, {updated} bijgewerkt, {unchanged} ongewijzigd.",
                counted(new, "nieuw product", "nieuwe producten")
            )
        },
    },
    purchases: ImportKindWords {
        title: "Eerdere aankopen importeren",
        explained: "De bestellingen uit uw oude kassa of webwinkel als CSV: een ordernummer, een datum, het \
                    e-mailadres of telefoonnummer van de klant, en de regels (artikel, aantal, stukprijs) of een \
                    totaal. Regels met hetzelfde ordernummer vormen één aankoop. Klanten worden herkend zoals bij het \
                    importeren van klanten, en toegevoegd als ze nieuw zijn. Een ordernummer dat er al is blijft zoals \
                    het is, dus het bestand nog eens importeren verandert niets. Eerdere aankopen leveren geen \
                    stempels of punten op en sturen geen webhooks.",
        would: |purchases, customers, here| {
            format!(
                "{} toe te voegen (met {}), {here} al aanwezig",
                counted(purchases, "aankoop", "aankopen"),
                counted(customers, "nieuwe klant", "nieuwe klanten")
            )
        },
        done: |purchases, customers, here| {
            format!(
                "Klaar: {} toegevoegd, {}, {here} al aanwezig.",
                counted(purchases, "aankoop", "aankopen"),
                counted(customers, "nieuwe klant", "nieuwe klanten")
            )
        },
    },
    kinds: "Wat importeren",
    file: "CSV-bestand",
    map_rows: |n| format!("{} · koppel de kolommen", counted(n as i64, "regel", "regels")),
    column: "Kolom",
    import_as: "Importeren als",
    first_rows: "Eerste regels",
    import_column_as: |column| format!("Kolom {column} importeren als"),
    skip: "(kolom overslaan)",
    target: |code| match code {
        "address" => "Adres in één (gesplitst in straat, postcode, plaats…)",
        "tags" => "Labels (gescheiden door komma's)",
        "sku" => "Artikelnummer (SKU)",
        "name" => "Naam",
        "price" => "Prijs",
        "category" => "Categorie",
        "image_url" => "Adres van de afbeelding",
        "stock_expected" => "Verwacht op voorraad (datum)",
        "order_id" => "Ordernummer",
        "date" => "Datum",
        "item" => "Regel: artikelnaam",
        "quantity" => "Regel: aantal",
        "unit_price" => "Regel: stukprijs",
        "total" => "Ordertotaal",
        "payment_method" => "Betaalwijze",
        _ => "",
    },
    customer_email: "E-mailadres van de klant",
    customer_phone: "Telefoonnummer van de klant",
    name_in: |language| format!("Naam ({language})"),
    check: "Bestand controleren (proefrun)",
    problems: |n| {
        format!(
            "{}: verbeter deze regels in het bestand, of importeer de geldige regels en verbeter de rest later.",
            counted(n as i64, "probleem", "problemen")
        )
    },
    more: |n| format!("… en nog {n}, allemaal in het bestand met afgewezen regels."),
    download_rejected: "Afgewezen regels downloaden (CSV)",
    import_valid: "Geldige regels importeren",
    import: "Importeren",
    progress: "Voortgang van de import",
    rows_done: |done, total| format!("{done} van {total} regels…"),
    skipped: |n| {
        if n == 1 {
            "1 regel met problemen is overgeslagen.".into()
        } else {
            format!("{n} regels met problemen zijn overgeslagen.")
        }
    },
    failed: "De import is gestopt; de regels ervoor zijn bewaard. Start hem opnieuw: regels die er al zijn worden \
             niet dubbel ingevoerd.",
    line: |line, field, problem| format!("Regel {line} · {field}: {problem}"),
    field: |field| match field {
        Field::Tags => "Labels",
        Field::Item => "Artikelnummer",
        Field::ProductName => "Naam",
        Field::UnitPrice => "Prijs",
        Field::Category => "Categorie",
        Field::ImageUrl => "Adres van de afbeelding",
        Field::StockExpected => "Verwacht op voorraad",
        Field::Language => "Taal van de naam",
        Field::PurchaseDate => "Datum",
        Field::Email => "E-mailadres van de klant",
        Field::Phone => "Telefoonnummer van de klant",
        Field::Description => "Artikelnaam",
        Field::Quantity => "Aantal",
        Field::Amount => "Ordertotaal",
        Field::Code => "Ordernummer",
        Field::PaymentMethod => "Betaalwijze",
        Field::Customer(_) => "",
        _ => "Regel",
    },
    problem_column: "Probleem",
    other_line_of_order: "Een andere regel van deze bestelling heeft een probleem.",
};
