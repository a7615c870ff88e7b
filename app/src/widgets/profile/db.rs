//! SQL of progressive profiling.

use crate::db::{Db, Flag};
use crate::domain::{CustomerId, ProfileField, SiteId};
use sqlx::Row;

/// The site's profile questions, in its order.
pub async fn site_fields(pool: &Db, site: SiteId) -> sqlx::Result<Vec<ProfileField>> {
    let codes: Vec<String> =
        sqlx::query_scalar("SELECT field FROM site_profile_fields WHERE site_id = $1 ORDER BY position")
            .bind(site)
            .fetch_all(pool)
            .await?;
    Ok(codes.iter().filter_map(|c| ProfileField::from_code(c)).collect())
}

/// The site's questions the customer has not answered yet, in the site's order.
pub async fn unanswered(pool: &Db, site: SiteId, customer: CustomerId) -> sqlx::Result<Vec<ProfileField>> {
    let row = sqlx::query(
        "SELECT birthday IS NULL AS birthday, postcode = '' AS postcode, household_size IS NULL AS household_size,
                income_range IS NULL AS income_range, occupation IS NULL AS occupation,
                preferred_channel IS NULL AS preferred_channel
         FROM customers WHERE id = $1",
    )
    .bind(customer)
    .fetch_one(pool)
    .await?;
    let missing = |f: ProfileField| row.get::<Flag, _>(f.code()).0;
    Ok(site_fields(pool, site).await?.into_iter().filter(|f| missing(*f)).collect())
}

/// Stores parsed answers on the customer, in one statement per field, in one transaction,
/// each written to the record's history as the widget's.
pub async fn save(pool: &Db, customer: CustomerId, answers: &[(ProfileField, String)]) -> sqlx::Result<()> {
    let mut tx = pool.begin_write().await?;
    for (field, value) in answers {
        // The value before, as the record's history keeps values (text; blank is none). Every
        // profile field is a customer column, read as the record reads it.
        let on_record =
            crate::domain::CustomerField::from_column(field.code()).expect("profile fields are customer columns");
        let read = format!("SELECT {} FROM customers c WHERE id = $1", on_record.stored_sql("c"));
        let old: Option<String> =
            sqlx::query_scalar(sqlx::AssertSqlSafe(read)).bind(customer).fetch_one(&mut *tx).await?;
        let old = crate::pii::read_field(pool.pii(), on_record, old)?.filter(|v| !v.is_empty());
        // One fixed statement per field: column names never come from input.
        let sql = match field {
            ProfileField::Birthday => "UPDATE customers SET birthday = $1, updated_at = $3 WHERE id = $2",
            ProfileField::Postcode => "UPDATE customers SET postcode = $1, updated_at = $3 WHERE id = $2",
            ProfileField::HouseholdSize => {
                "UPDATE customers SET household_size = CAST($1 AS INTEGER), updated_at = $3 WHERE id = $2"
            }
            ProfileField::IncomeRange => "UPDATE customers SET income_range = $1, updated_at = $3 WHERE id = $2",
            ProfileField::Occupation => "UPDATE customers SET occupation = $1, updated_at = $3 WHERE id = $2",
            ProfileField::PreferredChannel => {
                "UPDATE customers SET preferred_channel = $1, updated_at = $3 WHERE id = $2"
            }
        };
        sqlx::query(sql).bind(value).bind(customer).bind(crate::db::now()).execute(&mut *tx).await?;
        if old.as_deref() != Some(value.as_str()) {
            use crate::customer_changes::{ChangeSource, record_change_by};
            let column = field.code();
            record_change_by(
                &mut tx,
                pool.pii(),
                customer,
                None,
                ChangeSource::Widget,
                column,
                old.as_deref(),
                Some(value.as_str()),
            )
            .await?;
        }
    }
    tx.commit().await
}
