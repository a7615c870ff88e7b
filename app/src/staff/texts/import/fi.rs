//! Finnish.

use super::*;

pub const IMPORT: Import = Import {
    customers: ImportKindWords {
        title: "Tuo asiakkaita",
        explained: "CSV-tiedosto, jossa on otsikkorivi ja arvot pilkuin tai puolipistein eroteltuina. Jokaisella \
                    rivillä tarvitaan sähköposti tai puhelinnumero: asiakas, jolla on sama sähköposti (tai muuten \
                    numero), päivitetään siltä osin kuin tiedosto poikkeaa, muut lisätään. Saman tiedoston tuominen \
                    uudelleen ei muuta mitään.",
        would: |new, updated, unchanged| {
            format!("Uusia asiakkaita {new}, päivitettyjä {updated}, muuttumattomia {unchanged}")
        },
        done: |new, updated, unchanged| {
            format!("Valmis: uusia {new}, päivitettyjä {updated}, muuttumattomia {unchanged}.")
        },
    },
    products: ImportKindWords {
        title: "Tuo tuotteita",
        explained: "CSV-tiedosto, jossa on otsikkorivi: jokaisella rivillä tuotekoodi (SKU), nimi ja hinta. Tuote, \
                    jolla on sama koodi, päivitetään siltä osin kuin tiedosto poikkeaa, muut lisätään; mitään ei \
                    arkistoida. Saman tiedoston tuominen uudelleen ei muuta mitään.",
        would: |new, updated, unchanged| {
            format!("Uusia tuotteita {new}, päivitettyjä {updated}, muuttumattomia {unchanged}")
        },
        done: |new, updated, unchanged| {
            format!("Valmis: uusia tuotteita {new}, päivitettyjä {updated}, muuttumattomia {unchanged}.")
        },
    },
    purchases: ImportKindWords {
        title: "Tuo aiemmat ostot",
        explained: "Vanhan kassasi tai verkkokauppasi tilaukset CSV-tiedostona: tilausnumero, päivämäärä, asiakkaan \
                    sähköposti tai puhelinnumero ja joko tilausrivit (tuote, määrä, kappalehinta) tai loppusumma. \
                    Rivit, joilla on sama tilausnumero, ovat yksi osto. Asiakkaat tunnistetaan kuten asiakkaiden \
                    tuonnissa, ja uudet lisätään. Jo olemassa oleva tilausnumero jätetään ennalleen, joten tiedoston \
                    tuominen uudelleen ei muuta mitään. Aiemmista ostoista ei kerry leimoja eikä pisteitä, eikä niistä \
                    lähetetä webhookeja.",
        would: |purchases, customers, here| {
            format!("Lisättäviä ostoja {purchases} (uusia asiakkaita {customers}), jo olemassa {here}")
        },
        done: |purchases, customers, here| {
            format!("Valmis: lisättyjä ostoja {purchases}, uusia asiakkaita {customers}, jo olemassa {here}.")
        },
    },
    kinds: "Mitä tuodaan",
    file: "CSV-tiedosto",
    map_rows: |n| {
        if n == 1 { "1 rivi · yhdistä sarakkeet".into() } else { format!("{n} riviä · yhdistä sarakkeet") }
    },
    column: "Sarake",
    import_as: "Tuo kenttään",
    first_rows: "Ensimmäiset rivit",
    import_column_as: |column| format!("Sarakkeen {column} kenttä"),
    skip: "(ohita tämä sarake)",
    target: |code| match code {
        "address" => "Koko osoite (jaetaan katuun, postinumeroon, kaupunkiin…)",
        "tags" => "Tunnisteet (pilkuin eroteltuina)",
        "sku" => "Tuotekoodi (SKU)",
        "name" => "Nimi",
        "price" => "Hinta",
        "category" => "Tuoteryhmä",
        "image_url" => "Kuvan osoite",
        "stock_expected" => "Odotetaan varastoon (päivämäärä)",
        "order_id" => "Tilausnumero",
        "date" => "Päivämäärä",
        "item" => "Rivi: tuotteen nimi",
        "quantity" => "Rivi: määrä",
        "unit_price" => "Rivi: kappalehinta",
        "total" => "Tilauksen loppusumma",
        "payment_method" => "Maksutapa",
        _ => "",
    },
    customer_email: "Asiakkaan sähköposti",
    customer_phone: "Asiakkaan puhelinnumero",
    name_in: |language| format!("Nimi ({language})"),
    check: "Tarkista tiedosto (koeajo)",
    problems: |n| {
        format!("Ongelmia {n}: korjaa nämä rivit tiedostossa tai tuo kelvolliset rivit ja korjaa loput myöhemmin.")
    },
    more: |n| format!("… ja {n} muuta, kaikki hylättyjen rivien tiedostossa."),
    download_rejected: "Lataa hylätyt rivit (CSV)",
    import_valid: "Tuo kelvolliset rivit",
    import: "Tuo",
    progress: "Tuonnin eteneminen",
    rows_done: |done, total| format!("{done}/{total} riviä…"),
    skipped: |n| {
        if n == 1 {
            "1 ongelmallinen rivi jätettiin pois.".into()
        } else {
            format!("{n} ongelmallista riviä jätettiin pois.")
        }
    },
    failed: "Tuonti keskeytyi; sitä edeltävät rivit on tallennettu. Käynnistä se uudelleen: jo tuodut rivit eivät \
             tule kahteen kertaan.",
    line: |line, field, problem| format!("Rivi {line} · {field}: {problem}"),
    field: |field| match field {
        Field::Tags => "Tunnisteet",
        Field::Item => "Tuotekoodi",
        Field::ProductName => "Nimi",
        Field::UnitPrice => "Hinta",
        Field::Category => "Tuoteryhmä",
        Field::ImageUrl => "Kuvan osoite",
        Field::StockExpected => "Odotetaan varastoon",
        Field::Language => "Nimen kieli",
        Field::PurchaseDate => "Päivämäärä",
        Field::Email => "Asiakkaan sähköposti",
        Field::Phone => "Asiakkaan puhelinnumero",
        Field::Description => "Tuotteen nimi",
        Field::Quantity => "Määrä",
        Field::Amount => "Tilauksen loppusumma",
        Field::Code => "Tilausnumero",
        Field::PaymentMethod => "Maksutapa",
        Field::Customer(_) => "",
        _ => "Rivi",
    },
    problem_column: "Ongelma",
    other_line_of_order: "Tämän tilauksen toisella rivillä on ongelma.",
};
