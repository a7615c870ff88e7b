//! The column names of the exports shops come with, so the mapping form suggests a field
//! for each column it knows: mailing tools (Mailchimp, Brevo, Klaviyo), CRMs (HubSpot,
//! Salesforce, Zoho, Pipedrive), shop systems (Shopify, WooCommerce, Lightspeed, Square),
//! and spreadsheets headed in the languages Patron ships.
//!
//! A header is compared lower-cased with everything but letters and digits dropped
//! (`Default Address Zip` → `defaultaddresszip`).

use super::kind::ImportKind;

/// (target, the headers that mean it, separated by spaces).
type Known = &'static [(&'static str, &'static str)];

const CUSTOMERS: Known = &[
    (
        "first_name",
        "firstname first givenname forename vorname voornaam etunimi nome prenom name fname personfirstname \
         billingfirstname contactfirstname",
    ),
    (
        "last_name",
        "lastname last surname familyname nachname achternaam sukunimi apelido sobrenome nom lname \
         personlastname billinglastname contactlastname",
    ),
    (
        "email",
        "email emailaddress mail epost sahkoposti email1 personemail contactemail primaryemail billingemail \
         emailadres emailadresse",
    ),
    (
        "phone",
        "phone telephone tel mobile mobil cell telefon telefoon puhelin telefone handy phonenumber mobilephone \
         mobilephonenumber mobilenumber cellphone sms whatsapp defaultaddressphone billingphone personphone \
         telefoonnummer telefonnummer",
    ),
    (
        "street",
        "street streetaddress strasse straße straat katuosoite morada rua address1 \
         addressline1 defaultaddressaddress1 mailingstreet billingaddress1 billingstreet street1 adresregel1",
    ),
    (
        "postcode",
        "postcode zip zipcode postalcode plz postleitzahl postcodenummer postinumero codigopostal \
         defaultaddresszip mailingzippostalcode billingpostcode billingzip",
    ),
    ("city", "city town ort stadt plaats woonplaats kaupunki cidade ville defaultaddresscity mailingcity billingcity"),
    (
        "region",
        "region state county province bundesland provincie distrito stateregion stateprovince \
         defaultaddressprovincecode defaultaddressprovince provincecode mailingstateprovince billingstate",
    ),
    (
        "country",
        "country land maa pais pays countryregion countrycode defaultaddresscountrycode defaultaddresscountry \
         mailingcountry billingcountry",
    ),
    (
        "company",
        "company firma bedrijf yritys empresa organisation organization companyname accountname \
         defaultaddresscompany billingcompany bedrijfsnaam",
    ),
    ("address", "address fulladdress postaladdress mailingaddress adres adresse endereco osoite direccion"),
    ("job_title", "jobtitle title position role functie beruf titel tehtava cargo"),
    ("gender", "gender sex geschlecht geslacht sukupuoli genero"),
    (
        "birthday",
        "birthday birthdate dateofbirth dob geburtstag geburtsdatum geboortedatum syntymapaiva aniversario \
         datadenascimento",
    ),
    ("notes", "notes note comment comments notiz notizen opmerkingen opmerking description"),
    ("tags", "tags tag labels groups segments lists"),
];

const PRODUCTS: Known = &[
    (
        "sku",
        "sku variantsku itemsku articlenumber artikelnummer artikelnr productcode code ean barcode itemcode \
         productid",
    ),
    ("name", "name title productname product description item naam omschrijving bezeichnung nimi nome itemname"),
    ("price", "price variantprice regularprice retailprice unitprice prijs preis hinta preco saleprice"),
    ("category", "category categories type producttype productcategory categorie kategorie kategoria categoria group"),
    ("image_url", "image images imagesrc imageurl picture photo afbeelding bild kuva imagem"),
    ("stock_expected", "expected expectedinstock instockdate availabledate restockdate backorderdate"),
];

const PURCHASES: Known = &[
    (
        "order_id",
        "orderid ordernumber orderno order name transactionid receiptnumber receipt invoicenumber bonnummer \
         bestellnummer ordernummer tilausnumero number",
    ),
    (
        "date",
        "date orderdate createdat paidat created datetime timestamp datum besteldatum paivamaara data \
         transactiondate saledate",
    ),
    ("email", "email billingemail customeremail emailaddress mail epost sahkoposti"),
    ("phone", "phone billingphone customerphone telephone mobile telefoon telefon puhelin telefone shippingphone"),
    ("sku", "sku lineitemsku itemsku productsku variantsku articlenumber artikelnummer"),
    ("item", "lineitemname itemname productname item product description artikel omschrijving tuote"),
    ("quantity", "quantity lineitemquantity qty itemquantity aantal menge anzahl maara quantidade count"),
    ("unit_price", "lineitemprice unitprice itemprice itemcost price prijs preis hinta preco"),
    ("total", "total ordertotal grandtotal totalamount amount totaal gesamt summe yhteensa netsales"),
    (
        "payment_method",
        "paymentmethod paymentmethodtitle payment paymenttype tender betaalmethode zahlungsart maksutapa",
    ),
];

/// The target a column header most likely means for an import of `kind`, `""` for none.
pub fn suggest(kind: ImportKind, header: &str) -> &'static str {
    let h = squashed(header);
    let known = match kind {
        ImportKind::Customers => CUSTOMERS,
        ImportKind::Products => PRODUCTS,
        ImportKind::Purchases => PURCHASES,
    };
    let found = known.iter().find(|(_, names)| names.split_whitespace().any(|n| n == h)).map(|(target, _)| *target);
    match (found, kind) {
        (Some(target), _) => target,
        (None, ImportKind::Customers) => own_name(&h).unwrap_or(""),
        (None, _) => "",
    }
}

/// A header as it is compared: lower case, letters and digits only ("E-Mail" → "email").
fn squashed(header: &str) -> String {
    header.to_lowercase().chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The customer field a header names as Patron's own export names it in one of its
/// languages ("Voornaam", "Почтовый индекс"), so a file it wrote is read back whole.
fn own_name(h: &str) -> Option<&'static str> {
    use crate::domain::CustomerField;
    use crate::staff::texts::{Lang, of};
    let same = |name: &str| squashed(name) == h;
    Lang::ALL.into_iter().map(of).find_map(|t| {
        let field = CustomerField::ALL.into_iter().find(|f| same((t.record().field)(*f))).map(|f| f.column());
        field.or_else(|| (same(t.record().tags) || same((t.segments().subject)("tags"))).then_some("tags"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(kind: ImportKind, headers: &[&str]) -> Vec<&'static str> {
        headers.iter().map(|h| suggest(kind, h)).collect()
    }

    #[test]
    fn the_columns_of_common_exports_are_recognised() {
        let mailchimp = ["Email Address", "First Name", "Last Name", "Address", "Phone Number", "Birthday", "TAGS"];
        assert_eq!(
            all(ImportKind::Customers, &mailchimp),
            ["email", "first_name", "last_name", "address", "phone", "birthday", "tags"]
        );
        let hubspot = ["Street Address", "State/Region", "Postal Code", "Country/Region", "Company Name", "Job Title"];
        assert_eq!(
            all(ImportKind::Customers, &hubspot),
            ["street", "region", "postcode", "country", "company", "job_title"]
        );
        let shopify =
            ["Default Address Address1", "Default Address City", "Default Address Zip", "Accepts Email Marketing"];
        assert_eq!(all(ImportKind::Customers, &shopify), ["street", "city", "postcode", ""]);
        let german = ["Vorname", "E-Mail", "Telefon", "Geburtsdatum", "Postleitzahl"];
        assert_eq!(all(ImportKind::Customers, &german), ["first_name", "email", "phone", "birthday", "postcode"]);

        let orders = [
            "Name",
            "Email",
            "Created at",
            "Lineitem quantity",
            "Lineitem name",
            "Lineitem price",
            "Lineitem sku",
            "Total",
            "Payment Method",
        ];
        assert_eq!(
            all(ImportKind::Purchases, &orders),
            ["order_id", "email", "date", "quantity", "item", "unit_price", "sku", "total", "payment_method"]
        );
        let woo =
            ["Order Number", "Order Date", "Billing Email", "Billing Phone", "Order Total", "Payment Method Title"];
        assert_eq!(all(ImportKind::Purchases, &woo), ["order_id", "date", "email", "phone", "total", "payment_method"]);
        let products = ["Variant SKU", "Title", "Variant Price", "Type", "Image Src"];
        assert_eq!(all(ImportKind::Products, &products), ["sku", "name", "price", "category", "image_url"]);
        assert_eq!(suggest(ImportKind::Customers, "Favourite colour"), "");
    }

    #[test]
    fn a_customer_export_in_any_language_is_read_back() {
        use crate::admin::segments::subject_name;
        use crate::domain::CustomerField;
        use crate::staff::texts::{Lang, of};
        for lang in Lang::ALL {
            for column in crate::admin::segments::export::COLUMNS {
                if CustomerField::from_column(column).is_none() && column != "tags" {
                    continue;
                }
                let header = subject_name(of(lang), column);
                assert_eq!(suggest(ImportKind::Customers, header), column, "{}: {header}", lang.code());
            }
        }
    }
}
