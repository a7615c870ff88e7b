//! SQL of the customer record.

use super::api::{
    Answer, Change, ChangedBy, ConsentEvent, CustomerRecord, InteractionView, OptionName, PurchaseLine, PurchaseView,
    ReservationView, ReturnView, Said, SpendStats, Visit,
};
use crate::customer_changes::record_change;
use crate::domain::{CustomerField, CustomerId, InteractionKind, Minor, PaymentMethod, StaffId};
// AssertSqlSafe: column names in these statements come from `CustomerField`, never input.
use crate::db::Db;
use sqlx::{AssertSqlSafe, Row};

/// The whole record, or `None` if there is no such customer.
pub async fn record(pool: &Db, id: CustomerId) -> sqlx::Result<Option<CustomerRecord>> {
    // Column names come from the fixed list of fields, never from input.
    let columns: Vec<String> =
        CustomerField::ALL.iter().map(|f| format!("{} AS {}", f.stored_sql("c"), f.column())).collect();
    let sql = format!(
        "SELECT c.id, c.site_id, s.site_key, s.name AS site_name, s.default_language, s.currency, s.country AS site_country, c.source, c.created_at, c.do_not_sell_at, {}
         FROM customers c JOIN sites s ON s.id = c.site_id WHERE c.id = $1",
        columns.join(", ")
    );
    let Some(row) = sqlx::query(AssertSqlSafe(sql)).bind(id).fetch_optional(pool).await? else {
        return Ok(None);
    };
    let fields = CustomerField::ALL
        .into_iter()
        .map(|f| {
            let v = crate::pii::read_field(pool.pii(), f, row.get(f.column()))?;
            Ok((f, v.filter(|v| !v.is_empty())))
        })
        .collect::<sqlx::Result<_>>()?;
    let tags = sqlx::query_scalar("SELECT tag FROM customer_tags WHERE customer_id = $1 ORDER BY tag")
        .bind(id)
        .fetch_all(pool)
        .await?;
    let consents = sqlx::query(
        "SELECT k.purpose, k.granted, k.body, k.text_version, k.language, k.page_url, k.source, k.created_at,
                k.policy_version, u.email AS staff, k.requested_at
         FROM consents k LEFT JOIN staff_users u ON u.id = k.staff_id
         WHERE k.customer_id = $1 ORDER BY k.id DESC",
    )
    .bind(id)
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|r| ConsentEvent {
        purpose: r.get("purpose"),
        granted: r.get::<i64, _>("granted") == 1,
        body: r.get("body"),
        version: r.get("text_version"),
        language: r.get("language"),
        page_url: r.get("page_url"),
        source: r.get("source"),
        at: r.get("created_at"),
        policy_version: r.get("policy_version"),
        staff: r.get("staff"),
        requested_at: r.get("requested_at"),
    })
    .collect();
    let purchases = purchases(pool, id).await?;
    let stats = stats(pool, id).await?;
    let reservations = sqlx::query(
        "SELECT r.id, i.name, i.sku, r.quantity, r.note, r.status, r.created_at
         FROM reservations r JOIN catalogue_items i ON i.id = r.item_id
         WHERE r.customer_id = $1 ORDER BY r.id DESC",
    )
    .bind(id)
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|r| ReservationView {
        id: r.get("id"),
        item: r.get("name"),
        sku: r.get("sku"),
        quantity: r.get("quantity"),
        note: r.get("note"),
        status: r.get("status"),
        at: r.get("created_at"),
    })
    .collect();
    let interactions = sqlx::query(
        "SELECT i.kind, i.summary, i.outcome, u.email, i.created_at
         FROM interactions i LEFT JOIN staff_users u ON u.id = i.staff_id
         WHERE i.customer_id = $1 ORDER BY i.id DESC",
    )
    .bind(id)
    .fetch_all(pool)
    .await?
    .into_iter()
    .filter_map(|r| {
        Some(InteractionView {
            kind: InteractionKind::from_code(r.get("kind"))?,
            summary: r.get("summary"),
            outcome: r.get("outcome"),
            staff: r.get("email"),
            at: r.get("created_at"),
        })
    })
    .collect();
    let history = sqlx::query(
        "SELECT h.field, h.old_value, h.new_value, h.created_at,
                h.source, u.email
         FROM customer_changes h LEFT JOIN staff_users u ON u.id = h.staff_id
         WHERE h.customer_id = $1 ORDER BY h.id DESC",
    )
    .bind(id)
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|r| -> sqlx::Result<Change> {
        Ok(Change {
            field: r.get("field"),
            old: pool.pii().open_opt(r.get("old_value"))?,
            new: pool.pii().open_opt(r.get("new_value"))?,
            by: match (r.get::<&str, _>("source"), r.get::<Option<String>, _>("email")) {
                ("customer", _) => ChangedBy::Customer,
                ("widget", _) => ChangedBy::Website,
                ("api", _) => ChangedBy::Api,
                (_, Some(email)) => ChangedBy::Staff(email),
                (_, None) => ChangedBy::FormerStaff,
            },
            at: r.get("created_at"),
        })
    })
    .collect::<sqlx::Result<_>>()?;
    let visits = sqlx::query(
        "SELECT path, referrer, duration_ms, created_at FROM page_views
         WHERE customer_id = $1 ORDER BY created_at DESC LIMIT 30",
    )
    .bind(id)
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|r| Visit {
        path: r.get("path"),
        referrer: r.get("referrer"),
        duration_ms: r.get("duration_ms"),
        at: r.get("created_at"),
    })
    .collect::<Vec<_>>();
    Ok(Some(CustomerRecord {
        id: row.get("id"),
        viewer_role: crate::domain::Role::Staff,
        site_key: row.get("site_key"),
        site_name: row.get("site_name"),
        site_language: row.get("default_language"),
        money: crate::sites::money_style::for_reader(row.get("site_country"), row.get("currency")),
        source: row.get("source"),
        created_at: row.get("created_at"),
        do_not_sell_at: row.get("do_not_sell_at"),
        fields,
        tags,
        consents,
        stats,
        purchases,
        reservations,
        answers: answers(pool, id, row.get("site_id")).await?,
        interactions,
        last_visit: visits.first().map(|v| v.at.clone()),
        visits,
        history,
    }))
}

async fn purchases(pool: &Db, id: CustomerId) -> sqlx::Result<Vec<PurchaseView>> {
    let rows = sqlx::query(
        "SELECT p.id, p.created_at, p.currency, p.subtotal_minor, p.discount_minor, p.total_minor,
                p.payment_method, u.email, p.refunded_minor, p.voided_at, p.void_reason, v.email AS voided_by
         FROM purchases p LEFT JOIN staff_users u ON u.id = p.staff_id LEFT JOIN staff_users v ON v.id = p.voided_by
         WHERE p.customer_id = $1 ORDER BY p.created_at DESC, p.id DESC",
    )
    .bind(id)
    .fetch_all(pool)
    .await?;
    let lines = sqlx::query(
        "SELECT l.purchase_id, l.line, l.description, l.quantity, l.unit_price_minor, l.line_total_minor,
                coalesce((SELECT quantity FROM purchase_line_returns
                          WHERE purchase_id = l.purchase_id AND line = l.line), 0) AS returned
         FROM purchase_items l JOIN purchases p ON p.id = l.purchase_id
         WHERE p.customer_id = $1 ORDER BY l.purchase_id, l.line",
    )
    .bind(id)
    .fetch_all(pool)
    .await?;
    let returns = sqlx::query(
        "SELECT r.purchase_id, r.created_at, r.reason, r.amount_minor, u.email
         FROM purchase_returns r JOIN purchases p ON p.id = r.purchase_id LEFT JOIN staff_users u ON u.id = r.staff_id
         WHERE p.customer_id = $1 ORDER BY r.id",
    )
    .bind(id)
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            let pid: i64 = r.get("id");
            PurchaseView {
                id: pid,
                at: r.get("created_at"),
                currency: r.get("currency"),
                subtotal: Minor(r.get("subtotal_minor")),
                discount: Minor(r.get("discount_minor")),
                total: Minor(r.get("total_minor")),
                payment_method: PaymentMethod::from_code(r.get("payment_method")).unwrap_or(PaymentMethod::Other),
                staff: r.get("email"),
                refunded: Minor(r.get("refunded_minor")),
                voided: r
                    .get::<Option<String>, _>("voided_at")
                    .map(|at| (at, r.get("voided_by"), r.get::<Option<String>, _>("void_reason").unwrap_or_default())),
                returns: returns
                    .iter()
                    .filter(|x| x.get::<i64, _>("purchase_id") == pid)
                    .map(|x| ReturnView {
                        at: x.get("created_at"),
                        staff: x.get("email"),
                        reason: x.get("reason"),
                        amount: Minor(x.get("amount_minor")),
                    })
                    .collect(),
                lines: lines
                    .iter()
                    .filter(|l| l.get::<i64, _>("purchase_id") == pid)
                    .map(|l| PurchaseLine {
                        line: l.get("line"),
                        description: l.get("description"),
                        quantity: l.get("quantity"),
                        returned: l.get("returned"),
                        unit_price: Minor(l.get("unit_price_minor")),
                        line_total: Minor(l.get("line_total_minor")),
                    })
                    .collect(),
            }
        })
        .collect())
}

/// Total spend, order count, average order value (integer division: shown, never summed),
/// first and last purchase, all computed by SQLite over integers.
pub async fn stats(pool: &Db, id: CustomerId) -> sqlx::Result<SpendStats> {
    let r = sqlx::query(
        "SELECT CAST(coalesce(sum(total_minor - refunded_minor), 0) AS BIGINT) AS total, count(*) AS orders,
                min(created_at) AS first, max(created_at) AS last
         FROM purchases WHERE customer_id = $1 AND voided_at IS NULL",
    )
    .bind(id)
    .fetch_one(pool)
    .await?;
    let total: i64 = r.get("total");
    let orders: i64 = r.get("orders");
    Ok(SpendStats {
        total: Minor(total),
        orders,
        average: Minor(if orders == 0 { 0 } else { total / orders }),
        first: r.get("first"),
        last: r.get("last"),
    })
}

/// Favourites, survey answers and warranty cards as one timeline, newest first.
async fn answers(pool: &Db, id: CustomerId, site: i64) -> sqlx::Result<Vec<Answer>> {
    // The site's own names of its options, in every language it wrote them in.
    let names: Vec<(String, String, String)> =
        sqlx::query_as("SELECT key, language, body FROM site_texts WHERE site_id = $1 AND key LIKE '%.option.%'")
            .bind(site)
            .fetch_all(pool)
            .await?;
    let option = |question: &str, code: &str| OptionName {
        code: code.to_owned(),
        own: names
            .iter()
            .filter(|(key, _, _)| key.strip_prefix(question).and_then(|k| k.strip_prefix(".option.")) == Some(code))
            .map(|(_, lang, body)| (lang.clone(), body.clone()))
            .collect(),
    };
    let mut out = Vec::new();
    for r in sqlx::query("SELECT score, reason, created_at FROM nps_responses WHERE customer_id = $1")
        .bind(id)
        .fetch_all(pool)
        .await?
    {
        let said = Said::Nps { score: r.get("score"), reason: r.get("reason") };
        out.push(Answer { kind: "nps".into(), said, at: r.get("created_at") });
    }
    let ranked = pool.dialect().json_list("o.code", "i.rank");
    for r in sqlx::query(AssertSqlSafe(format!(
        "SELECT r.created_at, {ranked} AS ranked FROM reason_rankings r
         JOIN reason_ranking_items i ON i.ranking_id = r.id
         JOIN question_options o ON o.id = i.option_id
         WHERE r.customer_id = $1 GROUP BY r.id"
    )))
    .bind(id)
    .fetch_all(pool)
    .await?
    {
        let codes: Vec<String> = serde_json::from_str(r.get("ranked")).unwrap_or_default();
        let said = Said::Reasons { ranked: codes.iter().map(|c| option("reasons", c)).collect() };
        out.push(Answer { kind: "reasons".into(), said, at: r.get("created_at") });
    }
    for r in sqlx::query(
        "SELECT o.code, h.other_text, h.created_at FROM heard_responses h
         LEFT JOIN question_options o ON o.id = h.option_id WHERE h.customer_id = $1",
    )
    .bind(id)
    .fetch_all(pool)
    .await?
    {
        let code: Option<String> = r.get("code");
        let other: Option<String> = r.get("other_text");
        let said = Said::Heard { option: code.map(|c| option("heard", &c)), other: other.unwrap_or_default() };
        out.push(Answer { kind: "heard".into(), said, at: r.get("created_at") });
    }
    for r in sqlx::query(
        "SELECT i.name, f.created_at FROM favourites f JOIN catalogue_items i ON i.id = f.item_id WHERE f.customer_id = $1",
    )
    .bind(id)
    .fetch_all(pool)
    .await?
    {
        out.push(Answer { kind: "favourite".into(), said: Said::Favourite { item: r.get("name") }, at: r.get("created_at") });
    }
    for r in sqlx::query(
        "SELECT i.name, w.serial_number, w.purchase_date, w.created_at FROM warranty_registrations w
         JOIN catalogue_items i ON i.id = w.item_id WHERE w.customer_id = $1",
    )
    .bind(id)
    .fetch_all(pool)
    .await?
    {
        let said =
            Said::Warranty { item: r.get("name"), serial: r.get("serial_number"), bought: r.get("purchase_date") };
        out.push(Answer { kind: "warranty".into(), said, at: r.get("created_at") });
    }
    out.sort_by(|a, b| b.at.cmp(&a.at));
    Ok(out)
}

/// Adds or removes a tag, recording it in the history; `false` if there is no such customer.
pub async fn set_tag(pool: &Db, id: CustomerId, staff: StaffId, tag: &str, on: bool) -> sqlx::Result<bool> {
    let mut tx = pool.begin_write().await?;
    let exists: Option<i64> =
        sqlx::query_scalar("SELECT 1 FROM customers WHERE id = $1").bind(id).fetch_optional(&mut *tx).await?;
    if exists.is_none() {
        return Ok(false);
    }
    let sql = if on {
        "INSERT INTO customer_tags (customer_id, tag) VALUES ($1, $2) ON CONFLICT DO NOTHING"
    } else {
        "DELETE FROM customer_tags WHERE customer_id = $1 AND tag = $2"
    };
    let changed = sqlx::query(sql).bind(id).bind(tag).execute(&mut *tx).await?.rows_affected() == 1;
    if changed {
        let (old, new) = if on { (None, Some(tag)) } else { (Some(tag), None) };
        record_change(&mut tx, pool.pii(), id, staff, "tag", old, new).await?;
    }
    tx.commit().await?;
    Ok(true)
}

/// `false` if there is no such customer.
pub async fn log_interaction(
    pool: &Db,
    id: CustomerId,
    staff: StaffId,
    kind: InteractionKind,
    summary: &str,
    outcome: &str,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "INSERT INTO interactions (customer_id, staff_id, kind, summary, outcome)
         SELECT id, $1, $2, $3, $4 FROM customers WHERE id = $5",
    )
    .bind(staff)
    .bind(kind.code())
    .bind(summary)
    .bind(outcome)
    .bind(id)
    .execute(pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Records a consent given or withdrawn through staff (in person, by phone, by letter):
/// `note` says how, in the record's words; the policy version in force is kept. `false`:
/// no such customer.
pub async fn record_consent(
    pool: &Db,
    id: CustomerId,
    staff: StaffId,
    purpose: &str,
    granted: bool,
    note: &str,
) -> sqlx::Result<bool> {
    let done = sqlx::query(
        "INSERT INTO consents (customer_id, purpose, granted, consent_text_id, body, text_version, language, page_url,
                               source, policy_version, staff_id)
         SELECT c.id, $2, $3, NULL, $4, 0, s.default_language, 'admin', 'admin',
                (SELECT max(version) FROM privacy_policies WHERE site_id = c.site_id), $5
         FROM customers c JOIN sites s ON s.id = c.site_id WHERE c.id = $1",
    )
    .bind(id)
    .bind(purpose)
    .bind(i64::from(granted))
    .bind(note)
    .bind(staff)
    .execute(pool)
    .await?;
    Ok(done.rows_affected() == 1)
}
