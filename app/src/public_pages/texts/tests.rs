//! The catalogue's guarantees beyond the compiler's: no word is blank or carries markup
//! (pages escape what they print, so markup would show as text), and every sentence built
//! from a value shows it, in every language.

use super::*;
use serde_json::Value;

fn words(lang: Lang) -> Vec<(String, String)> {
    fn walk(prefix: &str, value: &Value, out: &mut Vec<(String, String)>) {
        match value {
            Value::Object(map) => {
                for (k, v) in map {
                    walk(&if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") }, v, out);
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

#[test]
fn no_word_is_blank_or_marked_up_in_any_language() {
    for lang in Lang::ALL {
        for (key, text) in words(lang) {
            assert!(!text.trim().is_empty(), "{} has no word for {key}", lang.code());
            assert!(!text.contains(['<', '>', '&', '{', '}']), "{} {key}: {text}", lang.code());
        }
    }
}

#[test]
fn sentences_built_from_a_value_show_it() {
    for lang in Lang::ALL {
        let t = of(lang);
        let code = lang.code();
        let shows = |s: String, values: &[&str]| {
            for v in values {
                assert!(s.contains(v), "{code}: {v} is missing from {s}");
            }
        };
        shows((t.common.link_used)(2), &["2"]);
        shows((t.me.heading)("Zebra"), &["Zebra"]);
        shows((t.me.intro)("Zebra"), &["Zebra"]);
        shows((t.me.sent)("Zebra", "a@b.example", 2), &["Zebra", "a@b.example", "2"]);
        shows((t.me.hello)("Zoë"), &["Zoë"]);
        shows((t.me.take_now)("Coffee"), &["Coffee"]);
        shows((t.me.remove_item)("Rye"), &["Rye"]);
        for n in [0, 1, 2, 5, 11, 21, 22, -1] {
            shows((t.me.stamps)(n), &[n.to_string().as_str()]);
            shows((t.me.points)(n), &[n.to_string().as_str()]);
        }
        shows((t.unsubscribe.ask)("Zebra", "owls"), &["Zebra", "owls"]);
        shows((t.unsubscribe.done)("Zebra", "owls"), &["Zebra", "owls"]);
        shows((t.request.heading)("Zebra"), &["Zebra"]);
        shows((t.request.intro)("Zebra"), &["Zebra"]);
        shows((t.request.sent)("Zebra", "a@b.example", 2), &["Zebra", "a@b.example", "2"]);
        shows((t.request.mail_subject)("Zebra"), &["Zebra"]);
        shows(
            (t.request.mail_body)("Zebra", "owls", 2, "https://x.example/l"),
            &["Zebra", "owls", "2", "https://x.example/l"],
        );
    }
}

#[test]
fn russian_counts_in_three_forms() {
    let t = of(Lang::Ru);
    assert_eq!((t.me.stamps)(1), "1 штамп");
    assert_eq!((t.me.stamps)(3), "3 штампа");
    assert_eq!((t.me.stamps)(11), "11 штампов");
    assert_eq!((t.me.points)(21), "21 балл");
}
