//! SQL of the corrections: a void and a return, each in one transaction with the loyalty
//! entries that follow from it.

use super::{Corrector, Refused, ValidReturn};
use crate::db::Db;
use crate::db::{Conn, Flag};
use crate::domain::{Minor, Role, SiteId};
use sqlx::Row;

/// A purchase as a correction needs it.
pub(super) struct Sale {
    pub id: i64,
    pub customer: i64,
    pub staff: Option<i64>,
    /// When it was entered (a stored moment), and its site's clock.
    pub at: String,
    pub zone: jiff::tz::TimeZone,
    pub subtotal: i64,
    pub total: i64,
    pub refunded: i64,
    pub voided: bool,
}

impl Sale {
    /// Whether it was entered today, on its site's clock (`sites::clock`).
    fn entered_today(&self) -> bool {
        use crate::sites::clock;
        clock::day_of(&self.zone, &self.at) == Some(clock::today(&self.zone))
    }
}

/// The purchase, on `site` when one is given (the API's key names its site).
pub(super) async fn sale(conn: &mut Conn, id: i64, site: Option<SiteId>) -> sqlx::Result<Option<Sale>> {
    let row = sqlx::query(
        "SELECT p.id, p.customer_id, p.staff_id, p.created_at, p.subtotal_minor, p.total_minor,
                p.refunded_minor, p.voided_at IS NOT NULL AS voided, s.time_zone, s.country
         FROM purchases p JOIN sites s ON s.id = p.site_id WHERE p.id = $1 AND ($2 IS NULL OR p.site_id = $2)",
    )
    .bind(id)
    .bind(site)
    .fetch_optional(conn)
    .await?;
    row.map(|r| {
        Ok(Sale {
            id: r.try_get("id")?,
            customer: r.try_get("customer_id")?,
            staff: r.try_get("staff_id")?,
            at: r.try_get("created_at")?,
            zone: crate::sites::clock::zone(&r.try_get::<String, _>("time_zone")?, r.try_get("country")?),
            subtotal: r.try_get("subtotal_minor")?,
            total: r.try_get("total_minor")?,
            refunded: r.try_get("refunded_minor")?,
            voided: r.try_get::<Flag, _>("voided")?.0,
        })
    })
    .transpose()
}

fn staff_id(by: Corrector) -> Option<i64> {
    match by {
        Corrector::Staff { id, .. } => Some(id.0),
        Corrector::ApiKey => None,
    }
}

/// Voids the purchase (see [`Corrector`] for who may).
pub async fn void(
    pool: &Db,
    purchase: i64,
    site: Option<SiteId>,
    by: Corrector,
    reason: &str,
) -> sqlx::Result<Result<(), Refused>> {
    let (_turn, mut tx) = crate::writer::begin(pool).await?;
    let Some(sale) = sale(&mut tx, purchase, site).await? else { return Ok(Err(Refused::NotFound)) };
    if sale.voided {
        return Ok(Err(Refused::Voided));
    }
    let allowed = match by {
        Corrector::ApiKey => true,
        Corrector::Staff { role, .. } if role.at_least(Role::Manager) => true,
        Corrector::Staff { id, .. } => sale.staff == Some(id.0) && sale.entered_today(),
    };
    if !allowed {
        return Ok(Err(Refused::NotAllowed));
    }
    sqlx::query(
        "UPDATE purchases SET voided_at = $4, voided_by = $1, void_reason = $2
         WHERE id = $3",
    )
    .bind(staff_id(by))
    .bind(reason)
    .bind(sale.id)
    .bind(crate::db::now())
    .execute(&mut *tx)
    .await?;
    super::loyalty::take_back(&mut tx, sale.id, staff_id(by), &format!("voided: {reason}")).await?;
    tx.commit().await?;
    Ok(Ok(()))
}

/// One line of the purchase: its product's SKU (a free line has none), how many were
/// bought and are still not returned, and its total.
pub(super) struct Line {
    pub line: i64,
    pub sku: Option<String>,
    pub quantity: i64,
    pub left: i64,
    pub total: i64,
}

pub(super) async fn lines(conn: &mut Conn, purchase: i64) -> sqlx::Result<Vec<Line>> {
    let rows = sqlx::query(
        "SELECT pi.line, c.sku, pi.quantity, pi.line_total_minor,
                pi.quantity - coalesce((SELECT quantity FROM purchase_line_returns
                                        WHERE purchase_id = pi.purchase_id AND line = pi.line), 0) AS left
         FROM purchase_items pi LEFT JOIN catalogue_items c ON c.id = pi.item_id
         WHERE pi.purchase_id = $1 ORDER BY pi.line",
    )
    .bind(purchase)
    .fetch_all(conn)
    .await?;
    rows.iter()
        .map(|r| {
            Ok(Line {
                line: r.try_get("line")?,
                sku: r.try_get("sku")?,
                quantity: r.try_get("quantity")?,
                left: r.try_get("left")?,
                total: r.try_get("line_total_minor")?,
            })
        })
        .collect()
}

/// Records a return of some lines; answers the money given back. Each line gives back its
/// share of what was paid (the purchase's discount spread over its lines, rounded down);
/// the return that leaves nothing gives back exactly what is left, so the refunds of a
/// purchase never add up to more or less than was paid.
pub async fn return_lines(
    pool: &Db,
    r: &ValidReturn,
    site: Option<SiteId>,
    by: Corrector,
) -> sqlx::Result<Result<Minor, Refused>> {
    let (_turn, mut tx) = crate::writer::begin(pool).await?;
    let Some(sale) = sale(&mut tx, r.purchase, site).await? else { return Ok(Err(Refused::NotFound)) };
    if sale.voided {
        return Ok(Err(Refused::Voided));
    }
    let mut lines = lines(&mut tx, sale.id).await?;
    let mut amounts = Vec::new();
    for &(line, quantity) in &r.lines {
        let Some(l) = lines.iter_mut().find(|l| l.line == line && quantity <= l.left) else {
            return Ok(Err(Refused::TooMany { line }));
        };
        l.left -= quantity;
        // The line's share of the total, in i128 so no product of cents overflows.
        let share = if sale.subtotal == 0 {
            0
        } else {
            i128::from(l.total) * i128::from(quantity) * i128::from(sale.total)
                / (i128::from(l.quantity) * i128::from(sale.subtotal))
        };
        amounts.push((line, quantity, i64::try_from(share).unwrap_or(0)));
    }
    let rest = sale.total - sale.refunded;
    if lines.iter().all(|l| l.left == 0) {
        // Everything is back: the last line takes up the rounding.
        let given: i64 = amounts.iter().map(|a| a.2).sum();
        if let Some(last) = amounts.last_mut() {
            last.2 += rest - given;
        }
    }
    let amount: i64 = amounts.iter().map(|a| a.2).sum::<i64>().min(rest);
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO purchase_returns (purchase_id, staff_id, reason, amount_minor) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(sale.id)
    .bind(staff_id(by))
    .bind(&r.reason)
    .bind(amount)
    .fetch_one(&mut *tx)
    .await?;
    for (line, quantity, share) in amounts {
        sqlx::query(
            "INSERT INTO purchase_return_lines (return_id, line, quantity, amount_minor) VALUES ($1, $2, $3, $4)",
        )
        .bind(id)
        .bind(line)
        .bind(quantity)
        .bind(share)
        .execute(&mut *tx)
        .await?;
    }
    super::loyalty::take_back(&mut tx, sale.id, staff_id(by), &format!("returned: {}", r.reason)).await?;
    tx.commit().await?;
    tracing::info!(purchase = sale.id, customer = sale.customer, amount, "return recorded");
    Ok(Ok(Minor(amount)))
}
