//! English.

use super::*;

pub static TEXTS: Texts = Texts {
    lang: Lang::En,
    optional: "optional",
    send: "Send",
    sending: "Sending…",
    loading: "Loading…",
    unavailable: "This form is not available right now.",
    try_again: "Something went wrong. Please try again.",
    not_saved_now: "We could not save this just now. Please try again in a few minutes.",
    fix_fields: "Please correct the highlighted fields.",
    unknown_widget: "Unknown Patron widget",
    thanks_answer: "Thank you for your answer!",
    save: "Save",
};

pub static FORMS: FormTexts = FormTexts {
    required: "Please fill this in.",
    too_long: "This is too long.",
    too_short: "This is too short.",
    not_an_email: "Please enter a valid email address, like name@example.com.",
    not_a_phone: "Please enter a phone number using digits, spaces and an optional leading +.",
    bad_characters: "This contains characters that are not allowed.",
    out_of_range: "Please choose one of the given values.",
    unknown_option: "Please choose one of the given options.",
    not_a_ranking: "Please rank every option exactly once.",
    not_a_number: "Please enter a whole number.",
    not_an_amount: "Please enter an amount, such as 12.50.",
    not_a_date: "Please enter a date.",
    already_registered: "This serial number is registered already.",
    must_agree: "Please tick this box to go on.",
    first_name: "First name",
    last_name: "Last name",
    email: "Email",
    phone: "Phone",
    privacy_policy: "Privacy policy",
    address: "Postal address",
    street: "Street and house number",
    postcode: "Postcode",
    city: "Town or city",
    country: "Country",
};

pub static SIGNUP: SignupTexts = SignupTexts {
    subscribe: "Sign up",
    thanks_new: "Thank you for signing up!",
    thanks_no_consent: "Thank you! We have your details, but without a tick in the box we will not send you our news.",
    thanks_confirm: "Almost done: we have sent you an email. Open the link in it to confirm your subscription.",
};

pub static SURVEYS: SurveyTexts = SurveyTexts {
    nps_question: "How likely are you to recommend us to a friend, family member or colleague?",
    nps_low: "Not at all likely",
    nps_high: "Extremely likely",
    nps_why: "Why?",
    reasons_question: "Why did you buy from us today?",
    reasons_hint: "Put the most important reason first: drag the items, or focus one and use the arrow keys.",
    move_up: "Move up",
    move_down: "Move down",
    heard_question: "How did you hear about us?",
    heard_other: "Other:",
    option: |code| {
        Some(match code {
            "convenience" => "Convenience",
            "low_price" => "Low price",
            "best_quality" => "Best quality",
            "best_choice" => "Best choice",
            "search_engine" => "A search engine",
            "friend" => "A friend or family member",
            "social_media" => "Social media",
            "walked_by" => "I walked by the shop",
            "newspaper" => "Newspaper or magazine",
            _ => return None,
        })
    },
};

pub static FAVOURITES: FavouriteTexts = FavouriteTexts {
    saved: "Saved",
    favourites_title: "Your saved items",
    favourites_empty: "Nothing saved yet. Tap ♡ on an item to keep it here.",
};

pub static RESERVATION: ReservationTexts = ReservationTexts {
    reserve: "Reserve",
    quantity: "Quantity",
    note: "Note",
    expected: "Expected in stock:",
    reserved: "Reserved! We will let you know when it is ready for you.",
};

pub static WARRANTY: WarrantyTexts = WarrantyTexts {
    warranty_title: "Register your warranty",
    product: "Product",
    find_product: "Find your product (name or number)",
    no_product_found: "No product matches this.",
    serial_number: "Serial number",
    purchase_date: "Date of purchase",
    register: "Register",
    warranty_done: "Your warranty is registered. Keep your receipt with it.",
};

pub static LOYALTY: LoyaltyTexts = LoyaltyTexts {
    loyalty_title: "Join our loyalty programme",
    loyalty_agree: "I want to join. My purchases here are recorded to count my stamps and points.",
    join: "Join",
    loyalty_mailed: "Thank you! Check your inbox: we have mailed you a link to your own page, where your loyalty card is kept.",
};

pub static PROFILE: ProfileTexts = ProfileTexts {
    profile_intro: "A quick question, so we can serve you better",
    profile_field: |code| match code {
        "birthday" => "Your birthday",
        "postcode" => "Postcode",
        "household_size" => "How many people live in your household?",
        "income_range" => "Yearly household income",
        "occupation" => "Occupation",
        "preferred_channel" => "How would you like us to contact you?",
        _ => "",
    },
    profile_choice: |code| match code {
        "under_20k" => "Under 20,000",
        "20k_40k" => "20,000–40,000",
        "40k_70k" => "40,000–70,000",
        "70k_100k" => "70,000–100,000",
        "over_100k" => "Over 100,000",
        "rather_not_say" => "I'd rather not say",
        "email" => "Email",
        "phone" => "Phone call",
        "sms" => "Text message",
        "post" => "Post",
        _ => "",
    },
};
