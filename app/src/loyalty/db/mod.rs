//! SQL of loyalty: programmes and their rewards, earning in a purchase's transaction, and
//! the card's movements. A redemption or a removal checks the balance and writes its entry
//! in one write transaction (`crate::writer`, `BEGIN IMMEDIATE`), so two tills redeeming the
//! last reward at the same moment leave one redemption.

use super::ledger::{Entry, balance};
use super::{Card, Kind, Movement, Programme, Reward, Rules};
use crate::db::Db;
use crate::db::{Conn, Dialect, Flag};
use crate::domain::{CustomerId, Minor, SiteId, StaffId};
use sqlx::{AssertSqlSafe, Row};

mod members;
mod report;
mod words;
pub use members::{Joined, issue_card, issue_card_in, member, printable};
pub use report::report;

pub async fn programmes(pool: &Db, site: SiteId) -> sqlx::Result<Vec<Programme>> {
    let rows = sqlx::query(
        "SELECT p.id, p.name, p.kind, p.min_total_minor, p.skus, p.points_per_unit, p.expiry_days,
                p.birthday_reward, p.active,
                (SELECT count(DISTINCT customer_id) FROM loyalty_ledger l WHERE l.programme_id = p.id) AS members
         FROM loyalty_programmes p WHERE p.site_id = $1 ORDER BY p.id",
    )
    .bind(site)
    .fetch_all(pool)
    .await?;
    // The languages the owner gives words in besides the programme's own.
    let languages: Vec<String> = sqlx::query_scalar(
        "SELECT language FROM site_languages WHERE site_id = $1
           AND language <> (SELECT default_language FROM sites WHERE id = $1) ORDER BY language",
    )
    .bind(site)
    .fetch_all(pool)
    .await?;
    let mut programmes = Vec::new();
    for r in rows {
        let id: i64 = r.try_get("id")?;
        let skus: String = r.try_get("skus")?;
        let rewards = rewards(pool, id, None).await?;
        programmes.push(Programme {
            id,
            name: r.try_get("name")?,
            kind: kind(&r.try_get::<String, _>("kind")?),
            min_total: Minor(r.try_get("min_total_minor")?),
            skus: skus.split(',').filter(|s| !s.is_empty()).map(str::to_owned).collect(),
            points_per_unit: r.try_get("points_per_unit")?,
            expiry_days: r.try_get("expiry_days")?,
            birthday_reward: r.try_get("birthday_reward")?,
            active: r.try_get::<Flag, _>("active")?.0,
            words: words::of_programme(pool, id, &languages, &rewards).await?,
            rewards,
            members: r.try_get("members")?,
        });
    }
    Ok(programmes)
}

fn kind(code: &str) -> Kind {
    // The schema's CHECK allows these two only.
    Kind::parse(code).unwrap_or(Kind::Stamps)
}

/// A programme's rewards on offer, cheapest first, named in `language` where the owner gave
/// it a name there (`None`: their own names).
async fn rewards(pool: &Db, programme: i64, language: Option<&str>) -> sqlx::Result<Vec<Reward>> {
    sqlx::query_as::<_, (i64, String, i64)>(
        "SELECT r.id, coalesce(n.name, r.name), r.cost FROM loyalty_rewards r
         LEFT JOIN loyalty_reward_names n ON n.reward_id = r.id AND n.language = $2
         WHERE r.programme_id = $1 AND r.active = 1 ORDER BY r.cost, r.id",
    )
    .bind(programme)
    .bind(language)
    .fetch_all(pool)
    .await
    .map(|rows| rows.into_iter().map(|(id, name, cost)| Reward { id, name, cost }).collect())
}

/// Creates a programme (`id` None) or changes one of the site's; its id, or `None` if `id`
/// is not the site's. Rewards no longer listed are withdrawn, not deleted: past redemptions
/// keep pointing at them.
pub async fn save(pool: &Db, site: SiteId, id: Option<i64>, r: &Rules) -> sqlx::Result<Option<i64>> {
    let skus = r.skus.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(",");
    let mut tx = pool.begin().await?;
    let id: Option<i64> = match id {
        None => Some(
            sqlx::query_scalar(
                "INSERT INTO loyalty_programmes (site_id, name, kind, min_total_minor, skus, points_per_unit, expiry_days,
                                                 birthday_reward, active)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
            )
            .bind(site)
            .bind(&r.name)
            .bind(r.kind.code())
            .bind(r.min_total.0)
            .bind(&skus)
            .bind(r.points_per_unit)
            .bind(r.expiry_days)
            .bind(&r.birthday_reward)
            .bind(i64::from(r.active))
            .fetch_one(&mut *tx)
            .await?,
        ),
        Some(id) => sqlx::query_scalar(
            "UPDATE loyalty_programmes SET name = $1, kind = $2, min_total_minor = $3, skus = $4, points_per_unit = $5,
                 expiry_days = $6, birthday_reward = $7, active = $8, updated_at = $11
             WHERE id = $9 AND site_id = $10 RETURNING id",
        )
        .bind(&r.name)
        .bind(r.kind.code())
        .bind(r.min_total.0)
        .bind(&skus)
        .bind(r.points_per_unit)
        .bind(r.expiry_days)
        .bind(&r.birthday_reward)
        .bind(i64::from(r.active))
        .bind(id)
        .bind(site)
        .bind(crate::db::now()).fetch_optional(&mut *tx)
        .await?,
    };
    let Some(id) = id else { return Ok(None) };
    sqlx::query("UPDATE loyalty_rewards SET active = 0 WHERE programme_id = $1").bind(id).execute(&mut *tx).await?;
    for (name, cost) in &r.rewards {
        let kept = sqlx::query(
            "UPDATE loyalty_rewards SET active = 1
             WHERE id = (SELECT id FROM loyalty_rewards WHERE programme_id = $1 AND name = $2 AND cost = $3 AND active = 0 LIMIT 1)",
        )
        .bind(id)
        .bind(name)
        .bind(cost)
        .execute(&mut *tx)
        .await?;
        if kept.rows_affected() == 0 {
            sqlx::query("INSERT INTO loyalty_rewards (programme_id, name, cost) VALUES ($1, $2, $3)")
                .bind(id)
                .bind(name)
                .bind(cost)
                .execute(&mut *tx)
                .await?;
        }
    }
    words::replace(&mut tx, id, &r.words).await?;
    tx.commit().await?;
    Ok(Some(id))
}

/// Writes what a new purchase earns in each active programme of its site, inside the
/// purchase's transaction: a stamp per qualifying purchase (with listed items, one per unit
/// of them), or points per whole unit of the total. Each entry keeps its own expiry.
pub async fn earn(tx: &mut Conn, site: SiteId, customer: CustomerId, purchase: i64, total: Minor) -> sqlx::Result<()> {
    let dialect = Dialect::of(tx);
    let expires = dialect.plus_days("$5", "expiry_days");
    let listed = dialect.contains("',' || p.skus || ','", "',' || i.sku || ','");
    sqlx::query(AssertSqlSafe(format!(
        "INSERT INTO loyalty_ledger (programme_id, customer_id, kind, amount, purchase_id, expires_at)
         SELECT id, $3, 'earn', amount, $4, CASE WHEN expiry_days IS NOT NULL THEN {expires} END
         FROM (SELECT p.id, p.expiry_days,
                      CASE WHEN p.kind = 'points' THEN ($2 / 100) * p.points_per_unit
                           WHEN p.skus = '' THEN 1
                           ELSE (SELECT CAST(coalesce(sum(pi.quantity), 0) AS BIGINT) FROM purchase_items pi
                                 JOIN catalogue_items i ON i.id = pi.item_id
                                 WHERE pi.purchase_id = $4 AND {listed})
                      END AS amount
               FROM loyalty_programmes p
               WHERE p.site_id = $1 AND p.active = 1 AND $2 >= p.min_total_minor
                 AND (p.skus = '' OR EXISTS (SELECT 1 FROM purchase_items pi JOIN catalogue_items i ON i.id = pi.item_id
                                             WHERE pi.purchase_id = $4 AND {listed}))) AS earned
         WHERE amount > 0"
    )))
    .bind(site)
    .bind(total.0)
    .bind(customer)
    .bind(purchase)
    .bind(crate::db::now())
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// A programme's entries for a customer in order, and the database's now.
async fn entries(conn: &mut Conn, programme: i64, customer: CustomerId) -> sqlx::Result<(Vec<Entry>, String)> {
    let rows: Vec<(i64, String, Option<String>)> = sqlx::query_as(
        "SELECT amount, created_at, expires_at FROM loyalty_ledger WHERE programme_id = $1 AND customer_id = $2 ORDER BY id",
    )
    .bind(programme)
    .bind(customer)
    .fetch_all(&mut *conn)
    .await?;
    let now: String = sqlx::query_scalar("SELECT $1").bind(crate::db::now()).fetch_one(&mut *conn).await?;
    Ok((rows.into_iter().map(|(amount, at, expires_at)| Entry { amount, at, expires_at }).collect(), now))
}

/// The customer's cards: every active programme of their site, and inactive ones they hold
/// entries in, named in `language` where the owner gave words in it (`None`: the programmes'
/// own words, as staff see them). `None`: no such customer.
pub async fn cards(pool: &Db, customer: CustomerId, language: Option<&str>) -> sqlx::Result<Option<Vec<Card>>> {
    let Some(site): Option<i64> =
        sqlx::query_scalar("SELECT site_id FROM customers WHERE id = $1").bind(customer).fetch_optional(pool).await?
    else {
        return Ok(None);
    };
    let programmes: Vec<(i64, String, String, String, Flag)> = sqlx::query_as(
        "SELECT p.id, coalesce(nullif(t.name, ''), p.name), p.kind,
                CASE WHEN p.birthday_reward <> '' AND substr(c.birthday, length(c.birthday) - 4, 2) = substr($4, 6, 2)
                      AND NOT EXISTS (SELECT 1 FROM loyalty_ledger l WHERE l.programme_id = p.id AND l.customer_id = c.id
                                      AND l.kind = 'birthday' AND substr(l.created_at, 1, 4) = substr($4, 1, 4))
                     THEN coalesce(nullif(t.birthday_reward, ''), p.birthday_reward) ELSE '' END,
                p.active
         FROM loyalty_programmes p JOIN customers c ON c.id = $2
         LEFT JOIN loyalty_programme_texts t ON t.programme_id = p.id AND t.language = $3
         WHERE p.site_id = $1 AND (p.active = 1 OR EXISTS (SELECT 1 FROM loyalty_ledger l
                                                         WHERE l.programme_id = p.id AND l.customer_id = $2))
         ORDER BY p.id",
    )
    .bind(site)
    .bind(customer)
    .bind(language)
    .bind(crate::db::now())
    .fetch_all(pool)
    .await?;
    let mut conn = pool.acquire().await?;
    let mut cards = Vec::new();
    for (id, name, kind_code, birthday, Flag(active)) in programmes {
        let (entries, now) = entries(&mut conn, id, customer).await?;
        let balance = balance(&entries, &now);
        let rewards = if active { rewards(pool, id, language).await? } else { Vec::new() };
        cards.push(Card {
            programme_id: id,
            programme: name,
            kind: kind(&kind_code),
            balance,
            rewards: rewards.into_iter().filter(|r| r.cost <= balance).collect(),
            birthday_gift: (active && !birthday.is_empty()).then_some(birthday),
            movements: movements(pool, id, customer).await?,
        });
    }
    Ok(Some(cards))
}

async fn movements(pool: &Db, programme: i64, customer: CustomerId) -> sqlx::Result<Vec<Movement>> {
    let rows = sqlx::query(
        "SELECT l.id, l.kind, l.amount, l.purchase_id, l.reward_name, l.reason, s.email AS staff, l.expires_at, l.created_at
         FROM loyalty_ledger l LEFT JOIN staff_users s ON s.id = l.staff_id
         WHERE l.programme_id = $1 AND l.customer_id = $2 ORDER BY l.id DESC LIMIT 100",
    )
    .bind(programme)
    .bind(customer)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(Movement {
                id: r.try_get("id")?,
                kind: r.try_get("kind")?,
                amount: r.try_get("amount")?,
                purchase_id: r.try_get("purchase_id")?,
                reward_name: r.try_get("reward_name")?,
                reason: r.try_get("reason")?,
                staff: r.try_get("staff")?,
                expires_at: r.try_get("expires_at")?,
                created_at: r.try_get("created_at")?,
            })
        })
        .collect()
}

/// Why a movement was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum Refused {
    /// No such customer, programme or reward, or not of one site, or withdrawn.
    NotFound,
    /// The balance does not cover it; what it is.
    NotEnough(i64),
    /// The birthday gift was taken this year, or it is not their birthday month.
    NotNow,
}

/// Redeems a reward for the customer if their balance covers it.
pub async fn redeem(
    pool: &Db,
    customer: CustomerId,
    reward: i64,
    staff: StaffId,
) -> sqlx::Result<Result<i64, Refused>> {
    let (_turn, mut tx) = crate::writer::begin(pool).await?;
    let found: Option<(i64, String, i64)> = sqlx::query_as(
        "SELECT p.id, r.name, r.cost FROM loyalty_rewards r JOIN loyalty_programmes p ON p.id = r.programme_id
         JOIN customers c ON c.site_id = p.site_id
         WHERE r.id = $1 AND c.id = $2 AND r.active = 1 AND p.active = 1",
    )
    .bind(reward)
    .bind(customer)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((programme, name, cost)) = found else { return Ok(Err(Refused::NotFound)) };
    let (entries, now) = entries(&mut tx, programme, customer).await?;
    let balance = balance(&entries, &now);
    if balance < cost {
        return Ok(Err(Refused::NotEnough(balance)));
    }
    sqlx::query(
        "INSERT INTO loyalty_ledger (programme_id, customer_id, kind, amount, reward_id, reward_name, staff_id)
         VALUES ($1, $2, 'redeem', $3, $4, $5, $6)",
    )
    .bind(programme)
    .bind(customer)
    .bind(-cost)
    .bind(reward)
    .bind(&name)
    .bind(staff)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Ok(balance - cost))
}

/// Gives the programme's birthday gift, once a year, in the customer's birthday month.
pub async fn birthday_gift(
    pool: &Db,
    customer: CustomerId,
    programme: i64,
    staff: StaffId,
) -> sqlx::Result<Result<(), Refused>> {
    let given = sqlx::query(
        "INSERT INTO loyalty_ledger (programme_id, customer_id, kind, amount, reward_name, staff_id)
         SELECT p.id, c.id, 'birthday', 0, p.birthday_reward, $3
         FROM loyalty_programmes p JOIN customers c ON c.site_id = p.site_id
         WHERE p.id = $1 AND c.id = $2 AND p.active = 1 AND p.birthday_reward <> ''
           AND substr(c.birthday, length(c.birthday) - 4, 2) = substr($4, 6, 2)
         ON CONFLICT DO NOTHING",
    )
    .bind(programme)
    .bind(customer)
    .bind(staff)
    .bind(crate::db::now())
    .execute(pool)
    .await?;
    Ok(if given.rows_affected() == 1 { Ok(()) } else { Err(Refused::NotNow) })
}

/// Adds (positive) or removes (negative) stamps or points by hand, with the reason; a
/// removal only of what the balance holds. The new balance.
pub async fn adjust(
    pool: &Db,
    customer: CustomerId,
    programme: i64,
    amount: i64,
    reason: &str,
    staff: StaffId,
) -> sqlx::Result<Result<i64, Refused>> {
    let (_turn, mut tx) = crate::writer::begin(pool).await?;
    let Flag(same_site) = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM loyalty_programmes p JOIN customers c ON c.site_id = p.site_id
                        WHERE p.id = $1 AND c.id = $2)",
    )
    .bind(programme)
    .bind(customer)
    .fetch_one(&mut *tx)
    .await?;
    if !same_site {
        return Ok(Err(Refused::NotFound));
    }
    let (entries, now) = entries(&mut tx, programme, customer).await?;
    let balance = balance(&entries, &now);
    if balance + amount < 0 {
        return Ok(Err(Refused::NotEnough(balance)));
    }
    sqlx::query(
        "INSERT INTO loyalty_ledger (programme_id, customer_id, kind, amount, reason, staff_id) VALUES ($1, $2, 'adjust', $3, $4, $5)",
    )
    .bind(programme)
    .bind(customer)
    .bind(amount)
    .bind(reason)
    .bind(staff)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(Ok(balance + amount))
}
