//! `/staff` and `/desk` in the visitors' build: the passport check, the redemption ledger and
//! the desk code are in the staff build (feature `staff`), deployed at an address for staff
//! only, so that visitors' phones do not carry code they never run. Staff open the staff
//! build's `/staff` and scan the visitor's passport QR with its scanner.

use crate::components::pack::WithPack;
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

/// A passport's QR code opened here (a camera app, or a pack without the staff address when
/// it was shown) goes on to the staff guide's check when the pack names it, passport and all.
#[component]
pub fn Staff() -> impl IntoView {
    let i = use_i18n();
    let passport = window().location().hash().unwrap_or_default();
    let onward = move |pack: std::sync::Arc<qiaosi_core::content::Pack>| {
        pack.checkin.staff.as_ref()?;
        let origin = window().location().origin().ok()?;
        let check = pack.checkin.staff_check_url(&origin);
        // Not to this very page (a staff address that names this guide by mistake; host names
        // are case-insensitive).
        (passport.len() > 1 && !check.eq_ignore_ascii_case(&format!("{origin}/staff"))).then(|| {
            view! {
                <p>
                    <a class="button" href=format!("{check}{passport}") rel="noreferrer">
                        {i.t(K::StaffOpenCheck)}
                    </a>
                </p>
            }
        })
    };
    view! {
        {elsewhere(K::StaffCheckTitle)}
        <WithPack quiet=true render=onward />
    }
}

#[component]
pub fn DeskPage() -> impl IntoView {
    elsewhere(K::DeskTitle)
}
