//! Every domain parser on the same text: none may panic, and what one accepts must parse
//! again to the same value (it is stored, and read back, in its normal form).
#![no_main]

use app::domain::{Email, FreeText, Minor, PersonName, Phone, Sku};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(email) = Email::parse(text) {
        assert_eq!(Email::parse(email.as_str()), Ok(email.clone()));
        assert!(email.as_str().len() <= Email::MAX_LEN);
    }
    if let Ok(phone) = Phone::parse(text) {
        assert_eq!(Phone::parse(phone.as_str()), Ok(phone.clone()));
    }
    if let Ok(amount) = Minor::parse(text) {
        assert!((0..=Minor::MAX).contains(&amount.0));
        assert_eq!(Minor::parse(&amount.plain()), Ok(amount));
    }
    if let Ok(name) = PersonName::parse(text) {
        assert_eq!(PersonName::parse(name.as_str()), Ok(name.clone()));
    }
    if let Ok(sku) = Sku::parse(text) {
        assert_eq!(Sku::parse(sku.as_str()), Ok(sku.clone()));
    }
    if let Ok(free) = FreeText::parse(text, 500) {
        assert!(free.as_str().chars().count() <= 500);
        assert_eq!(FreeText::parse(free.as_str(), 500), Ok(free.clone()));
    }
});
