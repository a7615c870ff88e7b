//! The catalogue's guarantees beyond the compiler's (which already refuses a language
//! missing a word): no word is blank, every `{placeholder}` staff must keep is named in
//! each language, and every sentence built from a number or a name shows it.

use super::*;
use serde_json::Value;

/// Every word of a language as (area.key, text).
fn words(lang: Lang) -> Vec<(String, String)> {
    fn walk(prefix: &str, value: &Value, out: &mut Vec<(String, String)>) {
        match value {
            Value::Object(map) => {
                for (k, v) in map {
                    let path = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                    walk(&path, v, out);
                }
            }
            Value::String(s) => out.push((prefix.to_owned(), s.clone())),
            other => panic!("{prefix} is not a word: {other}"),
        }
    }
    let mut out = Vec::new();
    walk("", &serde_json::to_value(of(lang)).expect("a catalogue serialises"), &mut out);
    out
}

fn placeholders(s: &str) -> Vec<&str> {
    let mut found: Vec<&str> =
        s.match_indices('{').filter_map(|(i, _)| s[i..].find('}').map(|j| &s[i..=i + j])).collect();
    found.sort_unstable();
    found
}

#[test]
fn no_word_is_blank_in_any_language() {
    for lang in Lang::ALL {
        for (key, text) in words(lang) {
            assert!(!text.trim().is_empty(), "{} has no word for {key}", lang.code());
            assert_eq!(text.trim(), text, "{} {key} has spaces around it", lang.code());
        }
    }
}

#[test]
fn every_language_keeps_the_placeholders_of_english() {
    let english = words(Lang::En);
    for lang in Lang::ALL {
        for ((key, en), (_, text)) in english.iter().zip(words(lang)) {
            assert_eq!(placeholders(en), placeholders(&text), "{} {key}: {text}", lang.code());
        }
    }
}

#[test]
fn sentences_built_from_a_value_show_it() {
    for lang in Lang::ALL {
        let t = of(lang);
        let code = lang.code();
        assert!((t.common.customer_n)(4711).contains("4711"), "{code} customer_n");
        assert!((t.sign_in.new_password)(12).contains("12"), "{code} new_password");
        assert!((t.problems.password_too_short)(12).contains("12"), "{code} password_too_short");
        assert!((t.today.no_key_detail)("/srv/key").contains("/srv/key"), "{code} no_key_detail");
        assert!((t.till.saved)("€ 24,50").contains("€ 24,50"), "{code} saved");
        for n in [0, 1, 2, 5, 11, 21, 22, -1, -3] {
            assert!((t.cards.stamps)(n).contains(&n.to_string()), "{code} stamps {n}");
            assert!((t.cards.points)(n).contains(&n.to_string()), "{code} points {n}");
        }
        let redeem = (t.cards.redeem)("Koffie", "10 x");
        assert!(redeem.contains("Koffie") && redeem.contains("10 x"), "{code} redeem");
        for f in
            [t.cards.birthday_gift, t.cards.redeemed, t.cards.birthday, t.cards.adjusted, t.cards.by, t.cards.expires]
        {
            assert!(f("Zebra").contains("Zebra"), "{code} a card movement drops its value");
        }
        assert!((t.cards.purchase)(31).contains("31"), "{code} purchase");
        assert!((t.sign_in.reset_for)("a@b.example").contains("a@b.example"), "{code} reset_for");
        for n in [0, 1, 3, 21, 112] {
            let count = (t.products.count)(n, 2, 9);
            assert!(count.contains(&n.to_string()) && count.contains('2') && count.contains('9'), "{code} {count}");
        }
        assert!((t.products.change)("RYE-1").contains("RYE-1"), "{code} change");
        assert!((t.staff.role_of)("a@b.example").contains("a@b.example"), "{code} role_of");
        assert!((t.settings.snippet_of)("Zebra").contains("Zebra"), "{code} snippet_of");
        for f in [t.settings.move_up, t.settings.move_down, t.settings.save_texts, t.settings.ask] {
            assert!(f("Zebra").contains("Zebra"), "{code} a settings sentence drops its value");
        }
        assert!((t.settings.version)(7).contains('7'), "{code} version");
        let p = &t.privacy;
        let in_force = (p.in_force)(7, "2026-01-02 10:00");
        assert!(in_force.contains('7') && in_force.contains("2026-01-02 10:00"), "{code} in_force");
        assert!((p.all_versions)(7).contains('7') && (p.version)(7).contains('7'), "{code} versions");
        for f in [p.analytics_months, p.inactive_months] {
            let s = f(1, 120);
            assert!(s.contains('1') && s.contains("120"), "{code} {s}");
        }
        assert!((p.last_applied)("2026-01-02 10:00").contains("2026-01-02 10:00"), "{code} last_applied");
        let m = &t.mail;
        for f in [m.sent_through, m.body, m.outbox_sending, m.sent] {
            assert!(f("Zebra").contains("Zebra"), "{code} a mail sentence drops its value");
        }
        let failed = (m.failed)("10:00", "550 no such user");
        assert!(failed.contains("10:00") && failed.contains("550 no such user"), "{code} failed");
        let retrying = (m.retrying)(3, "timeout");
        assert!(retrying.contains('3') && retrying.contains("timeout"), "{code} retrying");
        assert!((m.confirm_hours)(1, 168).contains("168"), "{code} confirm_hours");
        let a = &t.automation;
        let done = (a.done)(11, 22, 33);
        assert!(done.contains("11") && done.contains("22") && done.contains("33"), "{code} done");
        let fired = (a.fired)(44, 55);
        assert!(fired.contains("44") && fired.contains("55"), "{code} fired");
        assert!((a.on_since)("2026-01-02").contains("2026-01-02"), "{code} on_since");
        for n in [0, 1, 2, 5, 21] {
            let members = (t.loyalty.members)("Zebra card", n);
            assert!(members.contains("Zebra card") && members.contains(&n.to_string()), "{code} {members}");
        }
        let c = &t.connections;
        let delivered = (c.delivered)("10:00", "HTTP 204");
        assert!(delivered.contains("10:00") && delivered.contains("HTTP 204"), "{code} delivered");
        let given_up = (c.given_up)("10:00", 7, "HTTP 500");
        assert!(given_up.contains("10:00") && given_up.contains('7') && given_up.contains("HTTP 500"), "{code}");
        let retrying = (c.retrying)(3, "HTTP 502", "11:00");
        assert!(retrying.contains('3') && retrying.contains("HTTP 502") && retrying.contains("11:00"), "{code}");
        assert!((c.revoked)("10:00").contains("10:00"), "{code} revoked");
        let line = (t.staff.pending_line)("a@b.example", "Zebra", "2026-01-02 10:00");
        assert!(line.contains("a@b.example") && line.contains("Zebra") && line.contains("2026-01-02 10:00"), "{code}");
        assert!((t.products.name_in)("Suomi").contains("Suomi"), "{code} name_in");
        assert!((t.products.price_in)("ZAR").contains("ZAR"), "{code} price_in");
        let invited = (t.sign_in.invited_as)("a@b.example", t.frame.role_manager);
        assert!(invited.contains("a@b.example") && invited.contains(t.frame.role_manager), "{code} invited_as");
    }
}

#[test]
fn russian_counts_take_their_plural_form() {
    let t = of(Lang::Ru);
    assert_eq!((t.cards.stamps)(1), "1 штамп");
    assert_eq!((t.cards.stamps)(3), "3 штампа");
    assert_eq!((t.cards.stamps)(5), "5 штампов");
    assert_eq!((t.cards.stamps)(11), "11 штампов");
    assert_eq!((t.cards.stamps)(21), "21 штамп");
    assert_eq!((t.cards.stamps)(-2), "-2 штампа");
    assert_eq!((t.cards.points)(112), "112 баллов");
}

#[test]
fn every_error_and_problem_has_its_own_words() {
    let t = of(Lang::Nl);
    assert_eq!(t.error(&AppError::WrongCredentials), t.errors.wrong_credentials);
    assert_eq!(t.error(&AppError::Conflict("As written".into())), "As written");
    assert_eq!(t.problem(Problem::PasswordTooShort), "Dit moet minstens 12 tekens lang zijn.");
}
