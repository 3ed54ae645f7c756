//! `/passport`: the stamps collected, the scanner, and "show to staff".

use crate::components::outbox::SyncNotice;
use crate::components::{pack::WithPack, passport::Passport, scanner::ScanToCheckin, use_title};
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
        // Where check-ins are sent, when the pack names a sync endpoint: shown above the scanner,
        // so before a scan sends anything. No point can be stamped (no key in the pack): say
        // so, rather than invite the visitor to look for posters that do not exist. Stamps
        // already collected still show.
        <WithPack
            quiet=true
            render=move |pack| {
                let notice = view! { <SyncNotice pack=pack.clone() /> };
                if pack.checkin.is_active() {
                    view! {
                        {notice}
                        <ScanToCheckin />
                    }
                        .into_any()
                } else {
                    view! {
                        {notice}
                        <p class="notice checkin-inactive">{i.t(K::CheckinInactive)}</p>
                    }
                        .into_any()
                }
            }
        />
        <Passport stamps />
    }
}
