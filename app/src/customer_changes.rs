//! Changes to a customer's fields, each with its line in the record's history (who, when, the
//! old and the new value, sealed): made by staff on the record, by the customer on their own
//! page, by a widget or through the REST API.

use crate::db::Conn;
use crate::domain::{CustomerField, CustomerId, FieldValue, StaffId};
// AssertSqlSafe: column names in these statements come from `CustomerField`, never input.
use crate::db::Db;
use crate::pii::PiiKey;
use sqlx::AssertSqlSafe;

/// What came of an [`update_field`].
pub enum Updated {
    Done,
    NoSuchCustomer,
    EmailTaken,
}

/// Sets one field and records the change in the same transaction; a value equal to the
/// old one changes nothing and records nothing.
pub async fn update_field(
    pool: &Db,
    id: CustomerId,
    staff: StaffId,
    field: CustomerField,
    value: &FieldValue,
    requested: bool,
) -> sqlx::Result<Updated> {
    update_field_by(pool, id, Some(staff), field, value, requested).await
}

/// [`update_field`] by staff (`Some`) or by the customer on their own page (`None`, always a
/// rectification they asked for, logged as a self-service request).
pub async fn update_field_by(
    pool: &Db,
    id: CustomerId,
    staff: Option<StaffId>,
    field: CustomerField,
    value: &FieldValue,
    requested: bool,
) -> sqlx::Result<Updated> {
    let mut tx = pool.begin_write().await?;
    let source = if staff.is_some() { ChangeSource::Staff } else { ChangeSource::Customer };
    match set_in(&mut tx, pool.pii(), id, staff, source, field, value).await? {
        Set::Changed => {}
        Set::Unchanged => return Ok(Updated::Done),
        Set::NoSuchCustomer => return Ok(Updated::NoSuchCustomer),
        Set::EmailTaken => return Ok(Updated::EmailTaken),
    }
    if requested {
        // The request log names the field, never the values (the history keeps those).
        let channel = if staff.is_some() { "admin" } else { "self_service" };
        sqlx::query(
            "INSERT INTO privacy_requests (site_id, customer_id, kind, channel, state, done_at, staff_id, outcome)
             SELECT site_id, id, 'rectification', $1, 'done', $5, $2, $3
             FROM customers WHERE id = $4",
        )
        .bind(channel)
        .bind(staff)
        .bind(crate::domain::RequestOutcome::Corrected(field).code())
        .bind(id)
        .bind(crate::db::now())
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(Updated::Done)
}

/// What came of a [`set_in`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Set {
    Changed,
    Unchanged,
    NoSuchCustomer,
    EmailTaken,
}

/// Sets one field in the caller's transaction and records the change made by `source`;
/// a value equal to the old one changes nothing and records nothing.
pub async fn set_in(
    tx: &mut Conn,
    pii: &PiiKey,
    id: CustomerId,
    staff: Option<StaffId>,
    source: ChangeSource,
    field: CustomerField,
    value: &FieldValue,
) -> sqlx::Result<Set> {
    let column = field.column();
    let old: Option<Option<String>> =
        sqlx::query_scalar(AssertSqlSafe(format!("SELECT {} FROM customers c WHERE id = $1", field.stored_sql("c"))))
            .bind(id)
            .fetch_optional(&mut *tx)
            .await?;
    let Some(old) = old else {
        return Ok(Set::NoSuchCustomer);
    };
    let old = crate::pii::read_field(pii, field, old)?.filter(|v| !v.is_empty());
    // A phone number is kept as its site stores it (E.164 where the site has a country).
    let read_in_country;
    let value = match (field, value) {
        (CustomerField::Phone, FieldValue::Text(typed)) => match crate::domain::Phone::parse(typed) {
            Ok(phone) => {
                let stored = crate::sites::phones::stored_for(&mut *tx, id, &phone).await?;
                read_in_country = FieldValue::Text(stored.as_str().to_owned());
                &read_in_country
            }
            Err(_) => value,
        },
        _ => value,
    };
    let new = value.shown();
    if old == new {
        return Ok(Set::Unchanged);
    }
    // The blind indexes that follow the field change in the same statement.
    let indexes = crate::pii::blind::of_field(pii, field, new.as_deref());
    // $1 the value, then the indexes' values, the id, and the time.
    let also: String = indexes.iter().enumerate().map(|(i, (index, _))| format!("{index} = ${}, ", i + 2)).collect();
    let (id_at, now_at) = (indexes.len() + 2, indexes.len() + 3);
    // `column` and the indexes are from fixed lists; the values are always bound.
    let sql = format!("UPDATE customers SET {column} = $1, {also}updated_at = ${now_at} WHERE id = ${id_at}");
    let query = sqlx::query(AssertSqlSafe(sql));
    let mut query = match value {
        FieldValue::Text(s) => query.bind(crate::pii::stored_field(pii, field, s)),
        FieldValue::Number(n) => query.bind(*n),
        FieldValue::Empty if field.nullable() => query.bind(None::<String>),
        FieldValue::Empty => query.bind(String::new()),
    };
    for (_, index) in indexes {
        query = query.bind(index);
    }
    match query.bind(id).bind(crate::db::now()).execute(&mut *tx).await {
        Ok(_) => {}
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => return Ok(Set::EmailTaken),
        Err(e) => return Err(e),
    }
    record_change_by(tx, pii, id, staff, source, column, old.as_deref(), new.as_deref()).await?;
    Ok(Set::Changed)
}

/// One change in the record's history; `staff` is `None` for the customer's own change.
/// Both values are sealed: the history of a name or an email is as personal as the name.
pub async fn record_change(
    tx: &mut Conn,
    pii: &PiiKey,
    id: CustomerId,
    staff: impl Into<Option<StaffId>>,
    field: &str,
    old: Option<&str>,
    new: Option<&str>,
) -> sqlx::Result<()> {
    record_change_by(tx, pii, id, staff.into(), ChangeSource::Staff, field, old, new).await
}

/// Who made a change the history records, besides staff.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChangeSource {
    Staff,
    /// The customer, on their own page (a rectification).
    Customer,
    /// A widget: a profile answer, a confirmed signup filling in the record.
    Widget,
    /// The REST API, with a key of the shop's.
    Api,
}

impl ChangeSource {
    pub fn code(self) -> &'static str {
        match self {
            ChangeSource::Staff => "staff",
            ChangeSource::Customer => "customer",
            ChangeSource::Widget => "widget",
            ChangeSource::Api => "api",
        }
    }
}

/// Records one change of a field (sealed, as the record's values are) and who made it.
#[allow(clippy::too_many_arguments)] // one history line's facts, each its own column
pub async fn record_change_by(
    tx: &mut Conn,
    pii: &PiiKey,
    id: CustomerId,
    staff: Option<StaffId>,
    source: ChangeSource,
    field: &str,
    old: Option<&str>,
    new: Option<&str>,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO customer_changes (customer_id, staff_id, source, field, old_value, new_value)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(staff)
    .bind(source.code())
    .bind(field)
    .bind(pii.seal_opt(old))
    .bind(pii.seal_opt(new))
    .execute(&mut *tx)
    .await?;
    Ok(())
}
