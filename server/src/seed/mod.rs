//! `patron seed`: fills an empty database with a realistic, deterministic shop — customers
//! in seven languages with addresses, genders and birthdays, consents, purchase histories
//! with seasonality, survey answers, favourites, and page-view paths — for benchmarks and
//! demos. The same `--seed` gives the same rows.

mod data;
mod db;

use app::db::Db;
use app::domain::iso_timestamp;
use data::{CAMPAIGNS, LOCALES, PAGES, REFERRERS};
use db::V;
use std::time::Instant;

/// How much to make.
#[derive(Debug, Clone, Copy)]
pub struct Amounts {
    pub customers: u64,
    pub purchases: u64,
    /// Page views (plus a few custom events among them).
    pub events: u64,
    pub seed: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum SeedError {
    #[error("database: {0}")]
    Sql(#[from] sqlx::Error),
    #[error("the database has {0} customers already: seed fills an empty database only")]
    NotEmpty(i64),
}

/// Every table the seed writes.
const TABLES: [&str; 11] = [
    "customers",
    "consents",
    "favourites",
    "nps_responses",
    "heard_responses",
    "reason_rankings",
    "reason_ranking_items",
    "purchases",
    "purchase_items",
    "page_views",
    "analytics_events",
];

/// Rows generated and written per transaction.
const CHUNK: u64 = 20_000;
const DAY: i64 = 86_400;
/// 2026-11-23T12:00:00Z, a Monday.
const ANCHOR: i64 = 1_795_435_200;

/// splitmix64: small, fast and good enough to make test data; deterministic per seed.
struct Rng(u64);

impl Rng {
    fn new(seed: u64, stream: u64) -> Rng {
        Rng(seed ^ stream.wrapping_mul(0x9E37_79B9_7F4A_7C15))
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// 0..n
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    /// True with probability `percent` %.
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// What one run wrote: rows per table and the time it took.
pub struct Report {
    pub tables: Vec<(&'static str, u64)>,
    pub seconds: f64,
}

impl Report {
    pub fn rows(&self) -> u64 {
        self.tables.iter().map(|t| t.1).sum()
    }
}

pub async fn run(pool: &Db, a: Amounts) -> Result<Report, SeedError> {
    let started = Instant::now();
    let mut conn = pool.acquire().await?;
    let existing = db::count(&mut conn, "customers").await?;
    if existing > 0 {
        return Err(SeedError::NotEmpty(existing));
    }
    db::bulk_mode(&mut conn).await?;
    db::forget_windows(&mut conn).await?;
    let indexes = db::drop_indexes(&mut conn, &TABLES).await?;
    // Rows are made against a fixed day, so a seed gives the same rows on any day, then
    // moved by whole weeks to end near today (weekdays, and so the seasons, stay put).
    let now = ANCHOR;
    let today = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64);
    let shift = (today - ANCHOR).div_euclid(7 * DAY) * 7 * DAY;
    let iso_timestamp = |t: i64| iso_timestamp(t + shift);
    let mut tables = Vec::new();
    let catalogue = db::catalogue(&mut conn).await?;
    let reasons = db::options(&mut conn, "reasons").await?;
    let heard = db::options(&mut conn, "heard").await?;
    let consent = db::consent_text(&mut conn).await?;
    let n = a.customers.max(1);

    // Customers joined over the last three years, oldest ids first.
    // The time of day comes from the id alone, so purchases can start after it.
    let joined = |id: u64| {
        now - 3 * 365 * DAY + (id as i64 * (3 * 365 - 1) * DAY) / n as i64 + Rng::new(id, 9).below(DAY as u64) as i64
    };
    let mut rng = Rng::new(a.seed, 1);
    let mut written = [0u64; 9];
    let mut ranking_id = 0i64;
    for start in (0..a.customers).step_by(CHUNK as usize) {
        let mut customers = Vec::new();
        let mut consents = Vec::new();
        let mut favourites = Vec::new();
        let mut nps = Vec::new();
        let mut heard_rows = Vec::new();
        let mut rankings = Vec::new();
        let mut ranked = Vec::new();
        for id in start + 1..=(start + CHUNK).min(a.customers) {
            let locale = rng.pick(&LOCALES);
            let female = rng.chance(52);
            let (first, first_ascii) = *rng.pick(if female { locale.female } else { locale.male });
            let (last, last_ascii) = *rng.pick(locale.last);
            let (town, postcode, region) = *rng.pick(locale.towns);
            let created = iso_timestamp(joined(id));
            let birthday = rng.chance(70).then(|| {
                let born = now - (18 + rng.below(62) as i64) * 365 * DAY - rng.below(365) as i64 * DAY;
                iso_timestamp(born)[..10].to_owned()
            });
            customers.push(vec![
                V::I(id as i64),
                V::I(1),
                V::S(first),
                V::S(last),
                V::T(format!("{first_ascii}.{last_ascii}.{id}@example.{}", locale.country.to_ascii_lowercase())),
                if rng.chance(80) { V::T(format!("{}{:05}", locale.phone, id % 100_000)) } else { V::Null },
                V::T(format!("{} {}", rng.pick(locale.streets), 1 + rng.below(120))),
                V::S(town),
                V::S(region),
                V::S(postcode),
                V::S(locale.country),
                V::S(if female {
                    "female"
                } else if rng.chance(3) {
                    "diverse"
                } else {
                    "male"
                }),
                birthday.map_or(V::Null, V::T),
                V::T(created.clone()),
                V::T(created.clone()),
            ]);
            if rng.chance(60) {
                consents.push(vec![
                    V::I(id as i64),
                    V::S("newsletter"),
                    V::I(1),
                    V::I(consent.0),
                    V::T(consent.1.clone()),
                    V::I(consent.2),
                    V::S(locale.language),
                    V::S("https://shop.example/"),
                    V::S("widget:signup"),
                    V::T(created.clone()),
                ]);
            }
            if rng.chance(20) && !catalogue.is_empty() {
                let first_item = rng.below(catalogue.len() as u64) as usize;
                for k in 0..1 + rng.below(2) as usize {
                    let item = catalogue[(first_item + k) % catalogue.len()].0;
                    favourites.push(vec![V::I(id as i64), V::I(item), V::T(created.clone())]);
                }
            }
            if rng.chance(10) {
                // Promoters outnumber detractors, as in most small shops.
                let score = *rng.pick(&[10, 10, 9, 9, 9, 8, 8, 7, 6, 5, 3, 0]);
                nps.push(vec![
                    V::I(1),
                    V::I(id as i64),
                    V::I(score),
                    V::S(if score >= 9 {
                        "Great bread"
                    } else if score <= 6 {
                        "Too expensive"
                    } else {
                        ""
                    }),
                    V::S(locale.language),
                    V::S("https://shop.example/thanks"),
                    V::T(created.clone()),
                ]);
            }
            if rng.chance(8) && !reasons.is_empty() {
                ranking_id += 1;
                rankings.push(vec![
                    V::I(ranking_id),
                    V::I(1),
                    V::I(id as i64),
                    V::S(locale.language),
                    V::S("https://shop.example/thanks"),
                    V::T(created.clone()),
                ]);
                // A shuffled order, quality and convenience more often on top.
                let mut order = reasons.clone();
                for i in (1..order.len()).rev() {
                    order.swap(i, rng.below(i as u64 + 1) as usize);
                }
                if rng.chance(30) {
                    order.sort_by_key(|o| *o != reasons[2]);
                }
                for (rank, option) in order.into_iter().enumerate() {
                    ranked.push(vec![V::I(ranking_id), V::I(option), V::I(rank as i64 + 1)]);
                }
            }
            if rng.chance(10) && !heard.is_empty() {
                heard_rows.push(vec![
                    V::I(1),
                    V::I(id as i64),
                    V::I(*rng.pick(&heard)),
                    V::Null,
                    V::S(locale.language),
                    V::S("https://shop.example/thanks"),
                    V::T(created),
                ]);
            }
        }
        const CUSTOMER: [&str; 15] = [
            "id",
            "site_id",
            "first_name",
            "last_name",
            "email",
            "phone",
            "street",
            "city",
            "region",
            "postcode",
            "country",
            "gender",
            "birthday",
            "created_at",
            "updated_at",
        ];
        let mut tx = sqlx::Connection::begin(&mut *conn).await?;
        db::insert_customers(&mut tx, pool.pii(), &CUSTOMER, &customers).await?;
        const CONSENT: [&str; 10] = [
            "customer_id",
            "purpose",
            "granted",
            "consent_text_id",
            "body",
            "text_version",
            "language",
            "page_url",
            "source",
            "created_at",
        ];
        db::insert(&mut tx, "consents", &CONSENT, &consents).await?;
        db::insert(&mut tx, "favourites", &["customer_id", "item_id", "created_at"], &favourites).await?;
        const ANSWER: [&str; 7] = ["site_id", "customer_id", "score", "reason", "language", "page_url", "created_at"];
        db::insert(&mut tx, "nps_responses", &ANSWER, &nps).await?;
        const HEARD: [&str; 7] =
            ["site_id", "customer_id", "option_id", "other_text", "language", "page_url", "created_at"];
        db::insert(&mut tx, "heard_responses", &HEARD, &heard_rows).await?;
        db::insert(
            &mut tx,
            "reason_rankings",
            &["id", "site_id", "customer_id", "language", "page_url", "created_at"],
            &rankings,
        )
        .await?;
        db::insert(&mut tx, "reason_ranking_items", &["ranking_id", "option_id", "rank"], &ranked).await?;
        tx.commit().await?;
        written[8] += rankings.len() as u64;
        for (i, len) in
            [customers.len(), consents.len(), favourites.len(), nps.len(), heard_rows.len()].into_iter().enumerate()
        {
            written[i] += len as u64;
        }
    }

    // Purchases: early customers buy more (they had longer), December and Saturdays more.
    let mut rng = Rng::new(a.seed, 2);
    for start in (0..a.purchases).step_by(CHUNK as usize) {
        let mut purchases = Vec::new();
        let mut items = Vec::new();
        for id in start + 1..=(start + CHUNK).min(a.purchases) {
            let u = rng.below(1_000_000) as f64 / 1_000_000.0;
            let customer = 1 + ((u * u) * n as f64) as u64 % n;
            let since = joined(customer);
            let at = loop {
                let t = since + rng.below((now - since).max(1) as u64) as i64;
                if rng.below(100) < seasonal_weight(t) {
                    break t;
                }
            };
            let mut subtotal = 0;
            for line in 1..=1 + rng.below(3) as i64 {
                let (item, name, price) = rng.pick(&catalogue).clone();
                let quantity = 1 + rng.below(4) as i64;
                subtotal += quantity * price;
                items.push(vec![
                    V::I(id as i64),
                    V::I(line),
                    V::I(item),
                    V::T(name),
                    V::I(quantity),
                    V::I(price),
                    V::I(quantity * price),
                ]);
            }
            let discount = if rng.chance(10) { subtotal / 10 } else { 0 };
            purchases.push(vec![
                V::I(id as i64),
                V::I(1),
                V::I(customer as i64),
                V::S("EUR"),
                V::I(subtotal),
                V::I(discount),
                V::I(subtotal - discount),
                V::S(rng.pick(&["card", "card", "card", "cash", "cash", "mobile"])),
                V::T(iso_timestamp(at)),
            ]);
        }
        const PURCHASE: [&str; 9] = [
            "id",
            "site_id",
            "customer_id",
            "currency",
            "subtotal_minor",
            "discount_minor",
            "total_minor",
            "payment_method",
            "created_at",
        ];
        let mut tx = sqlx::Connection::begin(&mut *conn).await?;
        db::insert(&mut tx, "purchases", &PURCHASE, &purchases).await?;
        const ITEM: [&str; 7] =
            ["purchase_id", "line", "item_id", "description", "quantity", "unit_price_minor", "line_total_minor"];
        db::insert(&mut tx, "purchase_items", &ITEM, &items).await?;
        tx.commit().await?;
        written[5] += purchases.len() as u64;
        written[6] += items.len() as u64;
    }

    // Page views: visits of 1–6 pages along the shop's links over the last year.
    let mut rng = Rng::new(a.seed, 3);
    let mut made = 0u64;
    let mut custom = 0u64;
    let mut visit = 0u64;
    while made < a.events {
        let mut views = Vec::new();
        let mut events = Vec::new();
        while made < a.events && views.len() < CHUNK as usize {
            visit += 1;
            let visitor = format!("{:016x}{:016x}", rng.next(), rng.next());
            let customer = if rng.chance(5) { V::I(1 + rng.below(n) as i64) } else { V::Null };
            // Visits in the order of time, as a live site stores them.
            let mut t = now - 365 * DAY + (made as i64 * 365 * DAY) / a.events.max(1) as i64 + rng.below(600) as i64;
            let first_of_visit = views.len();
            let screen = *rng.pick(&["mobile", "mobile", "desktop", "desktop", "tablet"]);
            let language = rng.pick(&LOCALES).language;
            let (referrer, utm) = match rng.below(10) {
                0..=3 => ("", None),
                4..=7 => (*rng.pick(&REFERRERS), None),
                _ => ("", Some(*rng.pick(&CAMPAIGNS))),
            };
            let mut page = rng.below(3) as usize;
            for step in 0..6 {
                if made >= a.events {
                    break;
                }
                made += 1;
                let view_id = format!("s{visit:x}-{step}");
                let seconds = 3 + rng.below(180) as i64;
                views.push(vec![
                    V::I(1),
                    V::T(view_id.clone()),
                    V::T(visitor.clone()),
                    customer.clone(),
                    V::S(PAGES[page].0),
                    V::S(if step == 0 { referrer } else { "" }),
                    V::S(utm.filter(|_| step == 0).map_or("", |c| c.0)),
                    V::S(utm.filter(|_| step == 0).map_or("", |c| c.1)),
                    V::S(utm.filter(|_| step == 0).map_or("", |c| c.2)),
                    V::S(screen),
                    V::S(language),
                    if rng.chance(85) { V::I(seconds * 1000) } else { V::Null },
                    V::T(iso_timestamp(t)),
                    V::I(i64::from(step == 0)),
                    V::I(0),
                    V::I(i64::from(step == 0)),
                ]);
                if PAGES[page].0 == "/checkout" || rng.chance(2) {
                    custom += 1;
                    let name = if PAGES[page].0 == "/checkout" { "checkout" } else { "clicked share" };
                    events.push(vec![
                        V::I(1),
                        V::T(view_id),
                        V::T(visitor.clone()),
                        customer.clone(),
                        V::S(name),
                        V::S(PAGES[page].0),
                        V::T(iso_timestamp(t + 2)),
                    ]);
                }
                if rng.chance(35) {
                    break;
                }
                t += seconds + rng.below(20) as i64;
                page = *rng.pick(PAGES[page].1);
            }
            if let Some(last) = views.get_mut(first_of_visit..).and_then(|v| v.last_mut()) {
                last[14] = V::I(1);
            }
        }
        const VIEW: [&str; 16] = [
            "site_id",
            "view_id",
            "visitor",
            "customer_id",
            "path",
            "referrer",
            "utm_source",
            "utm_medium",
            "utm_campaign",
            "screen",
            "language",
            "duration_ms",
            "created_at",
            "visit_start",
            "visit_end",
            "visitor_first",
        ];
        let mut tx = sqlx::Connection::begin(&mut *conn).await?;
        db::insert(&mut tx, "page_views", &VIEW, &views).await?;
        const EVENT: [&str; 7] = ["site_id", "view_id", "visitor", "customer_id", "name", "path", "created_at"];
        db::insert(&mut tx, "analytics_events", &EVENT, &events).await?;
        tx.commit().await?;
    }
    written[7] = made;
    let names = [
        "customers",
        "consents",
        "favourites",
        "nps_responses",
        "heard_responses",
        "purchases",
        "purchase_items",
        "page_views",
        "reason_rankings",
    ];
    tables.extend(names.into_iter().zip(written));
    tables.push(("analytics_events", custom));
    db::create_indexes(&mut conn, &indexes).await?;
    app::db::advance_ids(&mut conn).await?;
    db::build_windows(&mut conn, today).await?;
    sqlx::query("ANALYZE").execute(&mut *conn).await?;
    drop(conn);
    // The daily analytics sums, as the server's hourly job would have made them.
    app::admin::analytics::db::sum_all_sites(pool).await?;
    app::admin::analytics::db::rebuild_live(pool).await?;
    Ok(Report { tables, seconds: started.elapsed().as_secs_f64() })
}

/// Chance in percent that a purchase at `t` happens: December and Saturdays are busiest,
/// January and Mondays quietest.
fn seasonal_weight(t: i64) -> u64 {
    let month = iso_timestamp(t)[5..7].parse::<u64>().unwrap_or(6);
    // 1970-01-01 was a Thursday: 0 = Thursday … 2 = Saturday.
    let weekday = t.div_euclid(DAY).rem_euclid(7);
    let by_month = [40, 45, 55, 60, 65, 60, 55, 55, 60, 65, 75, 100][month as usize - 1];
    let by_day = [80, 85, 100, 60, 55, 60, 70][weekday as usize];
    by_month * by_day / 100
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generator_is_deterministic_per_seed() {
        let draw = |seed| (0..5).map(|_| Rng::new(seed, 1).next()).collect::<Vec<_>>();
        assert_eq!(draw(7), draw(7));
        assert_ne!(draw(7), draw(8));
        let mut r = Rng::new(1, 1);
        assert!((0..1000).all(|_| r.below(6) < 6));
    }

    #[test]
    fn december_saturdays_are_busier_than_january_mondays() {
        // 2025-12-06 was a Saturday, 2025-01-06 a Monday.
        let sat = 1_764_979_200 + 12 * 3600;
        let mon = 1_736_121_600 + 12 * 3600;
        assert_eq!(&iso_timestamp(sat)[..10], "2025-12-06");
        assert!(seasonal_weight(sat) > 2 * seasonal_weight(mon));
    }
}
