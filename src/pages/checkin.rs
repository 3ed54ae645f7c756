//! Check-ins, drawn by the extras bundle so that their signature code is not part of the
//! first load: `/checkin/<token>` (where a scanned poster lands), `/passport` (the stamps, the
//! scanner, "show to staff") and `/staff` (staff check a passport).

use crate::components::{extras_host::ExtrasHost, use_title};
use crate::i18n::{use_i18n, K};
use leptos::prelude::*;

#[component]
pub fn Checkin(code: String) -> impl IntoView {
    let i = use_i18n();
    view! { <h1>{i.t(K::CheckinTitle)}</h1> <ExtrasHost what="checkin" arg=code/> }
}

#[component]
pub fn Passport() -> impl IntoView {
    let i = use_i18n();
    use_title(move || i.t(K::PassportTitle).into());
    view! { <h1>{i.t(K::PassportTitle)}</h1> <ExtrasHost what="passport"/> }
}

#[component]
pub fn Staff() -> impl IntoView {
    let i = use_i18n();
    use_title(move || i.t(K::StaffCheckTitle).into());
    view! { <h1>{i.t(K::StaffCheckTitle)}</h1> <ExtrasHost what="staff"/> }
}
