//! `/passport`: the stamps collected, the scanner, and "show to staff".

use crate::components::{passport::Passport, scanner::ScanToCheckin, use_title};
use crate::i18n::{use_i18n, K};
use crate::store::stamps::Stamps;
use leptos::prelude::*;

#[component]
pub fn PassportPage() -> impl IntoView {
    let i = use_i18n();
    let stamps = expect_context::<Stamps>();
    use_title(move || i.t(K::PassportTitle).into());
    view! {
        <h1>{i.t(K::PassportTitle)}</h1>
        <ScanToCheckin />
        <Passport stamps />
    }
}
