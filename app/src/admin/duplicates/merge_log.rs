//! What a merge writes in its log (`customer_merges`) and how undo reads it back: the
//! merged customer's row as a JSON object, the keys of the rows it moved per table, the
//! favourites and tags it dropped. Built and read in Rust (`db::json_value` of each column)
//! rather than with the database's JSON functions, which SQLite and PostgreSQL spell
//! differently (docs/postgres.md). Logs written before keep their meaning: their moved rows
//! are named by SQLite's `rowid`, which is the `id` of every table that has one.

use super::db::CUSTOMER_COLUMNS;
use crate::db::{Conn, Dialect};
use serde_json::{Map, Value, json};
use sqlx::AssertSqlSafe;

/// The columns of `customers` that hold integers; the others hold text. A logged value is
/// bound as text and cast back where the column needs it.
const INTEGER_COLUMNS: [&str; 3] = ["id", "site_id", "household_size"];

/// The parameter `param` as a value of `column`.
pub fn typed(column: &str, param: &str) -> String {
    if INTEGER_COLUMNS.contains(&column) { format!("CAST({param} AS BIGINT)") } else { param.to_owned() }
}

/// A logged value as the text it is compared and bound as (`None`: null).
pub fn text(value: &Value) -> Option<String> {
    match value {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    }
}

/// The customer's row, every column of [`CUSTOMER_COLUMNS`] (sealed values sealed).
pub async fn customer_row(conn: &mut Conn, id: i64) -> sqlx::Result<Map<String, Value>> {
    let sql = format!("SELECT {} FROM customers WHERE id = $1", CUSTOMER_COLUMNS.join(", "));
    let row = sqlx::query(AssertSqlSafe(sql)).bind(id).fetch_one(conn).await?;
    let mut out = Map::new();
    for (i, column) in CUSTOMER_COLUMNS.iter().enumerate() {
        out.insert((*column).to_owned(), crate::db::json_value(&row, i)?);
    }
    Ok(out)
}

/// Inserts a logged customer row again, with its id.
pub async fn restore_customer(conn: &mut Conn, row: &Map<String, Value>) -> sqlx::Result<()> {
    let values: Vec<String> =
        CUSTOMER_COLUMNS.iter().enumerate().map(|(i, c)| typed(c, &format!("${}", i + 1))).collect();
    let sql = format!("INSERT INTO customers ({}) VALUES ({})", CUSTOMER_COLUMNS.join(", "), values.join(", "));
    let mut query = sqlx::query(AssertSqlSafe(sql));
    for column in CUSTOMER_COLUMNS {
        query = query.bind(row.get(column).and_then(text));
    }
    query.execute(conn).await?;
    Ok(())
}

/// The column that tells a row of `table` from its customer's other rows: its id, or what
/// the table is keyed by besides the customer.
fn key_of(table: &str) -> &'static str {
    match table {
        "favourites" => "item_id",
        "customer_tags" => "tag",
        "visitor_links" => "token_hash",
        "loyalty_members" => "customer_id",
        _ => "id",
    }
}

/// Where the log keeps the moved keys of `table`: rows with an id under the table's name
/// (logs written before have their rowid there, the same number), the others under
/// `table.key` (logs written before have a rowid under the table's name).
fn entry(table: &str) -> String {
    match key_of(table) {
        "id" => table.to_owned(),
        key => format!("{table}.{key}"),
    }
}

/// The log entry of the rows of `table` that belong to `customer`, read before they move.
pub async fn moving(conn: &mut Conn, table: &str, customer: i64) -> sqlx::Result<(String, Value)> {
    let key = key_of(table);
    let sql = format!("SELECT {key} FROM {table} WHERE customer_id = $1");
    let rows = sqlx::query(AssertSqlSafe(sql)).bind(customer).fetch_all(conn).await?;
    let keys = rows.iter().map(|r| crate::db::json_value(r, 0)).collect::<sqlx::Result<Vec<_>>>()?;
    Ok((entry(table), Value::Array(keys)))
}

/// Moves the rows of `table` the log says the merge moved back from `target` to `source`.
pub async fn move_back(
    conn: &mut Conn,
    moved: &Map<String, Value>,
    table: &str,
    source: i64,
    target: i64,
) -> sqlx::Result<()> {
    let key = key_of(table);
    let (keys, column) = match (moved.get(&entry(table)), moved.get(table)) {
        (Some(keys), _) => (keys, key),
        (None, Some(keys)) if key == "id" => (keys, "id"),
        // Written before keys were logged: only SQLite's logs, which name the row's rowid.
        (None, Some(keys)) => (keys, "rowid"),
        (None, None) => return Ok(()),
    };
    if keys.as_array().is_none_or(Vec::is_empty) {
        return Ok(());
    }
    if table == "loyalty_members" {
        // Keyed by the customer: the card that moved is the one the target has now.
        sqlx::query("UPDATE loyalty_members SET customer_id = $1 WHERE customer_id = $2")
            .bind(source)
            .bind(target)
            .execute(conn)
            .await?;
        return Ok(());
    }
    let dialect = Dialect::of(conn);
    let set = if matches!(column, "tag" | "token_hash") { dialect.texts_in("$3") } else { dialect.ids_in("$3") };
    let sql = format!("UPDATE {table} SET customer_id = $1 WHERE customer_id = $2 AND {column} IN {set}");
    sqlx::query(AssertSqlSafe(sql)).bind(source).bind(target).bind(keys.to_string()).execute(conn).await?;
    Ok(())
}

/// The favourites and tags of `source` that `target` has too, which the merge drops.
pub async fn dropping(conn: &mut Conn, source: i64, target: i64) -> sqlx::Result<Value> {
    let favourites: Vec<(i64, String)> = sqlx::query_as(
        "SELECT item_id, created_at FROM favourites
         WHERE customer_id = $1 AND item_id IN (SELECT item_id FROM favourites WHERE customer_id = $2)",
    )
    .bind(source)
    .bind(target)
    .fetch_all(&mut *conn)
    .await?;
    let tags: Vec<String> = sqlx::query_scalar(
        "SELECT tag FROM customer_tags WHERE customer_id = $1 AND tag IN (SELECT tag FROM customer_tags WHERE customer_id = $2)",
    )
    .bind(source)
    .bind(target)
    .fetch_all(&mut *conn)
    .await?;
    Ok(json!({
        "favourites": favourites.iter().map(|(item, at)| json!({"item_id": item, "created_at": at})).collect::<Vec<_>>(),
        "customer_tags": tags.iter().map(|tag| json!({"tag": tag})).collect::<Vec<_>>(),
    }))
}

/// Gives `source` its dropped favourites and tags back (but a product deleted since).
pub async fn restore_dropped(conn: &mut Conn, dropped: &Value, source: i64) -> sqlx::Result<()> {
    for favourite in dropped["favourites"].as_array().into_iter().flatten() {
        let at = favourite["created_at"].as_str().map_or_else(crate::db::now, str::to_owned);
        sqlx::query(
            "INSERT INTO favourites (customer_id, item_id, created_at)
             SELECT $1, $2, $3 WHERE EXISTS (SELECT 1 FROM catalogue_items WHERE id = $2)
             ON CONFLICT DO NOTHING",
        )
        .bind(source)
        .bind(favourite["item_id"].as_i64())
        .bind(at)
        .execute(&mut *conn)
        .await?;
    }
    for tag in dropped["customer_tags"].as_array().into_iter().flatten() {
        sqlx::query("INSERT INTO customer_tags (customer_id, tag) VALUES ($1, $2) ON CONFLICT DO NOTHING")
            .bind(source)
            .bind(tag["tag"].as_str())
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}
