//! English.

use super::*;
use crate::staff::texts::plural::counted;

pub const IMPORT: Import = Import {
    customers: ImportKindWords {
        title: "Import customers",
        explained: "A CSV file with a header row, comma- or semicolon-separated. Each row needs an email or a phone: \
                    a customer with that email (or else phone) is updated where the file differs, anyone else is \
                    added. Importing the same file again changes nothing.",
        would: |new, updated, unchanged| {
            format!("{}, {updated} updated, {unchanged} unchanged", counted(new, "new customer", "new customers"))
        },
        done: |new, updated, unchanged| format!("Done: {new} new, {updated} updated, {unchanged} unchanged."),
    },
    products: ImportKindWords {
        title: "Import products",
        explained: "A CSV file with a header row: a SKU, a name and a price on every row. A product with that SKU is \
                    updated where the file differs, any other is added; nothing is archived. Importing the same file \
                    again changes nothing.",
        would: |new, updated, unchanged| {
            format!("{}, {updated} updated, {unchanged} unchanged", counted(new, "new product", "new products"))
        },
        done: |new, updated, unchanged| {
            format!("Done: {}, {updated} updated, {unchanged} unchanged.", counted(new, "new product", "new products"))
        },
    },
    purchases: ImportKindWords {
        title: "Import past purchases",
        explained: "Your old till's or web shop's orders as CSV: an order number, a date, the customer's email or \
                    phone, and either its lines (item, quantity, unit price) or a total. Rows with the same order \
                    number are one purchase. Customers are matched as the customer import matches them, and added \
                    when new. An order number already here is left as it is, so importing the file again changes \
                    nothing. Past purchases earn no loyalty stamps or points and send no webhooks.",
        would: |purchases, customers, here| {
            format!(
                "{} to add (with {}), {here} already here",
                counted(purchases, "purchase", "purchases"),
                counted(customers, "new customer", "new customers")
            )
        },
        done: |purchases, customers, here| {
            format!(
                "Done: {} added, {}, {here} already here.",
                counted(purchases, "purchase", "purchases"),
                counted(customers, "new customer", "new customers")
            )
        },
    },
    kinds: "What to import",
    file: "CSV file",
    map_rows: |n| format!("{} · map the columns", counted(n as i64, "row", "rows")),
    column: "Column",
    import_as: "Import as",
    first_rows: "First rows",
    import_column_as: |column| format!("Import column {column} as"),
    skip: "(skip this column)",
    target: |code| match code {
        "address" => "Address in one (split into street, postcode, city…)",
        "tags" => "Tags (comma-separated)",
        "sku" => "SKU",
        "name" => "Name",
        "price" => "Price",
        "category" => "Category",
        "image_url" => "Image address",
        "stock_expected" => "Expected in stock (date)",
        "order_id" => "Order number",
        "date" => "Date",
        "item" => "Line: item name",
        "quantity" => "Line: quantity",
        "unit_price" => "Line: unit price",
        "total" => "Order total",
        "payment_method" => "Payment method",
        _ => "",
    },
    customer_email: "Customer email",
    customer_phone: "Customer phone",
    name_in: |language| format!("Name ({language})"),
    check: "Check the file (dry run)",
    problems: |n| {
        format!(
            "{}: fix these rows in the file, or import the valid rows and fix the rest later.",
            counted(n as i64, "problem", "problems")
        )
    },
    more: |n| format!("… and {n} more, all in the file of rejected rows."),
    download_rejected: "Download the rejected rows (CSV)",
    import_valid: "Import the valid rows",
    import: "Import",
    progress: "Import progress",
    rows_done: |done, total| format!("{done} of {total} rows…"),
    skipped: |n| {
        if n == 1 {
            "1 row with problems was left out.".into()
        } else {
            format!("{n} rows with problems were left out.")
        }
    },
    failed: "The import stopped; the rows before it are saved. Run it again: rows already in are not duplicated.",
    line: |line, field, problem| format!("Line {line} · {field}: {problem}"),
    field: |field| match field {
        Field::Tags => "Tags",
        Field::Item => "SKU",
        Field::ProductName => "Name",
        Field::UnitPrice => "Price",
        Field::Category => "Category",
        Field::ImageUrl => "Image address",
        Field::StockExpected => "Expected in stock",
        Field::Language => "Name language",
        Field::PurchaseDate => "Date",
        Field::Email => "Customer email",
        Field::Phone => "Customer phone",
        Field::Description => "Item name",
        Field::Quantity => "Quantity",
        Field::Amount => "Order total",
        Field::Code => "Order number",
        Field::PaymentMethod => "Payment method",
        Field::Customer(_) => "",
        _ => "Row",
    },
    problem_column: "Problem",
    other_line_of_order: "Another row of this order has a problem.",
};
