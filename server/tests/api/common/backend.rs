//! What the tests need to run alike on SQLite and PostgreSQL: times written as Patron
//! writes them rather than with SQLite's date functions, and which tests are one backend's.

/// The moment `modifier` from now (`"-5 days"`, `"-40 minutes"`, `"-13 months"`,
/// `"+5 hours"`, as SQLite's date modifiers say it) as a quoted SQL literal, written as
/// Patron stores times. Fixtures say when things happened with it rather than with
/// SQLite's `strftime`, so that they read the same on PostgreSQL.
pub fn at(modifier: &str) -> String {
    let (number, unit) = modifier.trim().split_once(' ').expect("a signed number and a unit");
    let n: i64 = number.trim_start_matches('+').parse().expect("a whole number");
    let unit = unit.trim_end_matches('s');
    let at = match unit {
        "month" => app::db::months_ago(-n),
        "year" => app::db::months_ago(-12 * n),
        _ => {
            let seconds = match unit {
                "second" => 1,
                "minute" => 60,
                "hour" => 3_600,
                "day" => 86_400,
                other => panic!("no such unit: {other}"),
            };
            app::db::now_plus(n * seconds)
        }
    };
    format!("'{at}'")
}

/// For a test of what only SQLite has (its files and their locks, its triggers, backups
/// of its file): true, after saying the test is skipped, when the suite runs on
/// PostgreSQL (`PATRON_TEST_POSTGRES`); the test then returns.
pub fn sqlite_only(why: &str) -> bool {
    let on_postgres = std::env::var_os("PATRON_TEST_POSTGRES").is_some();
    if on_postgres {
        eprintln!("skipped on PostgreSQL: {why}");
    }
    on_postgres
}

/// For a test that needs a PostgreSQL server besides SQLite (`patron migrate-to`): true,
/// after saying the test is skipped, when the suite runs without one; the test then returns.
pub fn postgres_only(why: &str) -> bool {
    let without = std::env::var_os("PATRON_TEST_POSTGRES").is_none();
    if without {
        eprintln!("skipped without PATRON_TEST_POSTGRES: {why}");
    }
    without
}

/// Seconds from now to the stored moment `at` (negative when it is past).
pub fn seconds_from_now(at: &str) -> f64 {
    let at: jiff::Timestamp = at.parse().expect("a stored moment");
    (at.as_millisecond() - jiff::Timestamp::now().as_millisecond()) as f64 / 1000.0
}
