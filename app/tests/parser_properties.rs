//! Properties of the parsers at the boundary, over thousands of generated inputs: no input
//! makes them panic, what they accept is already in its normal form (parsing it again gives
//! the same value), what they accept stays within the bounds the database relies on, and
//! well-formed input is accepted. The fuzz targets (`fuzz/`) drive the same parsers with
//! coverage guidance for longer.

use app::analytics::event::{Event, RawEvent};
use app::domain::{Email, FreeText, Minor, PersonName, Phone, Sku};
use proptest::prelude::*;

fn config() -> ProptestConfig {
    ProptestConfig { cases: 2_000, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn an_accepted_email_is_normal_bounded_and_stable(raw in ".{0,300}") {
        if let Ok(email) = Email::parse(&raw) {
            let s = email.as_str();
            prop_assert!(s.len() <= Email::MAX_LEN);
            prop_assert_eq!(s, s.to_lowercase());
            prop_assert!(!s.chars().any(|c| c.is_whitespace() || c.is_control()));
            prop_assert_eq!(Email::parse(s), Ok(email.clone()));
        }
    }

    #[test]
    fn a_plain_address_is_accepted_lower_cased(local in "[A-Za-z0-9_%+-]{1,30}", host in "[a-z0-9]{1,20}", tld in "[a-z]{2,6}") {
        let raw = format!("  {local}@{host}.{tld} ");
        let email = Email::parse(&raw).map_err(|p| TestCaseError::fail(format!("{raw:?}: {p}")))?;
        prop_assert_eq!(email.as_str(), raw.trim().to_lowercase());
    }

    #[test]
    fn an_accepted_phone_is_stable_and_has_6_to_15_digits(raw in "[+0-9 ()./a-z-]{0,45}") {
        if let Ok(phone) = Phone::parse(&raw) {
            let digits = phone.as_str().chars().filter(char::is_ascii_digit).count();
            prop_assert!((6..=15).contains(&digits), "{:?}", phone);
            prop_assert_eq!(Phone::parse(phone.as_str()), Ok(phone.clone()));
        }
    }

    #[test]
    fn any_amount_survives_printing_and_parsing_back(cents in 0i64..=Minor::MAX, comma in any::<bool>()) {
        let printed = Minor(cents).plain();
        let typed = if comma { printed.replace('.', ",") } else { printed };
        prop_assert_eq!(Minor::parse(&typed), Ok(Minor(cents)));
    }

    #[test]
    fn an_accepted_amount_is_never_negative_nor_above_the_maximum(raw in ".{0,30}") {
        if let Ok(Minor(cents)) = Minor::parse(&raw) {
            prop_assert!((0..=Minor::MAX).contains(&cents));
        }
    }

    #[test]
    fn names_skus_and_free_text_are_stable_once_accepted(raw in ".{0,120}") {
        if let Ok(name) = PersonName::parse(&raw) {
            prop_assert_eq!(PersonName::parse(name.as_str()), Ok(name.clone()));
        }
        if let Ok(sku) = Sku::parse(&raw) {
            prop_assert_eq!(Sku::parse(sku.as_str()), Ok(sku.clone()));
        }
        if let Ok(text) = FreeText::parse(&raw, 100) {
            prop_assert!(text.as_str().chars().count() <= 100);
            prop_assert_eq!(FreeText::parse(text.as_str(), 100), Ok(text.clone()));
        }
    }

    /// The ingest decoder, on whatever a page (or anyone) sends.
    #[test]
    fn the_ingest_decoder_keeps_what_it_stores_bounded(
        kind in prop_oneof![Just("v".to_owned()), Just("l".to_owned()), Just("e".to_owned()), ".{0,3}"],
        id in prop_oneof!["[a-zA-Z0-9-]{1,40}", ".{0,50}"],
        path in ".{0,400}",
        referrer in ".{0,300}",
        language in ".{0,40}",
        name in ".{0,80}",
        width in any::<u32>(),
        duration in any::<u64>(),
    ) {
        let origin = "https://shop.example";
        let raw = RawEvent {
            k: kind,
            i: id,
            u: format!("{origin}{path}"),
            r: referrer,
            w: width,
            l: language,
            d: duration,
            n: name,
            ..RawEvent::default()
        };
        match Event::parse(&raw, origin, &["q".to_owned()]) {
            Ok(Event::View(view)) => {
                prop_assert!(view.path.starts_with('/'));
                prop_assert!(view.path.chars().count() <= 300 + 100, "{:?}", view.path);
                prop_assert!(view.referrer.chars().count() <= 100);
                prop_assert!(view.language.chars().count() <= 40);
            }
            Ok(Event::Leave { duration_ms, .. }) => prop_assert!(duration_ms <= 6 * 60 * 60 * 1000),
            Ok(Event::Custom { name, .. }) => prop_assert!(!name.is_empty() && name.chars().count() <= 60),
            Err(_) => {}
        }
    }

    /// Bytes that were not text arrive as U+FFFD (a form sent `%FF%FE@x.example`); with a
    /// control character, a non-character or a direction override, no text parser keeps it.
    #[test]
    fn text_with_a_character_no_person_types_is_refused(
        before in "[a-z]{1,10}",
        after in "[a-z]{1,10}",
        bad in prop::sample::select(vec!['\u{FFFD}', '\u{0}', '\u{1b}', '\u{7f}', '\u{9f}', '\u{FFFE}', '\u{FDD0}', '\u{202E}', '\u{2066}']),
    ) {
        let email = format!("{before}{bad}{after}@example.com");
        prop_assert!(Email::parse(&email).is_err(), "{:?}", email);
        let name = format!("{before}{bad}{after}");
        prop_assert!(PersonName::parse(&name).is_err(), "{:?}", name);
        prop_assert!(FreeText::parse(&name, 200).is_err(), "{:?}", name);
        let phone = format!("+31 6{bad}12345678");
        prop_assert!(Phone::parse(&phone).is_err(), "{:?}", phone);
        prop_assert!(app::domain::CustomerField::City.parse(&name).is_err(), "{:?}", name);
    }
}
