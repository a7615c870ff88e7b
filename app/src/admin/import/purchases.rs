//! Reading a shop's past purchases from CSV: rows with the same order number are one
//! purchase (Shopify and WooCommerce write a row per line and the order's own fields on
//! the first), each with a date, the customer's email or phone, its lines or a total, and
//! a payment method. Every problem carries its line in the file.

use super::rows::{cell, column_day_order};
use crate::domain::date_spelling::{self, DayOrder};
use crate::domain::{Email, Field, Minor, PaymentMethod, Phone, Problem, RowProblem};
use std::collections::HashMap;

/// A purchase line as the file gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub sku: Option<String>,
    pub description: String,
    pub quantity: i64,
    pub unit_price: Minor,
}

/// One order of the file, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Order {
    /// The line of its first row.
    pub line: usize,
    pub order_id: String,
    /// UTC, as Patron stores times.
    pub at: String,
    pub email: Option<Email>,
    pub phone: Option<Phone>,
    pub lines: Vec<Line>,
    pub subtotal: Minor,
    pub discount: Minor,
    pub method: PaymentMethod,
}

/// Longest order number kept (the API's `external_id` has the same bound).
pub const MAX_ORDER_ID: usize = 100;
/// Most lines one order may have.
pub const MAX_LINES: usize = 1_000;

/// An order while its rows are read.
#[derive(Default)]
struct Draft {
    line: usize,
    order_id: String,
    date: Option<String>,
    email: Option<Email>,
    phone: Option<Phone>,
    lines: Vec<Line>,
    total: Option<Minor>,
    method: Option<PaymentMethod>,
    bad: bool,
}

/// An amount as exports write it: `12.50`, `12,50`, `€ 12.50`, `12.50 EUR`, `1,234.50`.
pub fn amount(raw: &str) -> Result<Minor, Problem> {
    let s = raw.trim().trim_matches(|c: char| "€$£¥".contains(c) || c.is_ascii_alphabetic() || c.is_whitespace());
    if s.is_empty() && !raw.trim().is_empty() {
        return Err(Problem::NotAnAmount);
    }
    // With both separators the first is for thousands (`1,234.50`, `1.234,50`).
    let s = match (s.find(','), s.find('.')) {
        (Some(c), Some(d)) => s.replace(if c < d { ',' } else { '.' }, ""),
        _ => s.to_owned(),
    };
    Minor::parse(&s)
}

/// The payment method of a cell as tills and shop systems name them; anything else (a
/// bank transfer, PayPal, an empty cell) is "other".
pub fn payment_method(raw: &str) -> PaymentMethod {
    let s: String = raw.to_lowercase().chars().filter(|c| c.is_alphanumeric()).collect();
    let has = |words: &[&str]| words.iter().any(|w| s.contains(w));
    if let Some(code) = PaymentMethod::from_code(&s) {
        code
    } else if has(&["cash", "contant", "bargeld", "barzahlung", "kateinen", "dinheiro", "numerario", "efectivo"]) {
        PaymentMethod::Cash
    } else if has(&["giftcard", "voucher", "cadeau", "gutschein", "lahjakortti", "valeoferta"]) {
        PaymentMethod::Voucher
    } else if has(&["applepay", "googlepay", "mobilepay", "twint", "mbway", "swish", "vipps", "tikkie"]) {
        PaymentMethod::Mobile
    } else if has(&[
        "card",
        "credit",
        "debit",
        "visa",
        "mastercard",
        "maestro",
        "amex",
        "pin",
        "kortti",
        "cartao",
        "karte",
    ]) || has(&["shopifypayments", "stripe", "sumup", "zettle", "adyen"])
    {
        PaymentMethod::Card
    } else if has(&["invoice", "factuur", "rechnung", "lasku", "fatura", "factura"]) {
        PaymentMethod::Invoice
    } else {
        PaymentMethod::Other
    }
}

/// Every order of the file (`records` are its rows with their lines), and every problem.
/// `fallback` is the day order of the site's country, for a date column that shows none.
/// An order with a bad row is left out whole.
pub fn orders(
    records: &[(usize, Vec<String>)],
    mapping: &[Option<String>],
    fallback: DayOrder,
    now: &str,
) -> (Vec<Order>, Vec<RowProblem>) {
    let order = column_day_order(records, mapping, "date", fallback);
    let mut problems = Vec::new();
    let mut drafts: Vec<Draft> = Vec::new();
    let mut by_id: HashMap<String, usize> = HashMap::new();
    for (line, record) in records {
        let line = *line;
        let mut bad = |field, problem| problems.push(RowProblem { row: line, field, problem });
        let Some(id) = cell(record, mapping, "order_id") else {
            bad(Field::Code, Problem::Required);
            continue;
        };
        if id.chars().count() > MAX_ORDER_ID || id.chars().any(char::is_control) {
            bad(Field::Code, Problem::TooLong);
            continue;
        }
        let index = *by_id.entry(id.to_owned()).or_insert_with(|| {
            drafts.push(Draft { line, order_id: id.to_owned(), ..Draft::default() });
            drafts.len() - 1
        });
        let draft = &mut drafts[index];
        let before = problems.len();
        let mut bad = |field, problem| problems.push(RowProblem { row: line, field, problem });
        if let Some(raw) = cell(record, mapping, "date").filter(|_| draft.date.is_none()) {
            match date_spelling::read(raw, order).map(|d| d.utc_timestamp()) {
                Ok(Some(at)) if at.as_str() <= now => draft.date = Some(at),
                Ok(Some(_)) => bad(Field::PurchaseDate, Problem::OutOfRange),
                Ok(None) => bad(Field::PurchaseDate, Problem::NotADate),
                Err(p) => bad(Field::PurchaseDate, p),
            }
        }
        if let Some(raw) = cell(record, mapping, "email").filter(|_| draft.email.is_none()) {
            match Email::parse(raw) {
                Ok(e) => draft.email = Some(e),
                Err(p) => bad(Field::Email, p),
            }
        }
        if let Some(raw) = cell(record, mapping, "phone").filter(|_| draft.phone.is_none()) {
            match Phone::parse(raw) {
                Ok(p) => draft.phone = Some(p),
                Err(p) => bad(Field::Phone, p),
            }
        }
        if let Some(raw) = cell(record, mapping, "total").filter(|_| draft.total.is_none()) {
            match amount(raw) {
                Ok(t) => draft.total = Some(t),
                Err(p) => bad(Field::Amount, p),
            }
        }
        if let Some(raw) = cell(record, mapping, "payment_method").filter(|_| draft.method.is_none()) {
            draft.method = Some(payment_method(raw));
        }
        let (sku, item, price) =
            (cell(record, mapping, "sku"), cell(record, mapping, "item"), cell(record, mapping, "unit_price"));
        if sku.is_some() || item.is_some() || price.is_some() {
            let quantity = match cell(record, mapping, "quantity") {
                None => Ok(1),
                Some(q) => q
                    .parse::<i64>()
                    .map_err(|_| Problem::NotANumber)
                    .and_then(|q| if (1..=9999).contains(&q) { Ok(q) } else { Err(Problem::OutOfRange) }),
            };
            let quantity = quantity.map_err(|p| bad(Field::Quantity, p)).ok();
            let price = price.map_or(Err(Problem::Required), amount).map_err(|p| bad(Field::UnitPrice, p)).ok();
            let description = match item.or(sku) {
                Some(d) if d.chars().count() > 200 => Err(Problem::TooLong),
                Some(d) if d.chars().any(char::is_control) => Err(Problem::BadCharacters),
                Some(d) => Ok(d.to_owned()),
                None => Err(Problem::Required),
            };
            let description = description.map_err(|p| bad(Field::Description, p)).ok();
            if let (Some(quantity), Some(unit_price), Some(description)) = (quantity, price, description) {
                if draft.lines.len() < MAX_LINES {
                    draft.lines.push(Line { sku: sku.map(str::to_owned), description, quantity, unit_price });
                } else {
                    bad(Field::Lines, Problem::TooLong);
                }
            }
        }
        if problems.len() > before {
            draft.bad = true;
        }
    }
    let mut orders = Vec::with_capacity(drafts.len());
    for draft in drafts.into_iter().filter(|d| !d.bad) {
        let mut bad = |field, problem| problems.push(RowProblem { row: draft.line, field, problem });
        let Some(at) = draft.date else {
            bad(Field::PurchaseDate, Problem::Required);
            continue;
        };
        if draft.email.is_none() && draft.phone.is_none() {
            bad(Field::Row, Problem::NeedsEmailOrPhone);
            continue;
        }
        match settle(draft.lines, draft.total, &draft.order_id) {
            Ok((lines, subtotal, discount)) => orders.push(Order {
                line: draft.line,
                order_id: draft.order_id,
                at,
                email: draft.email,
                phone: draft.phone,
                lines,
                subtotal,
                discount,
                method: draft.method.unwrap_or(PaymentMethod::Other),
            }),
            Err(p) => bad(Field::Amount, p),
        }
    }
    problems.sort_by_key(|p| p.row);
    (orders, problems)
}

/// The lines, subtotal and discount of an order. A total below the lines' sum is a
/// discount; a total above it (shipping, taxes added on top) becomes a line of its own,
/// so the customer's spend is what they paid. An order of a total alone is one line.
fn settle(mut lines: Vec<Line>, total: Option<Minor>, order_id: &str) -> Result<(Vec<Line>, Minor, Minor), Problem> {
    let mut sum: i64 = 0;
    for l in &lines {
        sum = l.quantity.checked_mul(l.unit_price.0).and_then(|x| x.checked_add(sum)).ok_or(Problem::OutOfRange)?;
    }
    let extra =
        |description: String, amount: i64| Line { sku: None, description, quantity: 1, unit_price: Minor(amount) };
    let discount = match total {
        None if lines.is_empty() => return Err(Problem::Required),
        None => 0,
        Some(t) if lines.is_empty() => {
            lines.push(extra(format!("Order {order_id}"), t.0));
            sum = t.0;
            0
        }
        Some(t) if t.0 <= sum => sum - t.0,
        Some(t) => {
            lines.push(extra("Other charges (shipping, taxes)".into(), t.0 - sum));
            sum = t.0;
            0
        }
    };
    if sum > Minor::MAX {
        return Err(Problem::OutOfRange);
    }
    Ok((lines, Minor(sum), Minor(discount)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mapping(targets: &[&str]) -> Vec<Option<String>> {
        targets.iter().map(|t| (!t.is_empty()).then(|| (*t).to_owned())).collect()
    }

    fn records(rows: &[&[&str]]) -> Vec<(usize, Vec<String>)> {
        rows.iter().enumerate().map(|(i, r)| (i + 2, r.iter().map(|c| (*c).to_owned()).collect())).collect()
    }

    #[test]
    fn a_shopify_export_becomes_one_purchase_per_order() {
        let m =
            mapping(&["order_id", "email", "date", "quantity", "item", "unit_price", "sku", "total", "payment_method"]);
        let rows = records(&[
            &[
                "#1001",
                "ann@example.com",
                "2024-03-05 10:15:00 +0100",
                "2",
                "Rye bread",
                "4.60",
                "RYE-1",
                "12.20",
                "shopify_payments",
            ],
            &["#1001", "", "", "1", "Croissant", "1.50", "", "", ""],
            &["#1002", "ben@example.com", "2024-03-06 09:00:00 +0100", "1", "Stollen", "15.00", "", "13.50", "Cash"],
        ]);
        let (orders, problems) = orders(&rows, &m, DayOrder::DayFirst, "2026-01-01");
        assert_eq!(problems, []);
        assert_eq!(orders.len(), 2);
        let first = &orders[0];
        assert_eq!((first.order_id.as_str(), first.at.as_str()), ("#1001", "2024-03-05T09:15:00.000Z"));
        assert_eq!(first.lines.len(), 3, "two lines and the shipping on top");
        assert_eq!((first.subtotal, first.discount), (Minor(1220), Minor(0)));
        assert_eq!(first.method, PaymentMethod::Card);
        let second = &orders[1];
        assert_eq!((second.subtotal, second.discount), (Minor(1500), Minor(150)));
        assert_eq!(second.method, PaymentMethod::Cash);
    }

    #[test]
    fn an_order_of_a_total_alone_is_one_line() {
        let m = mapping(&["order_id", "date", "phone", "total", "payment_method"]);
        let rows = records(&[&["A-7", "31/12/2023", "06 12345678", "€ 1.234,50", "PIN"]]);
        let (orders, problems) = orders(&rows, &m, DayOrder::MonthFirst, "2026-01-01");
        assert_eq!(problems, []);
        assert_eq!(orders[0].at, "2023-12-31T12:00:00.000Z", "31 shows the day comes first");
        assert_eq!((orders[0].lines.len(), orders[0].subtotal), (1, Minor(123_450)));
        assert_eq!(orders[0].method, PaymentMethod::Card);
    }

    #[test]
    fn every_bad_row_is_named_and_its_order_left_out() {
        let m = mapping(&["order_id", "date", "email", "item", "unit_price", "quantity"]);
        let rows = records(&[
            &["1", "2024-03-05", "ann@example.com", "Rye", "4.60", "1"],
            &["1", "", "", "Bun", "abc", "1"],
            &["2", "2024-02-30", "ben@example.com", "Rye", "4.60", "1"],
            &["3", "2024-03-05", "", "Rye", "4.60", "1"],
            &["", "2024-03-05", "cy@example.com", "Rye", "4.60", "1"],
            &["4", "2030-01-01", "dee@example.com", "Rye", "4.60", "0"],
            &["5", "2024-03-05", "eve@example.com", "Rye", "4.60", "3"],
        ]);
        let (orders, problems) = orders(&rows, &m, DayOrder::DayFirst, "2026-01-01");
        let found: Vec<(usize, Field, Problem)> = problems.iter().map(|p| (p.row, p.field, p.problem)).collect();
        assert_eq!(
            found,
            [
                (3, Field::UnitPrice, Problem::NotAnAmount),
                (4, Field::PurchaseDate, Problem::NotADate),
                (5, Field::Row, Problem::NeedsEmailOrPhone),
                (6, Field::Code, Problem::Required),
                (7, Field::PurchaseDate, Problem::OutOfRange),
                (7, Field::Quantity, Problem::OutOfRange),
            ]
        );
        let kept: Vec<&str> = orders.iter().map(|o| o.order_id.as_str()).collect();
        assert_eq!(kept, ["5"], "order 1 has a bad row, so none of it is imported");
    }

    #[test]
    fn amounts_and_methods_are_read_as_exports_write_them() {
        assert_eq!(amount("1,234.50"), Ok(Minor(123_450)));
        assert_eq!(amount("12.50 EUR"), Ok(Minor(1250)));
        assert_eq!(amount("-3"), Err(Problem::NotAnAmount));
        assert_eq!(amount("abc"), Err(Problem::NotAnAmount));
        assert_eq!(payment_method("Apple Pay"), PaymentMethod::Mobile);
        assert_eq!(payment_method("Gift card"), PaymentMethod::Voucher);
        assert_eq!(payment_method("Bank transfer"), PaymentMethod::Other);
        assert_eq!(payment_method("invoice"), PaymentMethod::Invoice);
    }
}
