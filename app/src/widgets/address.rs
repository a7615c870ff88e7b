//! The postal-address fields a signup, reservation or warranty form shows when its site
//! asks for an address (`AddressMode`); parsed by `domain::AddressForm`.

use crate::domain::{AddressForm, AddressMode, CustomerField, Field, FieldErrors};
use crate::widgets::texts::Texts;
use crate::widgets::ui::TextField;
use leptos::prelude::*;

/// The typed parts, one signal each.
#[derive(Debug, Clone, Copy)]
pub struct AddressInputs {
    street: RwSignal<String>,
    postcode: RwSignal<String>,
    city: RwSignal<String>,
    country: RwSignal<String>,
}

impl AddressInputs {
    pub fn new() -> Self {
        let [street, postcode, city, country] = [(); 4].map(|_| RwSignal::new(String::new()));
        AddressInputs { street, postcode, city, country }
    }

    /// What was typed, as the form sends it.
    pub fn form(&self) -> AddressForm {
        AddressForm {
            street: self.street.get_untracked(),
            postcode: self.postcode.get_untracked(),
            city: self.city.get_untracked(),
            country: self.country.get_untracked(),
        }
    }
}

impl Default for AddressInputs {
    fn default() -> Self {
        Self::new()
    }
}

/// The address fieldset, or nothing when the site asks for no address. Its parts carry
/// the browser's autofill tokens, so a saved address fills in with one tap. Street,
/// postcode and city are needed together: required, or optional as a group (the legend
/// says so and the parts do not).
#[component]
pub fn AddressFields(
    mode: AddressMode,
    inputs: AddressInputs,
    errors: RwSignal<FieldErrors>,
    t: &'static Texts,
) -> impl IntoView {
    let required = mode == AddressMode::Required;
    let field = Field::Customer;
    (mode != AddressMode::Off).then(|| {
        view! {
            <fieldset class="patron-address">
                <legend>
                    {t.forms().address}
                    {(!required).then(|| view! { <span class="patron-muted">" (" {t.optional} ")"</span> })}
                </legend>
                <TextField label=t.forms().street name="address-line1" kind="text" value=inputs.street
                    field=field(CustomerField::Street) errors t required unmarked=true />
                <div class="patron-row">
                    <TextField label=t.forms().postcode name="postal-code" kind="text" value=inputs.postcode
                        field=field(CustomerField::Postcode) errors t required unmarked=true />
                    <TextField label=t.forms().city name="address-level2" kind="text" value=inputs.city
                        field=field(CustomerField::City) errors t required unmarked=true />
                </div>
                <TextField label=t.forms().country name="country-name" kind="text" value=inputs.country
                    field=field(CustomerField::Country) errors t unmarked=!required />
            </fieldset>
        }
    })
}
