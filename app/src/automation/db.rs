//! SQL of automation: the sites' rules, and firing them. A rule fires for a customer by
//! inserting its run (`ON CONFLICT DO NOTHING` on the run's unique key), in one transaction with
//! the mail it writes into the outbox and the event it queues for the webhooks: a run exists
//! exactly when its mail and event do, and two servers evaluating at once fire it once.

use super::{Fired, Rule, Trigger};
use crate::db::Conn;
use crate::db::{Db, Dialect, Flag, Statement};
use crate::domain::{CustomerId, SiteId};
use crate::mail::db::{About, Mail};
use crate::mail::templates::{self, MailKind};
use crate::segment_rules::{DormantRule, sealed::Answers, sql::push_filter, windows};
use crate::widgets::texts::Lang;
use sqlx::Row;

/// How many customers one rule fires for in one transaction, so a win-back reaching
/// thousands does not hold the write lock for long; the next batch follows at once.
const BATCH: i64 = 200;

/// A rule's switches as the owner saves them.
pub struct Settings {
    pub active: bool,
    pub send_mail: bool,
    pub send_webhook: bool,
    pub discount_code: String,
}

/// Every built-in rule of a site, as set (a rule never saved is off).
pub async fn rules(pool: &Db, site: SiteId) -> sqlx::Result<Vec<Rule>> {
    let mut rules = Vec::new();
    for trigger in Trigger::ALL {
        let row = sqlx::query(
            "SELECT r.active, r.send_mail, r.send_webhook, r.discount_code, r.active_since,
                    (SELECT count(*) FROM automation_runs x WHERE x.rule_id = r.id) AS fired,
                    (SELECT count(*) FROM automation_runs x WHERE x.rule_id = r.id AND x.mailed = 1) AS mailed
             FROM automation_rules r WHERE r.site_id = $1 AND r.trigger = $2",
        )
        .bind(site)
        .bind(trigger.code())
        .fetch_optional(pool)
        .await?;
        rules.push(match row {
            Some(r) => Rule {
                trigger,
                active: r.try_get::<Flag, _>("active")?.0,
                send_mail: r.try_get::<Flag, _>("send_mail")?.0,
                send_webhook: r.try_get::<Flag, _>("send_webhook")?.0,
                discount_code: r.try_get("discount_code")?,
                active_since: r.try_get("active_since")?,
                fired: r.try_get("fired")?,
                mailed: r.try_get("mailed")?,
            },
            None => Rule {
                trigger,
                active: false,
                send_mail: true,
                send_webhook: false,
                discount_code: String::new(),
                active_since: None,
                fired: 0,
                mailed: 0,
            },
        });
    }
    Ok(rules)
}

/// Saves a rule. Switching it on sets `active_since` to now; saving it while on keeps it.
pub async fn save(pool: &Db, site: SiteId, trigger: Trigger, s: &Settings) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO automation_rules (site_id, trigger, active, send_mail, send_webhook, discount_code, active_since)
         VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $3 = 1 THEN $7 END)
         ON CONFLICT (site_id, trigger) DO UPDATE SET
             active = $3, send_mail = $4, send_webhook = $5, discount_code = $6,
             active_since = CASE WHEN $3 = 0 THEN NULL
                                 WHEN automation_rules.active = 1 THEN automation_rules.active_since
                                 ELSE $7 END,
             updated_at = $7",
    )
    .bind(site)
    .bind(trigger.code())
    .bind(i64::from(s.active))
    .bind(i64::from(s.send_mail))
    .bind(i64::from(s.send_webhook))
    .bind(&s.discount_code)
    .bind(crate::db::now())
    .execute(pool)
    .await?;
    Ok(())
}

/// An active rule, as firing needs it.
struct Active {
    id: i64,
    trigger: Trigger,
    send_mail: bool,
    send_webhook: bool,
    discount_code: String,
    since: String,
}

/// The site as its mails name it.
struct SiteFacts {
    id: SiteId,
    key: String,
    name: String,
    dormant_days: u32,
}

/// Evaluates every active rule of every site (the timer job).
pub async fn run_all(pool: &Db, origin: &str, now: i64) -> sqlx::Result<Fired> {
    let sites: Vec<i64> =
        sqlx::query_scalar("SELECT DISTINCT site_id FROM automation_rules WHERE active = 1").fetch_all(pool).await?;
    let mut fired = Fired::default();
    for site in sites {
        fired.add(run_site(pool, SiteId(site), origin, now).await?);
    }
    Ok(fired)
}

/// Evaluates every active rule of a site.
pub async fn run_site(pool: &Db, site: SiteId, origin: &str, now: i64) -> sqlx::Result<Fired> {
    let mut fired = Fired::default();
    for trigger in Trigger::ALL {
        fired.add(run_rule(pool, site, trigger, origin, now).await?);
    }
    Ok(fired)
}

/// Evaluates one rule of a site, if it is on: fires it for every customer it now applies to,
/// a batch per transaction.
pub async fn run_rule(pool: &Db, site: SiteId, trigger: Trigger, origin: &str, now: i64) -> sqlx::Result<Fired> {
    let Some(rule) = active(pool, site, trigger).await? else { return Ok(Fired::default()) };
    let facts =
        sqlx::query("SELECT site_key, name, dormant_days FROM sites WHERE id = $1").bind(site).fetch_one(pool).await?;
    let facts = SiteFacts {
        id: site,
        key: facts.try_get("site_key")?,
        name: facts.try_get("name")?,
        dormant_days: facts.try_get::<i64, _>("dormant_days")? as u32,
    };
    // Both write, so both come before this process's turn to write is taken.
    let secret = if rule.send_mail && trigger.is_offer() {
        use crate::{public_pages::unsubscribe::SECRET, tokens::secret};
        secret(pool, SECRET).await?
    } else {
        Vec::new()
    };
    if trigger == Trigger::Dormant {
        windows::bring_up_to(pool, site, now).await?;
    }
    let mut fired = Fired::default();
    loop {
        let (_turn, mut tx) = crate::writer::begin(pool).await?;
        let runs: Vec<(i64, i64, Option<i64>)> =
            candidates(pool.dialect(), &facts, &rule, now).build_query_as().fetch_all(&mut *tx).await?;
        for &(run, customer, subject) in &runs {
            let customer = CustomerId(customer);
            let mailed =
                rule.send_mail && mail(&mut tx, pool.pii(), &facts, &rule, customer, subject, origin, &secret).await?;
            let told = rule.send_webhook && tell(&mut tx, site, run, customer).await?;
            sqlx::query("UPDATE automation_runs SET mailed = $1, told = $2 WHERE id = $3")
                .bind(i64::from(mailed))
                .bind(i64::from(told))
                .bind(run)
                .execute(&mut *tx)
                .await?;
            fired.add(Fired { customers: 1, mailed: mailed as i64, told: told as i64 });
        }
        tx.commit().await?;
        if (runs.len() as i64) < BATCH {
            return Ok(fired);
        }
    }
}

async fn active(pool: &Db, site: SiteId, trigger: Trigger) -> sqlx::Result<Option<Active>> {
    let row = sqlx::query(
        "SELECT id, send_mail, send_webhook, discount_code, active_since FROM automation_rules
         WHERE site_id = $1 AND trigger = $2 AND active = 1",
    )
    .bind(site)
    .bind(trigger.code())
    .fetch_optional(pool)
    .await?;
    row.map(|r| {
        Ok(Active {
            id: r.try_get("id")?,
            trigger,
            send_mail: r.try_get::<Flag, _>("send_mail")?.0,
            send_webhook: r.try_get::<Flag, _>("send_webhook")?.0,
            discount_code: r.try_get("discount_code")?,
            since: r.try_get::<Option<String>, _>("active_since")?.unwrap_or_default(),
        })
    })
    .transpose()
}

/// Whether customer `c` can be sent the rule's mail: an address, and for an offer a
/// newsletter consent in force.
fn mailable(trigger: Trigger) -> &'static str {
    if trigger.is_offer() {
        "c.email IS NOT NULL AND coalesce((SELECT granted FROM consents
             WHERE customer_id = c.id AND purpose = 'newsletter' ORDER BY id DESC LIMIT 1), 0) = 1"
    } else {
        "c.email IS NOT NULL"
    }
}

/// The insert of the runs a rule fires now, returning (run, customer, subject) of each new one.
/// A rule that only mails skips customers it cannot mail: they stay candidates for later.
fn candidates(dialect: Dialect, site: &SiteFacts, rule: &Active, now: i64) -> Statement {
    let mut qb = Statement::new(dialect, "INSERT INTO automation_runs (rule_id, customer_id, occasion, subject_id) ");
    let not_yet = "NOT EXISTS (SELECT 1 FROM automation_runs x WHERE x.rule_id = ";
    match rule.trigger {
        Trigger::Dormant => {
            qb.push("SELECT ").push_bind(rule.id).push(", c.id, 0, NULL FROM customers c WHERE c.site_id = ");
            qb.push_bind(site.id).push(" AND ");
            // The site's rule is checked to 1..=3650 days, which always parses.
            if let Ok(filter) = DormantRule::filter(site.dormant_days).parse() {
                // Its one test is of purchases: no sealed field to answer in Rust.
                push_filter(&mut qb, site.id.0, &filter, &Answers::default(), now);
            } else {
                qb.push("false");
            }
            qb.push(" AND ").push(not_yet).push_bind(rule.id).push(" AND x.customer_id = c.id AND x.occasion = 0)");
        }
        Trigger::Detractor => {
            qb.push("SELECT ").push_bind(rule.id).push(
                ", c.id, 0, max(n.id) FROM nps_responses n JOIN customers c ON c.id = n.customer_id
                 WHERE n.site_id = ",
            );
            qb.push_bind(site.id).push(" AND n.score <= 6 AND n.created_at >= ").push_bind(rule.since.clone());
            qb.push(" AND ").push(not_yet).push_bind(rule.id).push(" AND x.customer_id = c.id AND x.occasion = 0)");
        }
        Trigger::ItemArrived => {
            qb.push("SELECT ").push_bind(rule.id).push(
                ", c.id, r.id, r.id FROM reservations r JOIN catalogue_items i ON i.id = r.item_id
                 JOIN customers c ON c.id = r.customer_id
                 WHERE r.site_id = ",
            );
            qb.push_bind(site.id).push(" AND r.status = 'open' AND r.created_at <= i.arrived_at AND i.arrived_at >= ");
            qb.push_bind(rule.since.clone());
            qb.push(" AND ").push(not_yet).push_bind(rule.id).push(" AND x.customer_id = c.id AND x.occasion = r.id)");
        }
    }
    if !rule.send_webhook {
        qb.push(" AND ").push(mailable(rule.trigger));
    }
    if rule.trigger == Trigger::Detractor {
        qb.push(" GROUP BY c.id");
    }
    qb.push(" ORDER BY 2 LIMIT ")
        .push_bind(BATCH)
        .push(" ON CONFLICT DO NOTHING RETURNING id, customer_id, subject_id");
    qb
}

/// Writes the rule's mail to the customer into the outbox, if they can be mailed.
#[allow(clippy::too_many_arguments)] // the transaction and key, whom and why, and the links' parts
async fn mail(
    tx: &mut Conn,
    pii: &crate::pii::PiiKey,
    site: &SiteFacts,
    rule: &Active,
    customer: CustomerId,
    subject: Option<i64>,
    origin: &str,
    secret: &[u8],
) -> sqlx::Result<bool> {
    let sql = format!(
        "SELECT c.first_name, c.email,
                coalesce((SELECT language FROM consents WHERE customer_id = c.id ORDER BY id DESC LIMIT 1),
                         s.default_language) AS language
         FROM customers c JOIN sites s ON s.id = c.site_id WHERE c.id = $1 AND {}",
        mailable(rule.trigger)
    );
    let Some(to) = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(customer).fetch_optional(&mut *tx).await? else {
        return Ok(false);
    };
    // The first name, else the address.
    let email = pii.open(&to.try_get::<String, _>("email")?)?;
    let first_name = pii.open_opt(to.try_get("first_name")?)?;
    let name = first_name.unwrap_or_else(|| email.clone());
    let mut language: String = to.try_get("language")?;
    let mut values = vec![("site", site.name.clone()), ("name", name)];
    let kind = match rule.trigger {
        Trigger::Dormant => {
            use crate::public_pages::unsubscribe::token;
            let link = format!(
                "{origin}/p/{}/unsubscribe/{}?lang={language}",
                site.key,
                token(secret, site.id, customer, "newsletter")
            );
            values.push(("code", rule.discount_code.clone()));
            values.push(("unsubscribe", link));
            MailKind::WinBack
        }
        Trigger::Detractor => {
            // The mail answers the answer, in the language it was given in.
            let (score, answered_in): (i64, String) =
                sqlx::query_as("SELECT score, language FROM nps_responses WHERE id = $1")
                    .bind(subject)
                    .fetch_one(&mut *tx)
                    .await?;
            language = answered_in;
            values.push(("score", score.to_string()));
            MailKind::NpsFollowUp
        }
        Trigger::ItemArrived => {
            let item: String = sqlx::query_scalar(
                "SELECT i.name FROM reservations r JOIN catalogue_items i ON i.id = r.item_id WHERE r.id = $1",
            )
            .bind(subject)
            .fetch_one(&mut *tx)
            .await?;
            values.push(("item", item));
            MailKind::ItemArrived
        }
    };
    let lang = Lang::from_code(&language).unwrap_or(Lang::En);
    let wording = crate::mail::db::wording(&mut *tx, site.id, kind, lang).await?;
    // A win-back is marketing: mail programs get its unsubscribe link to offer themselves.
    let unsubscribe = values.iter().find(|(k, _)| *k == "unsubscribe").map(|(_, v)| v.clone());
    let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let mail = Mail {
        subject: templates::fill(&wording.subject, &values),
        body: templates::fill(&wording.body, &values),
        unsubscribe,
    };
    let about = About { customer: Some(customer), ..About::default() };
    crate::mail::db::enqueue(&mut *tx, pii, site.id, about, kind.code(), &email, &mail).await?;
    Ok(true)
}

/// Queues `automation.fired` for the site's webhooks, if any endpoint subscribes to it.
async fn tell(tx: &mut Conn, site: SiteId, run: i64, customer: CustomerId) -> sqlx::Result<bool> {
    let subscribes = Dialect::of(tx).contains("',' || e.events || ','", "',automation.fired,'");
    let queued = sqlx::query(sqlx::AssertSqlSafe(format!(
        "INSERT INTO webhook_events (site_id, type, subject_id, customer_id)
         SELECT $1, 'automation.fired', $2, $3
         WHERE EXISTS (SELECT 1 FROM webhook_endpoints e WHERE e.site_id = $1 AND e.active = 1
                       AND {subscribes})"
    )))
    .bind(site)
    .bind(run)
    .bind(customer)
    .execute(&mut *tx)
    .await?;
    Ok(queued.rows_affected() == 1)
}

/// The body of an `automation.fired` event: the rule, what fired it, and the customer as the
/// REST API shows them.
pub async fn fired_event(pool: &Db, site: SiteId, run: i64) -> sqlx::Result<Option<serde_json::Value>> {
    let Some(r) = sqlx::query(
        "SELECT x.id, x.customer_id, x.subject_id, x.mailed, x.created_at, r.trigger, r.discount_code
         FROM automation_runs x JOIN automation_rules r ON r.id = x.rule_id WHERE x.id = $1 AND r.site_id = $2",
    )
    .bind(run)
    .bind(site)
    .fetch_optional(pool)
    .await?
    else {
        return Ok(None);
    };
    let trigger: String = r.try_get("trigger")?;
    let customer =
        crate::rest_api::db::customer_by_id(&mut *pool.acquire().await?, pool.pii(), site, r.try_get("customer_id")?)
            .await?;
    let subject: Option<i64> = r.try_get("subject_id")?;
    let code: String = r.try_get("discount_code")?;
    Ok(Some(serde_json::json!({
        "id": r.try_get::<i64, _>("id")?,
        "rule": trigger,
        "customer": customer,
        "discount_code": (trigger == Trigger::Dormant.code()).then_some(code),
        "nps_response_id": (trigger == Trigger::Detractor.code()).then_some(subject).flatten(),
        "reservation_id": (trigger == Trigger::ItemArrived.code()).then_some(subject).flatten(),
        "mailed": r.try_get::<Flag, _>("mailed")?.0,
        "created_at": r.try_get::<String, _>("created_at")?,
    })))
}

/// Marks an item arrived (no longer expected); its site, or `None` if there is no such item.
pub async fn mark_arrived(pool: &Db, item: i64) -> sqlx::Result<Option<SiteId>> {
    sqlx::query_scalar(
        "UPDATE catalogue_items SET arrived_at = $2, stock_expected = NULL
         WHERE id = $1 RETURNING site_id",
    )
    .bind(item)
    .bind(crate::db::now())
    .fetch_optional(pool)
    .await
}

/// A merge gives the customer kept the runs of the one merged away, so no rule tells them
/// again (undoing the merge leaves the copies: they were told).
pub async fn copy_runs(tx: &mut Conn, from: CustomerId, to: CustomerId) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO automation_runs (rule_id, customer_id, occasion, subject_id, mailed, told, created_at)
         SELECT rule_id, $2, occasion, subject_id, mailed, told, created_at FROM automation_runs WHERE customer_id = $1
         ON CONFLICT DO NOTHING",
    )
    .bind(from)
    .bind(to)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Logs what a run did, without naming anyone.
pub fn log_run(fired: &Fired) {
    if fired.customers > 0 {
        tracing::info!(customers = fired.customers, mailed = fired.mailed, told = fired.told, "automation fired");
    }
}
