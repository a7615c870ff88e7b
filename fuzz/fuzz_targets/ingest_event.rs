//! The analytics ingest decoder on any body: JSON into the tracker's event, then its
//! checks. Nothing may panic; a page view it accepts has a path on the site.
#![no_main]

use app::analytics::event::{Event, RawEvent};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(raw) = serde_json::from_slice::<RawEvent>(data) else { return };
    if let Ok(Event::View(view)) = Event::parse(&raw, "https://shop.example", &["q".to_owned(), "page".to_owned()]) {
        assert!(view.path.starts_with('/'), "{:?}", view.path);
    }
});
