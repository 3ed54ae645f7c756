//! `/staff` and `/desk` in the visitors' build: the passport check, the redemption ledger and
//! the desk code are in the staff build (feature `staff`), deployed at an address for staff
//! only, so that visitors' phones do not carry code they never run. Staff open the staff
//! build's `/staff` and scan the visitor's passport QR with its scanner.

use crate::components::use_title;
use crate::i18n::{use_i18n, K};
use leptos::prelude::*;

fn elsewhere(title: K) -> impl IntoView {
    let i = use_i18n();
    use_title(move || i.t(title).into());
    view! {
        <h1>{i.t(title)}</h1>
        <p class="notice staff-elsewhere">{i.t(K::StaffElsewhere)}</p>
    }
}

#[component]
pub fn Staff() -> impl IntoView {
    elsewhere(K::StaffCheckTitle)
}

#[component]
pub fn DeskPage() -> impl IntoView {
    elsewhere(K::DeskTitle)
}
