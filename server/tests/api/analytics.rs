//! The analytics ingest endpoint, called as `track.js` calls it from a shop's page.

use crate::common;

use common::{TestApp, spawn_app, spawn_app_with};
use reqwest::StatusCode;
use reqwest::header::{CONTENT_TYPE, ORIGIN, USER_AGENT};
use serde_json::{Value, json};

const FIREFOX: &str = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

/// Sends an event and, once it is answered, waits for the analytics inbox to be moved into
/// the reports' tables.
async fn send(app: &TestApp, site: &str, origin: &str, agent: &str, event: &Value) -> reqwest::Response {
    let res = reqwest::Client::new()
        .post(format!("{}/s/{site}/a", app.url))
        .header(ORIGIN, origin)
        .header(USER_AGENT, agent)
        .header(CONTENT_TYPE, "text/plain;charset=UTF-8")
        .body(event.to_string())
        .send()
        .await
        .unwrap();
    app.analytics_moved().await;
    res
}

async fn track(app: &TestApp, event: Value) -> reqwest::Response {
    send(app, "demo", &app.url, FIREFOX, &event).await
}

fn view(app: &TestApp, id: &str, path: &str) -> Value {
    json!({"k": "v", "i": id, "u": format!("{}{path}", app.url), "r": "", "w": 1280, "l": "en-GB"})
}

async fn views(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT count(*) FROM page_views").fetch_one(&app.pool).await.unwrap()
}

#[tokio::test]
async fn a_page_view_keeps_path_referrer_and_campaign_but_not_the_query() {
    let app = spawn_app().await;
    let mut e =
        view(&app, "view-0001", "/demo/bread/?utm_source=newsletter&utm_campaign=xmas&email=ann@example.com#top");
    e["r"] = json!("https://www.google.com/search?q=sourdough");
    let res = track(&app, e).await;
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    assert!(res.headers().get("patron-dropped").is_none());
    let (path, referrer, source, campaign, screen, language, visitor): (
        String,
        String,
        String,
        String,
        String,
        String,
        String,
    ) = sqlx::query_as("SELECT path, referrer, utm_source, utm_campaign, screen, language, visitor FROM page_views")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(
        (path.as_str(), referrer.as_str(), source.as_str(), campaign.as_str(), screen.as_str(), language.as_str()),
        ("/demo/bread", "google.com", "newsletter", "xmas", "desktop", "en")
    );
    assert_eq!(visitor.len(), 32);
    let dump: String = sqlx::query_scalar::<_, String>(
        "SELECT view_id || path || referrer || utm_source || utm_medium || utm_campaign || language || visitor
         FROM page_views",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap()
    .join(",");
    assert!(!dump.contains("127.0.0.1") && !dump.contains("Firefox") && !dump.contains("ann@"), "{dump}");
}

#[tokio::test]
async fn time_on_page_keeps_the_longest_report_of_the_same_visitor() {
    let app = spawn_app().await;
    track(&app, view(&app, "view-0002", "/demo")).await;
    for d in [4000, 9500, 3000] {
        let res = track(&app, json!({"k": "l", "i": "view-0002", "d": d})).await;
        assert_eq!(res.status(), StatusCode::NO_CONTENT);
    }
    // Another browser (another user agent) cannot set someone else's time.
    send(&app, "demo", &app.url, "Mozilla/5.0 Safari/605.1.15", &json!({"k": "l", "i": "view-0002", "d": 99999})).await;
    let d: i64 = sqlx::query_scalar("SELECT duration_ms FROM page_views").fetch_one(&app.pool).await.unwrap();
    assert_eq!(d, 9500);
}

#[tokio::test]
async fn unknown_sites_foreign_origins_and_bad_events_are_refused_and_store_nothing() {
    let app = spawn_app().await;
    let ok = view(&app, "view-0003", "/demo");
    assert_eq!(send(&app, "nope", &app.url, FIREFOX, &ok).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(send(&app, "demo", "https://evil.example", FIREFOX, &ok).await.status(), StatusCode::FORBIDDEN);
    let foreign_page = json!({"k": "v", "i": "view-0003", "u": "https://evil.example/x"});
    assert_eq!(track(&app, foreign_page).await.status(), StatusCode::BAD_REQUEST);
    assert_eq!(track(&app, json!({"k": "v", "i": "x", "u": app.url})).await.status(), StatusCode::BAD_REQUEST);
    assert_eq!(track(&app, json!("not an event")).await.status(), StatusCode::BAD_REQUEST);
    let long_path = view(&app, "view-0004", &format!("/{}", "a".repeat(400)));
    assert_eq!(track(&app, long_path).await.status(), StatusCode::BAD_REQUEST);
    let mut big = view(&app, "view-0005", "/demo");
    big["l"] = json!("x".repeat(5000));
    assert_eq!(track(&app, big).await.status(), StatusCode::PAYLOAD_TOO_LARGE);
    let props = json!({"k": "e", "i": "view-0006", "n": "share", "p": {"x": "y".repeat(2000)}});
    assert_eq!(track(&app, props).await.status(), StatusCode::BAD_REQUEST);
    assert_eq!(views(&app).await, 0);
}

#[tokio::test]
async fn bots_and_do_not_track_are_answered_but_not_stored() {
    let app = spawn_app().await;
    for agent in ["Mozilla/5.0 (compatible; Googlebot/2.1)", "Mozilla/5.0 HeadlessChrome/120.0", "curl/8.5"] {
        let res = send(&app, "demo", &app.url, agent, &view(&app, "view-0007", "/demo")).await;
        assert_eq!(res.status(), StatusCode::NO_CONTENT);
        assert_eq!(res.headers()["patron-dropped"], "bot");
    }
    let res = reqwest::Client::new()
        .post(format!("{}/s/demo/a", app.url))
        .header(ORIGIN, &app.url)
        .header(USER_AGENT, FIREFOX)
        .header("sec-gpc", "1")
        .body(view(&app, "view-0008", "/demo").to_string())
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["patron-dropped"], "do-not-track");
    app.analytics_moved().await;
    assert_eq!(views(&app).await, 0);
}

#[tokio::test]
async fn the_visitor_key_holds_for_a_day_and_changes_with_the_salt() {
    let app = spawn_app().await;
    track(&app, view(&app, "view-0010", "/demo")).await;
    track(&app, view(&app, "view-0011", "/demo/thanks")).await;
    send(&app, "demo", &app.url, "Mozilla/5.0 Safari/605.1.15", &view(&app, "view-0012", "/demo")).await;
    let visitors: i64 =
        sqlx::query_scalar("SELECT count(DISTINCT visitor) FROM page_views").fetch_one(&app.pool).await.unwrap();
    assert_eq!(visitors, 2, "same IP and agent today: one visitor; another agent: another");

    // Midnight: yesterday's salt is deleted when today's is made, and the key changes.
    sqlx::query("UPDATE analytics_salts SET day = '2000-01-01'").execute(&app.pool).await.unwrap();
    track(&app, view(&app, "view-0013", "/demo")).await;
    let salts: Vec<String> = sqlx::query_scalar("SELECT day FROM analytics_salts").fetch_all(&app.pool).await.unwrap();
    assert_eq!(salts.len(), 1);
    assert_ne!(salts[0], "2000-01-01");
    let (before, after): (String, String) = sqlx::query_as(
        "SELECT (SELECT visitor FROM page_views WHERE view_id = 'view-0010'),
                (SELECT visitor FROM page_views WHERE view_id = 'view-0013')",
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_ne!(before, after);
}

#[tokio::test]
async fn custom_events_and_identified_visitors_are_recorded() {
    let app = spawn_app().await;
    let (text_id, _) = app.demo_consent_text().await;
    let done: Value = app
        .signup(&common::Signup {
            first_name: "Ann",
            email: "ann@example.com",
            consent: true,
            consent_text_id: Some(text_id),
            ..Default::default()
        })
        .await
        .json()
        .await
        .unwrap();
    let mut e = view(&app, "view-0020", "/demo");
    e["t"] = done["visitor"].clone();
    track(&app, e).await;
    let share = json!({"k": "e", "i": "view-0020", "u": format!("{}/demo", app.url), "n": "clicked share", "p": {"network": "mastodon"}});
    assert_eq!(track(&app, share).await.status(), StatusCode::NO_CONTENT);
    let customer: Option<i64> =
        sqlx::query_scalar("SELECT customer_id FROM page_views").fetch_one(&app.pool).await.unwrap();
    assert!(customer.is_some(), "linked through the widget's visitor token");
    let (name, props, path): (String, String, String) =
        sqlx::query_as("SELECT name, props, path FROM analytics_events").fetch_one(&app.pool).await.unwrap();
    assert_eq!((name.as_str(), props.as_str(), path.as_str()), ("clicked share", r#"{"network":"mastodon"}"#, "/demo"));

    // Staff see the visit on the customer's record.
    app.create_owner("owner@shop.example", "a long owner passphrase").await;
    let id = customer.unwrap().to_string();
    let record: Value = app.admin("customer_record", &[("id", &id)]).await.json().await.unwrap();
    assert!(record["last_visit"].is_string());
    assert_eq!(record["visits"][0]["path"], "/demo");
}

#[tokio::test]
async fn events_left_in_the_inbox_are_moved_each_view_at_the_time_it_arrived() {
    // As a server that stopped after acknowledging them, before moving them, leaves them.
    let app = spawn_app().await;
    let view = |id: &str, path: &str| {
        json!({"View": {"view_id": id, "path": path, "referrer": "", "utm_source": "", "utm_medium": "",
                        "utm_campaign": "", "screen": "Mobile", "language": "nl"}})
        .to_string()
    };
    let leave = json!({"Leave": {"view_id": "inbox-1", "duration_ms": 5000}}).to_string();
    let (t0, t1, t2) = (common::at("-180 minutes"), common::at("-170 minutes"), common::at("-125 minutes"));
    app.fixture(&format!(
        "INSERT INTO analytics_inbox (site_id, visitor, token_hash, received_at, event) VALUES
         (1, 'visitor-a', NULL, {t0}, '{}'), (1, 'visitor-a', NULL, {t0}, '{leave}'),
         (1, 'visitor-a', NULL, {t1}, '{}'), (1, 'visitor-a', NULL, {t2}, '{}')",
        view("inbox-1", "/bread"),
        view("inbox-2", "/cake"),
        view("inbox-3", "/bread"),
    ))
    .await;
    app.analytics_moved().await;
    let rows: Vec<(String, String, i64, i64, i64, Option<i64>)> = sqlx::query_as(
        "SELECT view_id, created_at, visit_start, visit_end, visitor_first, duration_ms FROM page_views ORDER BY view_id",
    )
    .fetch_all(&app.pool)
    .await
    .unwrap();
    let unquote = |t: &str| t.trim_matches('\'').to_owned();
    assert_eq!(
        rows,
        [
            ("inbox-1".into(), unquote(&t0), 1, 0, 1, Some(5000)),
            ("inbox-2".into(), unquote(&t1), 0, 1, 0, None),
            ("inbox-3".into(), unquote(&t2), 1, 1, 0, None),
        ],
        "10 minutes apart: one visit; 45 minutes later: a new one"
    );
}

#[tokio::test]
async fn a_list_of_events_in_one_request_is_stored_whole_or_not_at_all() {
    let app = spawn_app().await;
    let leave = json!({"k": "l", "i": "listed-1", "u": format!("{}/demo", app.url), "d": 4200});
    let goal = json!({"k": "e", "i": "listed-1", "u": format!("{}/demo", app.url), "n": "signed up"});
    let list = json!([view(&app, "listed-1", "/demo"), leave, goal, view(&app, "listed-2", "/demo/thanks")]);
    assert_eq!(track(&app, list).await.status(), StatusCode::NO_CONTENT);
    let stored: Vec<(String, Option<i64>)> =
        sqlx::query_as("SELECT view_id, duration_ms FROM page_views ORDER BY view_id")
            .fetch_all(&app.pool)
            .await
            .unwrap();
    assert_eq!(stored, [("listed-1".into(), Some(4200)), ("listed-2".into(), None)]);
    let goals: i64 = sqlx::query_scalar("SELECT count(*) FROM analytics_events").fetch_one(&app.pool).await.unwrap();
    assert_eq!(goals, 1);

    // One bad event refuses them all; so does an empty or too long list, or too many bytes.
    let bad = json!([view(&app, "listed-3", "/demo"), {"k": "x", "i": "listed-3", "u": format!("{}/demo", app.url)}]);
    let res = track(&app, bad).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert_eq!(res.text().await.unwrap(), "unknown kind of event");
    let many: Vec<Value> = (0..21).map(|i| view(&app, &format!("many-ids-{i}"), "/demo")).collect();
    let res = track(&app, Value::Array(many)).await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert_eq!(res.text().await.unwrap(), "from 1 to 20 events in one request");
    assert_eq!(track(&app, json!([])).await.status(), StatusCode::BAD_REQUEST);
    let mut heavy = view(&app, "listed-4", "/demo");
    heavy["r"] = json!("x".repeat(17 * 1024));
    assert_eq!(track(&app, json!([heavy])).await.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(views(&app).await, 2, "nothing of the refused lists");
}

#[tokio::test]
async fn every_acknowledged_event_of_a_burst_is_stored() {
    // 300 trackers at once, here all from loopback: one network, over its connection limit.
    let app = spawn_app_with(|c| c.connections_per_network = 1000).await;
    let sends = (0..300).map(|i| {
        let app = &app;
        async move { track(app, view(app, &format!("burst-{i:05}"), "/demo")).await.status() }
    });
    let statuses = futures::future::join_all(sends).await;
    let acknowledged = statuses.iter().filter(|s| **s == StatusCode::NO_CONTENT).count() as i64;
    assert_eq!(acknowledged, 300);
    assert_eq!(views(&app).await, acknowledged);
}

/// A page view of the fixture: view id, visitor, path, time, seconds visible, referrer,
/// utm source, screen, language.
type FixtureView = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<i64>,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

/// Three visitors on two days, five visits (one ended by 40 minutes idle), custom events,
/// and a day outside the period; every figure below was worked out by hand from it.
async fn analytics_fixture(app: &TestApp) {
    const VIEWS: [FixtureView; 10] = [
        ("fx-a00001", "A", "/demo", "2026-11-01T10:00", Some(10), "google.com", "newsletter", "desktop", "en"),
        ("fx-a00002", "A", "/demo/bread", "2026-11-01T10:01", Some(20), "", "", "desktop", "en"),
        ("fx-a00003", "A", "/demo/thanks", "2026-11-01T10:03", Some(4), "", "", "desktop", "en"),
        ("fx-a00004", "A", "/demo", "2026-11-01T12:00", Some(5), "", "", "desktop", "en"),
        ("fx-b00001", "B", "/demo/bread", "2026-11-01T10:05", None, "example.org", "", "mobile", "nl"),
        ("fx-b00002", "B", "/demo/bread", "2026-11-01T10:06", Some(30), "", "", "mobile", "nl"),
        ("fx-c00001", "C", "/demo", "2026-11-02T09:00", Some(2), "", "", "desktop", "nl"),
        ("fx-c00002", "C", "/demo/bread", "2026-11-02T09:10", Some(8), "", "", "desktop", "nl"),
        ("fx-c00003", "C", "/demo/thanks", "2026-11-02T09:50", None, "", "", "desktop", "nl"),
        ("fx-a00005", "A", "/demo", "2026-11-03T08:00", Some(99), "elsewhere.example", "", "tablet", "fi"),
    ];
    for (view, visitor, path, at, seconds, referrer, utm, screen, language) in VIEWS {
        sqlx::query(
            "INSERT INTO page_views (site_id, view_id, visitor, path, referrer, utm_source, screen, language, duration_ms, created_at)
             VALUES (1, $1, $2, $3, $4, $5, $6, $7, $8, $9 || ':00.000Z')",
        )
        .bind(view)
        .bind(visitor)
        .bind(path)
        .bind(referrer)
        .bind(utm)
        .bind(screen)
        .bind(language)
        .bind(seconds.map(|s| s * 1000))
        .bind(at)
        .execute(&app.pool)
        .await
        .unwrap();
    }
    let events = [
        ("fx-a00002", "A", "clicked share", "2026-11-01T10:02"),
        ("fx-b00002", "B", "clicked share", "2026-11-01T10:06"),
        ("fx-b00002", "B", "clicked share", "2026-11-01T10:07"),
        ("fx-c00003", "C", "newsletter", "2026-11-02T09:51"),
        ("fx-a00005", "A", "newsletter", "2026-11-03T08:01"),
    ];
    for (view, visitor, name, at) in events {
        sqlx::query(
            "INSERT INTO analytics_events (site_id, view_id, visitor, name, created_at) VALUES (1, $1, $2, $3, $4 || ':00.000Z')",
        )
        .bind(view)
        .bind(visitor)
        .bind(name)
        .bind(at)
        .execute(&app.pool)
        .await
        .unwrap();
    }
    // Ingest marks visits as views arrive; rows written straight into the table need them marked.
    app::analytics::db::recompute_visits(&app.pool).await.unwrap();
}

const PERIOD: [(&str, &str); 3] = [("site", "demo"), ("from", "2026-11-01"), ("to", "2026-11-02")];

#[tokio::test]
async fn the_overview_counts_views_visits_time_entries_exits_and_goals_as_computed_by_hand() {
    let app = spawn_app().await;
    app.create_owner("owner@shop.example", "a long owner passphrase").await;
    analytics_fixture(&app).await;
    let o: Value = app.admin("analytics_overview", &PERIOD).await.json().await.unwrap();
    assert_eq!((o["from"].as_str(), o["to"].as_str()), (Some("2026-11-01"), Some("2026-11-02")));
    // 4 + 2 + 3 views; A and B on the 1st, C on the 2nd; A has two visits (10:03 → 12:00),
    // B one, C two (09:10 → 09:50 is 40 minutes idle).
    assert_eq!((o["views"].as_i64(), o["visitors"].as_i64(), o["visits"].as_i64()), (Some(9), Some(3), Some(5)));
    assert_eq!(
        o["daily"],
        json!([{"day": "2026-11-01", "views": 6, "visitors": 2}, {"day": "2026-11-02", "views": 3, "visitors": 1}])
    );
    let page = |path: &str| o["pages"].as_array().unwrap().iter().find(|p| p["path"] == path).unwrap().clone();
    let figures = |p: Value| {
        ["views", "visitors", "avg_seconds", "entries", "exits", "exit_rate"].map(|k| p[k].as_i64().unwrap_or(-1))
    };
    // /demo: A 10:00 and 12:00, C 09:00. Seconds (10 + 5 + 2) / 3 = 5.7 → 6. All three begin
    // a visit; only A 12:00 ends one (the 3rd is outside the period): 1 of 3 = 33 %.
    assert_eq!(figures(page("/demo")), [3, 2, 6, 3, 1, 33]);
    // /demo/bread: A 10:01, B 10:05 and 10:06, C 09:10; seconds (20 + 30 + 8) / 3 = 19.3;
    // entry B 10:05; exits B 10:06 (last) and C 09:10 (40 minutes before the next).
    assert_eq!(figures(page("/demo/bread")), [4, 3, 19, 1, 2, 50]);
    // /demo/thanks: A 10:03 (exit: two hours to the next), C 09:50 (entry and exit).
    assert_eq!(figures(page("/demo/thanks")), [2, 2, 4, 1, 2, 100]);
    let order = |list: &str, key: &str| o[list].as_array().unwrap().iter().map(|p| p[key].clone()).collect::<Vec<_>>();
    assert_eq!(order("pages", "path"), [json!("/demo/bread"), json!("/demo"), json!("/demo/thanks")]);
    assert_eq!(
        o["entry_pages"],
        json!([{"label": "/demo", "count": 3}, {"label": "/demo/bread", "count": 1}, {"label": "/demo/thanks", "count": 1}])
    );
    assert_eq!(order("exit_pages", "path"), [json!("/demo/bread"), json!("/demo/thanks"), json!("/demo")]);
    assert_eq!(order("exit_pages", "exits"), [json!(2), json!(2), json!(1)]);
    assert_eq!(o["referrers"], json!([{"label": "example.org", "count": 1}, {"label": "google.com", "count": 1}]));
    assert_eq!(o["campaigns"], json!([{"label": "newsletter", "count": 1}]));
    assert_eq!(o["screens"], json!([{"label": "desktop", "count": 2}, {"label": "mobile", "count": 1}]));
    assert_eq!(o["languages"], json!([{"label": "nl", "count": 2}, {"label": "en", "count": 1}]));
    // "clicked share": A once, B twice → 3 events by 2 of 3 visitors; "newsletter": C (the
    // 3rd's is outside the period) → 1 of 3.
    assert_eq!(
        o["goals"],
        json!([
            {"name": "clicked share", "events": 3, "visitors": 2, "rate": 67},
            {"name": "newsletter", "events": 1, "visitors": 1, "rate": 33}
        ])
    );
    // A single day; then the last N days, which end today and so hold none of the fixture.
    let one_day: Value = app
        .admin("analytics_overview", &[("site", "demo"), ("from", "2026-11-02"), ("to", "2026-11-02")])
        .await
        .json()
        .await
        .unwrap();
    assert_eq!((one_day["views"].as_i64(), one_day["visits"].as_i64()), (Some(3), Some(2)));
    let week: Value = app.admin("analytics_overview", &[("site", "demo"), ("days", "7")]).await.json().await.unwrap();
    assert_eq!(week["daily"].as_array().unwrap().len(), 7);
    assert_eq!(week["views"], 0);
}

/// A stored view `days` days ago (at one in the morning), as the ingest would have stored it.
async fn view_days_ago(app: &TestApp, id: &str, visitor: &str, path: &str, days: i64) {
    sqlx::query(
        "INSERT INTO page_views (site_id, view_id, visitor, path, screen, language, duration_ms, created_at)
         VALUES (1, $1, $2, $3, 'mobile', 'de', 4000, $4)",
    )
    .bind(id)
    .bind(visitor)
    .bind(path)
    .bind(format!("{}T01:00:00.000Z", &app::db::now_plus(-days * 86_400)[..10]))
    .execute(&app.pool)
    .await
    .unwrap();
}

/// Days up to yesterday are read from their daily sums, made once; today from the page
/// views themselves; a period across both counts every view once.
#[tokio::test]
async fn finished_days_are_read_from_their_sums_and_today_from_the_views() {
    let app = spawn_app().await;
    app.create_owner("owner@shop.example", "a long owner passphrase").await;
    for (id, visitor, path, days) in
        [("d3-1", "P", "/a", 3), ("d3-2", "P", "/b", 3), ("d2-1", "Q", "/a", 2), ("d1-1", "R", "/b", 1)]
    {
        view_days_ago(&app, id, visitor, path, days).await;
    }
    app::analytics::db::recompute_visits(&app.pool).await.unwrap();
    assert_eq!(track(&app, view(&app, "today-0001", "/a")).await.status(), StatusCode::NO_CONTENT);
    let last_days = |days: &'static str| {
        let app = &app;
        async move {
            app.admin("analytics_overview", &[("site", "demo"), ("days", days)]).await.json::<Value>().await.unwrap()
        }
    };
    let o = last_days("4").await;
    let daily: Vec<i64> = o["daily"].as_array().unwrap().iter().map(|d| d["views"].as_i64().unwrap()).collect();
    assert_eq!(daily, [2, 1, 1, 1]);
    assert_eq!((o["views"].as_i64(), o["visitors"].as_i64(), o["visits"].as_i64()), (Some(5), Some(4), Some(4)));
    let page = |o: &Value, path: &str| {
        let p = o["pages"].as_array().unwrap().iter().find(|p| p["path"] == path).unwrap().clone();
        (p["views"].as_i64().unwrap(), p["visitors"].as_i64().unwrap(), p["avg_seconds"].as_i64())
    };
    // /a: P and Q on finished days (4 s each), today's view reported no time yet.
    assert_eq!(page(&o, "/a"), (3, 3, Some(4)));
    assert_eq!(page(&o, "/b"), (2, 2, Some(4)));
    assert_eq!(o["languages"], json!([{"label": "de", "count": 3}, {"label": "en", "count": 1}]));
    let summed: Vec<String> =
        sqlx::query_scalar("SELECT day FROM analytics_days ORDER BY day").fetch_all(&app.pool).await.unwrap();
    let day = |n: i64| app::db::now_plus(-n * 86_400)[..10].to_owned();
    // Yesterday is summed once it has been over for an hour.
    let first_hour = app::db::now()[11..13] == *"00";
    let mut expected = vec![day(3), day(2)];
    if !first_hour {
        expected.push(day(1));
    }
    assert_eq!(summed, expected, "only finished days are summed");

    // A summed day is not read again; today is.
    view_days_ago(&app, "d2-late", "S", "/a", 2).await;
    assert_eq!(track(&app, view(&app, "today-0002", "/a")).await.status(), StatusCode::NO_CONTENT);
    let again = last_days("4").await;
    assert_eq!(again["views"], 6);
    // Today's two views are one visitor's: /a has P, Q and today's visitor.
    assert_eq!(page(&again, "/a"), (4, 3, Some(4)));
    // A period of summed days alone, and one ending today.
    let two = last_days("2").await;
    assert_eq!((two["views"].as_i64(), two["visitors"].as_i64()), (Some(3), Some(2)));
    let older = app
        .admin("analytics_overview", &[("site", "demo"), ("from", &day(3)), ("to", &day(2))])
        .await
        .json::<Value>()
        .await
        .unwrap();
    assert_eq!((older["views"].as_i64(), older["visits"].as_i64()), (Some(3), Some(2)));
}

/// Today is read from sums the ingest keeps as views and time reports arrive (new views,
/// visits going on, the longest time of a view, a burst written in one batch); they must
/// equal the figures worked out again from the stored views.
#[tokio::test]
async fn todays_sums_kept_as_views_arrive_equal_the_views_summed_again() {
    let app = spawn_app().await;
    app.create_owner("owner@shop.example", "a long owner passphrase").await;
    const AGENTS: [&str; 3] = [FIREFOX, "Mozilla/5.0 Safari/605.1.15", "Mozilla/5.0 Chrome/130.0"];
    let views = [
        (0, "live-0001", "/demo?utm_source=news&utm_medium=mail", "https://www.google.com/"),
        (0, "live-0002", "/demo/bread", ""),
        (1, "live-0003", "/demo/bread", "https://example.org/x"),
        (0, "live-0004", "/demo", ""),
        (1, "live-0005", "/demo/bread", ""),
    ];
    for (agent, id, path, referrer) in views {
        let mut e = view(&app, id, path);
        e["r"] = json!(referrer);
        assert_eq!(send(&app, "demo", &app.url, AGENTS[agent], &e).await.status(), StatusCode::NO_CONTENT);
    }
    for (agent, id, d) in
        [(0, "live-0002", 4000), (0, "live-0002", 2500), (1, "live-0003", 7000), (2, "live-0001", 60000)]
    {
        send(&app, "demo", &app.url, AGENTS[agent], &json!({"k": "l", "i": id, "d": d})).await;
    }
    // A third visitor's burst, stored in as few batches as the writer makes of it.
    let burst = (0..40).map(|i| {
        let app = &app;
        async move {
            let mut e = view(app, &format!("burst-{i:05}"), &format!("/demo/p{}", i % 3));
            e["w"] = json!(390);
            e["l"] = json!("nl-NL");
            send(app, "demo", &app.url, AGENTS[2], &e).await.status()
        }
    });
    assert!(futures::future::join_all(burst).await.iter().all(|s| *s == StatusCode::NO_CONTENT));
    let today = || async {
        app.admin("analytics_overview", &[("site", "demo"), ("days", "1")]).await.json::<Value>().await.unwrap()
    };
    let kept = today().await;
    assert_eq!(
        (kept["views"].as_i64(), kept["visitors"].as_i64(), kept["visits"].as_i64()),
        (Some(45), Some(3), Some(3))
    );
    let bread = kept["pages"].as_array().unwrap().iter().find(|p| p["path"] == "/demo/bread").unwrap().clone();
    // Two visitors; times 4 s (the longest of its two reports) and 7 s: 5.5 → 6; the second
    // visitor entered here and left from here; the first went on to /demo.
    assert_eq!(
        ["views", "visitors", "avg_seconds", "entries", "exits"].map(|k| bread[k].as_i64()),
        [Some(3), Some(2), Some(6), Some(1), Some(1)]
    );
    app::admin::analytics::db::rebuild_live(&app.pool).await.unwrap();
    assert_eq!(today().await, kept);
}

#[tokio::test]
async fn the_path_explorer_follows_visits_three_steps_and_stops_at_idle_gaps() {
    let app = spawn_app().await;
    app.create_owner("owner@shop.example", "a long owner passphrase").await;
    analytics_fixture(&app).await;
    let mut form = PERIOD.to_vec();
    form.push(("start", "/demo"));
    let t: Value = app.admin("analytics_paths", &form).await.json().await.unwrap();
    // A 10:00 → bread → thanks → (two hours: left); A 12:00 → (left); C 09:00 → bread →
    // (40 minutes: left).
    let node = |path: Option<&str>, count: i64, next: Value| json!({"path": path, "other": false, "count": count, "next": next});
    let left = |count: i64| node(None, count, json!([]));
    assert_eq!(t["start"], "/demo");
    assert_eq!(t["views"], 3);
    assert_eq!(
        t["next"],
        json!([
            node(Some("/demo/bread"), 2, json!([left(1), node(Some("/demo/thanks"), 1, json!([left(1)]))])),
            left(1)
        ])
    );
    // Without a start page: the most viewed page of the period.
    let mut form = PERIOD.to_vec();
    form.push(("start", ""));
    let t: Value = app.admin("analytics_paths", &form).await.json().await.unwrap();
    assert_eq!((t["start"].as_str(), t["views"].as_i64()), (Some("/demo/bread"), Some(4)));
}

#[tokio::test]
async fn a_period_must_be_real_days_in_order_and_at_most_a_year() {
    let app = spawn_app().await;
    app.create_owner("owner@shop.example", "a long owner passphrase").await;
    for (from, to) in [("2026-11-02", "2026-11-01"), ("2026-02-30", "2026-03-01"), ("2020-01-01", "2026-01-01")] {
        let res = app.admin("analytics_overview", &[("site", "demo"), ("from", from), ("to", to)]).await;
        assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY, "{from}..{to}");
        assert!(res.text().await.unwrap().contains("period"));
    }
}

/// Views as they arrive: the second within 30 minutes continues the visit, a view after
/// 40 minutes idle begins a new one, and a repeated view id changes nothing.
#[tokio::test]
async fn ingest_marks_where_visits_begin_and_end() {
    let app = spawn_app().await;
    let flags = || async {
        sqlx::query_as::<_, (String, i64, i64, i64)>(
            "SELECT view_id, visit_start, visit_end, visitor_first FROM page_views ORDER BY id",
        )
        .fetch_all(&app.pool)
        .await
        .unwrap()
    };
    track(&app, view(&app, "visit-0001", "/demo")).await;
    track(&app, view(&app, "visit-0002", "/demo/bread")).await;
    assert_eq!(flags().await, [("visit-0001".into(), 1, 0, 1), ("visit-0002".into(), 0, 1, 0)]);
    sqlx::query("UPDATE page_views SET created_at = $1")
        .bind(app::db::now_plus(-40 * 60))
        .execute(&app.pool)
        .await
        .unwrap();
    track(&app, view(&app, "visit-0003", "/demo")).await;
    track(&app, view(&app, "visit-0003", "/demo")).await;
    assert_eq!(
        flags().await,
        [("visit-0001".into(), 1, 0, 1), ("visit-0002".into(), 0, 1, 0), ("visit-0003".into(), 1, 1, 0)]
    );
    // The same marks when worked out again from the times alone.
    app::analytics::db::recompute_visits(&app.pool).await.unwrap();
    assert_eq!(flags().await[2], ("visit-0003".into(), 1, 1, 0));
}

/// Saves the demo site's general settings as they are, with these kept query parameters.
async fn save_kept_params(app: &TestApp, params: &str) -> reqwest::Response {
    let form = [
        ("form[site]", "demo"),
        ("form[name]", "Demo bakery"),
        ("form[privacy_policy_url]", "/demo/privacy"),
        ("form[default_language]", "en"),
        ("form[kept_query_params]", params),
    ];
    app.admin("save_site", &form).await
}

#[tokio::test]
async fn a_site_keeps_the_query_parameters_its_owner_listed() {
    let app = spawn_app().await;
    app.create_owner("owner@shop.example", "a long owner passphrase").await;
    let saved = save_kept_params(&app, "q, page").await;
    assert_eq!(saved.status(), StatusCode::OK, "{}", saved.text().await.unwrap());
    track(&app, view(&app, "view-0030", "/demo/search?email=ann%40example.com&page=2&q=rye")).await;
    let path: String = sqlx::query_scalar("SELECT path FROM page_views").fetch_one(&app.pool).await.unwrap();
    assert_eq!(path, "/demo/search?q=rye&page=2");

    let bad = save_kept_params(&app, "q=1").await;
    assert_eq!(bad.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.text().await.unwrap().contains("query_params"));
}

/// Two browsers behind one reverse proxy: one visitor each only if the proxy is trusted.
#[tokio::test]
async fn forwarded_addresses_count_only_from_a_trusted_proxy() {
    async fn visitors(app: &TestApp) -> i64 {
        for (i, client) in ["203.0.113.1", "203.0.113.2"].into_iter().enumerate() {
            let res = reqwest::Client::new()
                .post(format!("{}/s/demo/a", app.url))
                .header(ORIGIN, &app.url)
                .header(USER_AGENT, FIREFOX)
                .header("x-forwarded-for", client)
                .body(view(app, &format!("proxied-{i:03}"), "/demo").to_string())
                .send()
                .await
                .unwrap();
            assert_eq!(res.status(), StatusCode::NO_CONTENT);
        }
        app.analytics_moved().await;
        sqlx::query_scalar("SELECT count(DISTINCT visitor) FROM page_views").fetch_one(&app.pool).await.unwrap()
    }
    let direct = spawn_app().await;
    assert_eq!(visitors(&direct).await, 1, "anyone can send the header: it is ignored");
    let proxied = common::spawn_app_with(|c| c.trusted_proxies = vec!["127.0.0.1".parse().unwrap()]).await;
    assert_eq!(visitors(&proxied).await, 2);
}

/// The ingest remembers a site's settings for a few seconds, but an origin the owner has
/// just allowed counts at once.
#[tokio::test]
async fn a_newly_allowed_origin_is_tracked_at_once() {
    let app = spawn_app().await;
    app.create_owner("owner@shop.example", "a long owner passphrase").await;
    let shop = "https://shop.example";
    let event = json!({"k": "v", "i": "fresh-0001", "u": format!("{shop}/bread"), "w": 800, "l": "en"});
    assert_eq!(track(&app, view(&app, "fresh-0000", "/demo")).await.status(), StatusCode::NO_CONTENT);
    assert_eq!(send(&app, "demo", shop, FIREFOX, &event).await.status(), StatusCode::FORBIDDEN);
    let added = app.admin("add_origin", &[("site", "demo"), ("origin", shop)]).await;
    assert_eq!(added.status(), StatusCode::OK);
    assert_eq!(send(&app, "demo", shop, FIREFOX, &event).await.status(), StatusCode::NO_CONTENT);
}
