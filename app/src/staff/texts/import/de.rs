//! German.

use super::*;
use crate::staff::texts::plural::counted;

pub const IMPORT: Import = Import {
    customers: ImportKindWords {
        title: "Kunden importieren",
        explained: "Eine CSV-Datei mit Kopfzeile, durch Kommas oder Semikolons getrennt. Jede Zeile braucht eine \
                    E-Mail-Adresse oder Telefonnummer: Eine Kundin oder ein Kunde mit dieser E-Mail-Adresse (sonst \
                    Nummer) wird aktualisiert, wo die Datei abweicht, alle anderen werden hinzugefügt. Dieselbe Datei \
                    noch einmal zu importieren ändert nichts.",
        would: |new, updated, unchanged| {
            format!("{}, {updated} aktualisiert, {unchanged} unverändert", counted(new, "neuer Kunde", "neue Kunden"))
        },
        done: |new, updated, unchanged| format!("Fertig: {new} neu, {updated} aktualisiert, {unchanged} unverändert."),
    },
    products: ImportKindWords {
        title: "Produkte importieren",
        explained: "Eine CSV-Datei mit Kopfzeile: in jeder Zeile eine Artikelnummer (SKU), ein Name und ein Preis. \
                    Ein Produkt mit dieser Artikelnummer wird aktualisiert, wo die Datei abweicht, jedes andere wird \
                    hinzugefügt; nichts wird archiviert. Dieselbe Datei noch einmal zu importieren ändert nichts.",
        would: |new, updated, unchanged| {
            format!(
                "{}, {updated} aktualisiert, {unchanged} unverändert",
                counted(new, "neues Produkt", "neue Produkte")
            )
        },
        done: |new, updated, unchanged| {
            format!(
                "Fertig: {}, {updated} aktualisiert, {unchanged} unverändert.",
                counted(new, "neues Produkt", "neue Produkte")
            )
        },
    },
    purchases: ImportKindWords {
        title: "Frühere Einkäufe importieren",
        explained: "Die Bestellungen Ihrer alten Kasse oder Ihres Webshops als CSV: eine Bestellnummer, ein Datum, \
                    die E-Mail-Adresse oder Telefonnummer der Kundschaft und entweder die Positionen (Artikel, Menge, \
                    Stückpreis) oder eine Summe. Zeilen mit derselben Bestellnummer sind ein Einkauf. Kunden werden \
                    wie beim Kundenimport erkannt und neu angelegt, wenn es sie noch nicht gibt. Eine schon \
                    vorhandene Bestellnummer bleibt, wie sie ist; dieselbe Datei noch einmal zu importieren ändert \
                    also nichts. Frühere Einkäufe bringen keine Stempel oder Punkte und lösen keine Webhooks aus.",
        would: |purchases, customers, here| {
            format!(
                "{} hinzuzufügen (mit {}), {here} schon vorhanden",
                counted(purchases, "Einkauf", "Einkäufe"),
                counted(customers, "neuem Kunden", "neuen Kunden")
            )
        },
        done: |purchases, customers, here| {
            format!(
                "Fertig: {} hinzugefügt, {}, {here} schon vorhanden.",
                counted(purchases, "Einkauf", "Einkäufe"),
                counted(customers, "neuer Kunde", "neue Kunden")
            )
        },
    },
    kinds: "Was importieren",
    file: "CSV-Datei",
    map_rows: |n| format!("{} · Spalten zuordnen", counted(n as i64, "Zeile", "Zeilen")),
    column: "Spalte",
    import_as: "Importieren als",
    first_rows: "Erste Zeilen",
    import_column_as: |column| format!("Spalte {column} importieren als"),
    skip: "(Spalte überspringen)",
    target: |code| match code {
        "address" => "Adresse in einem (aufgeteilt in Straße, PLZ, Ort…)",
        "tags" => "Schlagwörter (durch Kommas getrennt)",
        "sku" => "Artikelnummer (SKU)",
        "name" => "Name",
        "price" => "Preis",
        "category" => "Kategorie",
        "image_url" => "Bildadresse",
        "stock_expected" => "Wieder vorrätig ab (Datum)",
        "order_id" => "Bestellnummer",
        "date" => "Datum",
        "item" => "Position: Artikelname",
        "quantity" => "Position: Menge",
        "unit_price" => "Position: Stückpreis",
        "total" => "Bestellsumme",
        "payment_method" => "Zahlungsart",
        _ => "",
    },
    customer_email: "E-Mail-Adresse der Kundschaft",
    customer_phone: "Telefonnummer der Kundschaft",
    name_in: |language| format!("Name ({language})"),
    check: "Datei prüfen (Probelauf)",
    problems: |n| {
        format!(
            "{}: Korrigieren Sie diese Zeilen in der Datei, oder importieren Sie die gültigen Zeilen und korrigieren \
             Sie den Rest später.",
            counted(n as i64, "Problem", "Probleme")
        )
    },
    more: |n| format!("… und {n} weitere, alle in der Datei der abgelehnten Zeilen."),
    download_rejected: "Abgelehnte Zeilen herunterladen (CSV)",
    import_valid: "Gültige Zeilen importieren",
    import: "Importieren",
    progress: "Fortschritt des Imports",
    rows_done: |done, total| format!("{done} von {total} Zeilen…"),
    skipped: |n| {
        if n == 1 {
            "1 Zeile mit Problemen wurde ausgelassen.".into()
        } else {
            format!("{n} Zeilen mit Problemen wurden ausgelassen.")
        }
    },
    failed: "Der Import wurde unterbrochen; die Zeilen davor sind gespeichert. Starten Sie ihn erneut: schon \
             importierte Zeilen werden nicht verdoppelt.",
    line: |line, field, problem| format!("Zeile {line} · {field}: {problem}"),
    field: |field| match field {
        Field::Tags => "Schlagwörter",
        Field::Item => "Artikelnummer",
        Field::ProductName => "Name",
        Field::UnitPrice => "Preis",
        Field::Category => "Kategorie",
        Field::ImageUrl => "Bildadresse",
        Field::StockExpected => "Wieder vorrätig ab",
        Field::Language => "Sprache des Namens",
        Field::PurchaseDate => "Datum",
        Field::Email => "E-Mail-Adresse der Kundschaft",
        Field::Phone => "Telefonnummer der Kundschaft",
        Field::Description => "Artikelname",
        Field::Quantity => "Menge",
        Field::Amount => "Bestellsumme",
        Field::Code => "Bestellnummer",
        Field::PaymentMethod => "Zahlungsart",
        Field::Customer(_) => "",
        _ => "Zeile",
    },
    problem_column: "Problem",
    other_line_of_order: "Eine andere Zeile dieser Bestellung hat ein Problem.",
};
