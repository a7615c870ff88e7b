//! The admin's server functions: first-run set-up, sign-in, sessions, and refusal of
//! callers without a valid session or from another origin.

use crate::common;

use app::domain::Role;
use common::{field_errors, spawn_app};
use reqwest::StatusCode;
use reqwest::header::{ORIGIN, SET_COOKIE};

const OWNER: &str = "owner@shop.example";
const PASSWORD: &str = "a long owner passphrase";

#[tokio::test]
async fn healthz_answers_when_the_database_does() {
    let app = spawn_app().await;
    let res = reqwest::get(format!("{}/healthz", app.url)).await.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    // The liveness check answers even when the database would not (the pool is closed).
    app.pool.close().await;
    assert_eq!(reqwest::get(format!("{}/healthz", app.url)).await.unwrap().status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(reqwest::get(format!("{}/livez", app.url)).await.unwrap().status(), StatusCode::OK);
}

#[tokio::test]
async fn the_first_run_creates_one_owner_and_signs_them_in() {
    let app = spawn_app().await;
    let state = app.admin("auth_state", &[]).await.json::<serde_json::Value>().await.unwrap();
    assert_eq!(state, "NeedsSetup");

    let res = app.create_owner(OWNER, PASSWORD).await;
    assert!(res.status().is_success() || res.status().is_redirection(), "{}", res.status());
    let cookie = res.headers()[SET_COOKIE].to_str().unwrap().to_owned();
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), "{cookie}");
    assert!(!cookie.contains("Secure"), "plain http on loopback");

    let state = app.admin("auth_state", &[]).await.json::<serde_json::Value>().await.unwrap();
    assert_eq!(state["SignedIn"]["email"], OWNER);
    assert_eq!(state["SignedIn"]["role"], "owner");

    let hash: String = sqlx::query_scalar("SELECT password_hash FROM staff_users").fetch_one(&app.pool).await.unwrap();
    assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{hash}");
    let token_hash: String = sqlx::query_scalar("SELECT token_hash FROM sessions").fetch_one(&app.pool).await.unwrap();
    assert!(!cookie.contains(&token_hash), "the database holds only the token's hash");

    let second = app.create_owner("intruder@evil.example", "another long password").await;
    assert_eq!(second.status(), StatusCode::CONFLICT);
    assert_eq!(app.count("staff_users").await, 1);
}

#[tokio::test]
async fn a_fresh_install_is_not_taken_over_by_whoever_comes_first() {
    let app = spawn_app().await;
    let code = app.setup_code.clone().expect("a fresh install prints a set-up code");
    // Without the code, or with a wrong one, nobody becomes the owner.
    for token in ["", "0000000000000000000000000000000000000000000000000000000000000000", &code[1..]] {
        let res = app
            .admin("setup_owner", &[("email", "intruder@evil.example"), ("password", PASSWORD), ("token", token)])
            .await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{token:?}");
        assert_eq!(res.json::<String>().await.unwrap(), "SetupCode");
    }
    assert_eq!(app.count("staff_users").await, 0);
    // The database keeps only the code's hash.
    let kept: String = sqlx::query_scalar("SELECT token_hash FROM setup_tokens").fetch_one(&app.pool).await.unwrap();
    assert_ne!(kept, code);
    // With it, the owner is made, and the code is used up.
    let res = app.create_owner(OWNER, PASSWORD).await;
    assert!(res.status().is_success() || res.status().is_redirection(), "{}", res.status());
    assert_eq!(app.count("staff_users").await, 1);
    let left: i64 = sqlx::query_scalar("SELECT count(*) FROM setup_tokens").fetch_one(&app.pool).await.unwrap();
    assert_eq!(left, 0);
}

#[tokio::test]
async fn browsers_racing_through_the_first_run_make_one_owner() {
    let app = spawn_app().await;
    // Eight people with the set-up code at once (two servers printed codes, say): one
    // becomes the owner, the rest are told someone was first or that Patron is busy.
    let tries = (0..8).map(|i| {
        let app = &app;
        async move { app.create_owner(&format!("owner{i}@shop.example"), PASSWORD).await.status() }
    });
    let statuses = futures::future::join_all(tries).await;
    let made = statuses.iter().filter(|s| s.is_success() || s.is_redirection()).count();
    assert_eq!(made, 1, "{statuses:?}");
    assert!(
        statuses.iter().all(|s| s.is_success() || s.is_redirection() || [409, 503].contains(&s.as_u16())),
        "{statuses:?}"
    );
    assert_eq!(app.count("staff_users").await, 1);
}

#[tokio::test]
async fn the_first_run_refuses_a_short_password_and_a_bad_email() {
    let app = spawn_app().await;
    let res = app.create_owner("not-an-email", "eleven char").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let errors = field_errors(&res.json().await.unwrap());
    assert_eq!(errors["email"], "NotAnEmail");
    assert_eq!(errors["password"], "PasswordTooShort");
    assert_eq!(app.count("staff_users").await, 0);
}

#[tokio::test]
async fn admin_functions_refuse_a_caller_without_a_session() {
    let app = spawn_app().await;
    app.create_owner(OWNER, PASSWORD).await;
    let anonymous = reqwest::Client::new();
    let res = app.admin_via(&anonymous, &app.url, "list_customers", &[("query", ""), ("page", "1")]).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(res.json::<String>().await.unwrap(), "Unauthenticated");
}

#[tokio::test]
async fn admin_functions_refuse_a_forged_or_expired_session() {
    let app = spawn_app().await;
    app.create_owner(OWNER, PASSWORD).await;
    let list = |cookie: String| {
        reqwest::Client::new()
            .post(format!("{}/api/admin/list_customers", app.url))
            .header(ORIGIN, &app.url)
            .header("cookie", cookie)
            .form(&[("query", ""), ("page", "1")])
            .send()
    };
    let forged = list(format!("patron_session={}", "ab".repeat(32))).await.unwrap();
    assert_eq!(forged.status(), StatusCode::UNAUTHORIZED);

    // A real session, expired in the database, no longer works.
    let res = app.admin("login", &[("email", OWNER), ("password", PASSWORD)]).await;
    let cookie = res.headers()[SET_COOKIE].to_str().unwrap().split(';').next().unwrap().to_owned();
    assert_eq!(list(cookie.clone()).await.unwrap().status(), StatusCode::OK);
    sqlx::query("UPDATE sessions SET expires_at = '2000-01-01T00:00:00.000Z'").execute(&app.pool).await.unwrap();
    assert_eq!(list(cookie).await.unwrap().status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn admin_functions_refuse_a_cross_origin_caller_even_with_a_session() {
    let app = spawn_app().await;
    app.create_owner(OWNER, PASSWORD).await;
    let res =
        app.admin_via(&app.client, "https://evil.example", "list_customers", &[("query", ""), ("page", "1")]).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn a_wrong_password_or_unknown_email_gets_the_same_answer() {
    let app = spawn_app().await;
    app.create_owner(OWNER, PASSWORD).await;
    for (email, password) in [(OWNER, "not the password"), ("nobody@shop.example", PASSWORD)] {
        let res = app
            .admin_via(&reqwest::Client::new(), &app.url, "login", &[("email", email), ("password", password)])
            .await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
        assert!(res.headers().get(SET_COOKIE).is_none());
        assert_eq!(res.json::<String>().await.unwrap(), "WrongCredentials");
    }
}

#[tokio::test]
async fn signed_in_staff_list_and_search_customers_with_their_consent_state() {
    let app = spawn_app().await;
    app.create_owner(OWNER, PASSWORD).await;
    let (text_id, _) = app.demo_consent_text().await;
    for (first, email, phone, consent) in
        [("Ann", "ann@example.com", "+49 170 1234567", true), ("Bob", "bob@example.com", "", false)]
    {
        let res = app
            .signup(&common::Signup {
                first_name: first,
                email,
                phone,
                consent,
                consent_text_id: consent.then_some(text_id),
                ..Default::default()
            })
            .await;
        assert_eq!(res.status(), StatusCode::OK);
    }
    let page: serde_json::Value =
        app.admin("list_customers", &[("query", ""), ("page", "1")]).await.json().await.unwrap();
    assert_eq!(page["total"], 2);
    assert_eq!(page["rows"][0]["first_name"], "Bob", "newest first");
    assert_eq!(page["rows"][0]["newsletter"], "None");
    assert_eq!(page["rows"][1]["newsletter"], "Granted");

    for query in ["ann", "ANN@EXAMPLE", "170 123"] {
        let found: serde_json::Value =
            app.admin("list_customers", &[("query", query), ("page", "1")]).await.json().await.unwrap();
        assert_eq!(found["total"], 1, "{query}");
        assert_eq!(found["rows"][0]["first_name"], "Ann", "{query}");
    }
    let none: serde_json::Value =
        app.admin("list_customers", &[("query", "%"), ("page", "1")]).await.json().await.unwrap();
    assert_eq!(none["total"], 0, "a % is searched for literally");
}

#[tokio::test]
async fn a_staff_member_of_the_lowest_role_may_list_customers() {
    let app = spawn_app().await;
    app.create_owner(OWNER, PASSWORD).await;
    let till = app.signed_in_as(app::domain::Role::Staff, "till@shop.example").await;
    let list = app.admin_via(&till, &app.url, "list_customers", &[("query", ""), ("page", "1")]).await;
    assert_eq!(list.status(), StatusCode::OK);
}

#[tokio::test]
async fn logout_ends_the_session() {
    let app = spawn_app().await;
    app.create_owner(OWNER, PASSWORD).await;
    assert_eq!(app.count("sessions").await, 1);
    let res = app.admin("logout", &[]).await;
    assert!(res.headers()[SET_COOKIE].to_str().unwrap().contains("Max-Age=0"));
    assert_eq!(app.count("sessions").await, 0);
    let list = app.admin("list_customers", &[("query", ""), ("page", "1")]).await;
    assert_eq!(list.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn signing_out_everywhere_ends_the_sessions_of_that_account_only() {
    let app = spawn_app().await;
    app.create_owner(OWNER, PASSWORD).await;
    let phone = app.signed_in_as(app::domain::Role::Staff, "till@shop.example").await;
    let till = reqwest::Client::builder().cookie_store(true).build().unwrap();
    // The same account on a second device.
    let login = [("email", "till@shop.example"), ("password", "a staff passphrase 123")];
    let res = app.admin_via(&till, &app.url, "login", &login).await;
    assert!(res.status().is_success() || res.status().is_redirection(), "{}", res.status());
    let list = |client: reqwest::Client| {
        let app = &app;
        async move { app.admin_via(&client, &app.url, "list_customers", &[("query", ""), ("page", "1")]).await.status() }
    };
    assert_eq!(list(till.clone()).await, StatusCode::OK);

    let res = app.admin_via(&phone, &app.url, "logout_everywhere", &[]).await;
    assert!(res.headers()[SET_COOKIE].to_str().unwrap().contains("Max-Age=0"));
    assert_eq!(list(phone).await, StatusCode::UNAUTHORIZED);
    assert_eq!(list(till).await, StatusCode::UNAUTHORIZED, "the other device is signed out too");
    assert_eq!(list(app.client.clone()).await, StatusCode::OK, "the owner's session stays");
}

#[tokio::test]
async fn admin_create_reads_the_password_from_standard_input() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("cli.db").display());
    let run = |password: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_patron"))
            .args(["admin", "create", "--email", "Boss@Shop.example"])
            .env("PATRON_DATABASE_URL", &db)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        writeln!(child.stdin.take().unwrap(), "{password}").unwrap();
        child.wait_with_output().unwrap()
    };
    let short = run("short");
    assert!(!short.status.success());
    assert!(String::from_utf8_lossy(&short.stderr).contains("at least 12 characters"));
    let ok = run("a long enough password");
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    assert!(String::from_utf8_lossy(&ok.stdout).contains("created owner boss@shop.example"));
    let again = run("a long enough password");
    assert!(String::from_utf8_lossy(&again.stderr).contains("exists already"));
}

/// One value for every argument of every admin function (each ignores the others').
const EVERY_ARGUMENT: [(&str, &str); 76] = [
    ("query", ""),
    ("lang", "nl"),
    ("purpose", "post"),
    ("granted", "true"),
    ("note", "Asked at the till"),
    ("owner_text", "Demo Bakery Ltd"),
    ("analytics_months", "13"),
    ("inactive_months", "36"),
    ("page", "1"),
    ("site", "demo"),
    ("widget", "nps"),
    ("on", "true"),
    ("mode", "required"),
    ("origin", "https://shop.example"),
    ("language", "en"),
    ("body", "Yes, send me the newsletter."),
    ("question", "Heard"),
    ("code", "radio"),
    ("label", "Radio"),
    ("option", "1"),
    ("active", "true"),
    ("up", "true"),
    ("form[site]", "demo"),
    ("id", "1"),
    ("field", "first_name"),
    ("value", "Ann"),
    ("tag", "vip"),
    ("kind", "call"),
    ("summary", "Asked about rye"),
    ("outcome", "fulfilled"),
    ("staff", "999"),
    ("role", "staff"),
    ("email", "new@shop.example"),
    ("token", "not-a-token"),
    ("password", "a long enough password"),
    ("current", "not the current password"),
    ("form[customer]", "1"),
    ("form[payment_method]", "card"),
    ("form[first_name]", "Ann"),
    ("days", "7"),
    ("start", "/demo"),
    ("filter", r#"{"all":true,"groups":[]}"#),
    ("sort", "name"),
    ("descending", "false"),
    ("name", "Everyone"),
    ("keep", "1"),
    ("merge", "1"),
    ("a", "1"),
    ("b", "2"),
    ("file_name", "customers.csv"),
    ("piece", "email\n"),
    ("mapping", r#"["email"]"#),
    ("valid_only", "false"),
    ("check", "capitals"),
    ("action", ""),
    ("customer", "1"),
    ("before", ""),
    ("confirm_hours", "72"),
    ("subject", "News"),
    ("url", "https://shop.example/hooks"),
    ("events", "customer.created"),
    ("scopes", "customers:read"),
    ("trigger", "detractor"),
    ("send_mail", "on"),
    ("send_webhook", "on"),
    ("discount_code", "BACK10"),
    ("item", "1"),
    ("form[name]", "Coffee card"),
    ("programme", "1"),
    ("reward", "1"),
    ("amount", "2"),
    ("reason", "Card lost, stamps restored"),
    ("shown", "offered"),
    ("create", "true"),
    ("archived", "false"),
    ("sku", "RYE"),
];

/// Who may call each admin function: `None` for the sign-in functions anyone may call,
/// else the lowest role. A new admin function fails this test until it is listed here.
const ACCESS: [(&str, Option<Role>); 110] = [
    ("auth_state", None),
    ("setup_owner", None),
    ("login", None),
    ("logout", None),
    ("logout_everywhere", Some(Role::Staff)),
    ("invite_info", None),
    ("accept_invite", None),
    ("dashboard", Some(Role::Staff)),
    ("analytics_overview", Some(Role::Manager)),
    ("count_segment", Some(Role::Manager)),
    ("data_quality", Some(Role::Manager)),
    ("start_import", Some(Role::Manager)),
    ("append_import", Some(Role::Manager)),
    ("preview_import", Some(Role::Manager)),
    ("check_import", Some(Role::Manager)),
    ("run_import", Some(Role::Manager)),
    ("import_status", Some(Role::Manager)),
    ("till_items", Some(Role::Staff)),
    ("find_duplicates", Some(Role::Manager)),
    ("merge_customers", Some(Role::Manager)),
    ("dismiss_pair", Some(Role::Manager)),
    ("list_merges", Some(Role::Manager)),
    ("undo_merge", Some(Role::Manager)),
    ("customer_reports", Some(Role::Manager)),
    ("loyalty_report", Some(Role::Manager)),
    ("run_segment", Some(Role::Manager)),
    ("segment_choices", Some(Role::Manager)),
    ("list_segments", Some(Role::Manager)),
    ("save_segment", Some(Role::Manager)),
    ("delete_segment", Some(Role::Manager)),
    ("tag_segment", Some(Role::Manager)),
    ("dormant_rule", Some(Role::Manager)),
    ("set_dormant_days", Some(Role::Manager)),
    ("analytics_paths", Some(Role::Manager)),
    ("list_customers", Some(Role::Staff)),
    ("customer_record", Some(Role::Staff)),
    ("update_customer", Some(Role::Staff)),
    ("tag_customer", Some(Role::Manager)),
    ("log_interaction", Some(Role::Staff)),
    ("lookup", Some(Role::Staff)),
    ("till_setup", Some(Role::Staff)),
    ("create_customer", Some(Role::Staff)),
    ("set_do_not_sell", Some(Role::Staff)),
    ("erase_customer", Some(Role::Manager)),
    ("privacy_requests", Some(Role::Manager)),
    ("add_purchase", Some(Role::Staff)),
    ("open_reservations", Some(Role::Staff)),
    ("close_reservation", Some(Role::Staff)),
    ("closed_reservations", Some(Role::Staff)),
    ("list_staff", Some(Role::Owner)),
    ("list_backups", Some(Role::Owner)),
    ("audit_log", Some(Role::Owner)),
    ("start_backup", Some(Role::Owner)),
    ("invite_staff", Some(Role::Owner)),
    ("set_role", Some(Role::Owner)),
    ("remove_staff", Some(Role::Owner)),
    ("list_sites", Some(Role::Owner)),
    ("create_site", Some(Role::Owner)),
    ("site_settings", Some(Role::Owner)),
    ("save_site", Some(Role::Owner)),
    ("set_widget", Some(Role::Owner)),
    ("set_address_mode", Some(Role::Owner)),
    ("choose_site", Some(Role::Staff)),
    ("add_origin", Some(Role::Owner)),
    ("remove_origin", Some(Role::Owner)),
    ("save_consent_text", Some(Role::Owner)),
    ("add_option", Some(Role::Owner)),
    ("set_option", Some(Role::Owner)),
    ("move_option", Some(Role::Owner)),
    ("save_texts", Some(Role::Owner)),
    ("save_profile_fields", Some(Role::Owner)),
    ("retention", Some(Role::Owner)),
    ("save_retention", Some(Role::Owner)),
    ("apply_retention", Some(Role::Owner)),
    ("privacy_policy", Some(Role::Owner)),
    ("save_privacy_policy", Some(Role::Owner)),
    ("record_consent", Some(Role::Staff)),
    ("outbox", Some(Role::Manager)),
    ("mail_settings", Some(Role::Owner)),
    ("save_double_opt_in", Some(Role::Owner)),
    ("save_mail_wording", Some(Role::Owner)),
    ("webhooks", Some(Role::Owner)),
    ("add_webhook", Some(Role::Owner)),
    ("remove_webhook", Some(Role::Owner)),
    ("resend_webhook", Some(Role::Owner)),
    ("api_keys", Some(Role::Owner)),
    ("create_api_key", Some(Role::Owner)),
    ("revoke_api_key", Some(Role::Owner)),
    ("automation_rules", Some(Role::Owner)),
    ("save_automation_rule", Some(Role::Owner)),
    ("run_automation", Some(Role::Owner)),
    ("item_arrived", Some(Role::Staff)),
    ("loyalty_programmes", Some(Role::Owner)),
    ("save_loyalty_programme", Some(Role::Owner)),
    ("loyalty_cards", Some(Role::Staff)),
    ("redeem_reward", Some(Role::Staff)),
    ("give_birthday_gift", Some(Role::Staff)),
    ("adjust_loyalty", Some(Role::Staff)),
    ("loyalty_member", Some(Role::Staff)),
    ("issue_loyalty_card", Some(Role::Staff)),
    ("printable_card", Some(Role::Staff)),
    ("reset_password", Some(Role::Owner)),
    ("change_password", Some(Role::Staff)),
    ("my_language", Some(Role::Staff)),
    ("set_language", Some(Role::Staff)),
    ("products_page", Some(Role::Manager)),
    ("save_product", Some(Role::Manager)),
    ("archive_product", Some(Role::Manager)),
    ("void_purchase", Some(Role::Staff)),
    ("return_purchase", Some(Role::Staff)),
];

/// Every admin function, with every role: refused with 401 without a session, 403 below
/// its role, and let through (whatever it then answers) at or above it.
#[tokio::test]
async fn every_admin_function_lets_in_exactly_the_roles_it_should() {
    let app = spawn_app().await;
    app.create_owner(OWNER, PASSWORD).await;
    let anonymous = reqwest::Client::new();
    let staff = app.signed_in_as(Role::Staff, "till@shop.example").await;
    let manager = app.signed_in_as(Role::Manager, "manager@shop.example").await;
    let roles = [(Role::Staff, &staff), (Role::Manager, &manager), (Role::Owner, &app.client)];
    let paths: Vec<_> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path)
        .filter(|p| p.starts_with("/api/admin/"))
        .collect();
    assert_eq!(paths.len(), ACCESS.len(), "{paths:?}");
    let call = |client: &reqwest::Client, path: &str| {
        client.post(format!("{}{path}", app.url)).header(ORIGIN, &app.url).form(&EVERY_ARGUMENT[..]).send()
    };
    for path in paths {
        let name = path.trim_start_matches("/api/admin/");
        let (_, min) = ACCESS.iter().find(|(n, _)| *n == name).unwrap_or_else(|| panic!("{path} is not in ACCESS"));
        let Some(min) = min else { continue };
        assert_eq!(call(&anonymous, path).await.unwrap().status(), StatusCode::UNAUTHORIZED, "{path} anonymous");
        // It ends the caller's sessions, which the calls after it need: a signed-in call has
        // its own test (signing_out_everywhere_ends_the_sessions_of_that_account_only).
        if name == "logout_everywhere" {
            continue;
        }
        for (role, client) in roles {
            let status = call(client, path).await.unwrap().status();
            if !role.at_least(*min) {
                assert_eq!(status, StatusCode::FORBIDDEN, "{path} as {role:?}");
            } else {
                assert!(
                    status != StatusCode::FORBIDDEN && status != StatusCode::UNAUTHORIZED,
                    "{path} as {role:?}: {status}"
                );
            }
        }
    }
}

#[tokio::test]
async fn staff_change_their_own_password_and_the_owner_resets_a_members() {
    let app = spawn_app().await;
    app.create_owner(OWNER, PASSWORD).await;
    let till = app.signed_in_as(Role::Staff, "till@shop.example").await;
    let other_device = app.signed_in_as_again("till@shop.example").await;
    let change = |current: &'static str, new: &'static str| {
        let (app, till) = (&app, &till);
        async move { app.admin_via(till, &app.url, "change_password", &[("current", current), ("password", new)]).await }
    };
    // The current password is needed, and the new one must be long enough.
    let res = change("a wrong guess entirely", "a brand new passphrase").await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(field_errors(&res.json().await.unwrap())["current"], "WrongPassword");
    let res = change("a staff passphrase 123", "short").await;
    assert_eq!(field_errors(&res.json().await.unwrap())["password"], "PasswordTooShort");
    // Changed: this session stays, the member's other session ends, the new password works.
    assert_eq!(change("a staff passphrase 123", "a brand new passphrase").await.status(), StatusCode::OK);
    let me = |client: &reqwest::Client| {
        let (app, client) = (&app, client.clone());
        async move { app.admin_via(&client, &app.url, "auth_state", &[]).await.json::<serde_json::Value>().await.unwrap() }
    };
    assert_eq!(me(&till).await["SignedIn"]["email"], "till@shop.example");
    assert_eq!(me(&other_device).await, "SignedOut");
    let fresh = reqwest::Client::builder().cookie_store(true).build().unwrap();
    let login = |password: &'static str| {
        let (app, fresh) = (&app, fresh.clone());
        async move {
            app.admin_via(&fresh, &app.url, "login", &[("email", "till@shop.example"), ("password", password)])
                .await
                .status()
        }
    };
    assert_eq!(login("a staff passphrase 123").await, StatusCode::UNAUTHORIZED);
    let ok = |s: StatusCode| s.is_success() || s.is_redirection();
    assert!(ok(login("a brand new passphrase").await));

    // The owner resets it: the member is signed out at once, and the link sets a new one.
    let till_id: i64 = sqlx::query_scalar("SELECT id FROM staff_users WHERE email = 'till@shop.example'")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    let refused = app.admin_via(&till, &app.url, "reset_password", &[("staff", &till_id.to_string())]).await;
    assert_eq!(refused.status(), StatusCode::FORBIDDEN, "staff cannot reset anyone");
    let res = app.admin("reset_password", &[("staff", &till_id.to_string())]).await;
    assert_eq!(res.status(), StatusCode::OK);
    let link: String = res.json().await.unwrap();
    assert!(link.starts_with(&format!("{}/admin/invite/", app.url)), "{link}");
    assert_eq!(me(&till).await, "SignedOut");
    let token = link.rsplit('/').next().unwrap();
    let info: serde_json::Value =
        app.admin_via(&fresh, &app.url, "invite_info", &[("token", token)]).await.json().await.unwrap();
    assert_eq!(info["reset"], true);
    let res = app
        .admin_via(
            &reqwest::Client::new(),
            &app.url,
            "accept_invite",
            &[("token", token), ("password", "the third passphrase")],
        )
        .await;
    assert!(res.status().is_success() || res.status().is_redirection(), "{}", res.status());
    assert_eq!(app.count("staff_users").await, 2, "no second account");
    assert_eq!(login("a brand new passphrase").await, StatusCode::UNAUTHORIZED);
    assert!(ok(login("the third passphrase").await));
    let role: String = sqlx::query_scalar("SELECT role FROM staff_users WHERE id = $1")
        .bind(till_id)
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(role, "staff");
}
