//! The staff phone's redemption ledger on the staff page: "record as given" under an earned
//! reward (refused, with the earlier record, when this install already had it), and the
//! ledger's export and import, by which staff phones learn of each other's redemptions.

use crate::components::schedule::data_url;
use crate::i18n::{use_i18n, K};
use crate::store::ledger::{self, Recorded};
use leptos::prelude::*;
use qiaosi_core::checkin::ledger::{Ledger, Redemption};

/// This staff phone in the ledger: "staff-" and the start of its own install key, stable
/// for the phone and meaningless to anyone else.
async fn desk_name() -> String {
    let key = crate::store::keys::install().await;
    let id: String = key
        .map(|k| k.public.chars().take(6).collect())
        .unwrap_or_default();
    format!("staff-{id}")
}

/// Bumped when this page records a redemption, so the ledger's count follows.
#[derive(Clone, Copy)]
pub struct LedgerChanged(pub RwSignal<u32>);

#[derive(Clone, PartialEq)]
enum State {
    Checking,
    Open,
    Recorded,
    Given(Redemption),
    Failed,
}

/// Under a judged reward: whether this install already had it here, and the button that
/// records it.
#[component]
pub fn Redeem(
    install: String,
    reward: String,
    earned: bool,
    /// The pack's sync endpoint: a redemption is also sent there, for the other desks.
    sync: Option<String>,
) -> impl IntoView {
    let i = use_i18n();
    let changed = use_context::<LedgerChanged>();
    let state = RwSignal::new(State::Checking);
    let (inst, rew) = (install.clone(), reward.clone());
    leptos::task::spawn_local(async move {
        state.set(match ledger::given(&rew, &inst).await {
            Ok(Some(r)) => State::Given(r),
            Ok(None) => State::Open,
            Err(_) => State::Failed,
        });
    });
    let record = move |_| {
        let (install, reward, sync) = (install.clone(), reward.clone(), sync.clone());
        leptos::task::spawn_local(async move {
            let r = Redemption {
                install,
                reward,
                at: crate::platform::clock::now().to_string(),
                desk: desk_name().await,
            };
            state.set(match ledger::record(r, sync.is_some()).await {
                Ok(Recorded::Now) => {
                    if let Some(LedgerChanged(c)) = changed {
                        c.update(|n| *n += 1);
                    }
                    if let Some(endpoint) = sync {
                        crate::sync::start(endpoint);
                    }
                    State::Recorded
                }
                Ok(Recorded::Already(before)) => State::Given(before),
                Err(_) => State::Failed,
            });
        });
    };
    move || match state.get() {
        State::Checking => ().into_any(),
        State::Open if earned => view! {
            <button class="button record-given" type="button" on:click=record.clone()>
                {i.t(K::RecordGiven)}
            </button>
        }
        .into_any(),
        State::Open => ().into_any(),
        State::Recorded => view! {
            <p class="notice given-now" role="status">
                {i.t(K::GivenNow)}
            </p>
        }
        .into_any(),
        State::Given(r) => view! {
            <div class="notice warn given-before" role="alert">
                <p>
                    <strong>{i.t(K::GivenBefore)}</strong>
                </p>
                <p class="fineprint">{i.t(K::GivenWhen)}{r.at.replace('T', " ")}" · "{r.desk}</p>
            </div>
        }
        .into_any(),
        State::Failed => view! {
            <p class="notice warn" role="alert">
                {i.t(K::SaveFailed)}
            </p>
        }
        .into_any(),
    }
}

/// The ledger's count, export and import. Provide [`LedgerChanged`] above it and the
/// [`Redeem`] buttons for the count to follow their redemptions.
#[component]
pub fn LedgerPanel() -> impl IntoView {
    let i = use_i18n();
    let list = RwSignal::new(Vec::<Redemption>::new());
    let changed = use_context::<LedgerChanged>();
    let reload = move || {
        leptos::task::spawn_local(async move {
            if let Ok(l) = ledger::all().await {
                list.set(l);
            }
        })
    };
    // Now, and after each redemption recorded on this page.
    Effect::new(move |_| {
        if let Some(LedgerChanged(c)) = changed {
            c.track();
        }
        reload();
    });
    let message = RwSignal::new(None::<(bool, String)>);
    // What an import found, in words: new records and every reward given twice.
    let report = move |got: Result<Result<ledger::Imported, String>, crate::store::StoreError>| {
        message.set(Some(match got {
            Ok(Ok(got)) => {
                let mut m = format!("{}{}", i.t(K::LedgerImported), got.added);
                for (a, b) in &got.doubles {
                    m += &format!(
                        "\n{}{} · {} · {} / {}",
                        i.t(K::LedgerDoubles),
                        a.reward,
                        a.install,
                        a.desk,
                        b.desk
                    );
                }
                (got.doubles.is_empty(), m)
            }
            Ok(Err(e)) => (false, format!("{}{e}", i.t(K::LedgerBad))),
            Err(_) => (false, i.t(K::SaveFailed).to_string()),
        }));
        reload();
    };
    // With a sync endpoint, the other desks' redemptions are fetched from it once the pack is
    // known (and this phone is online): a reward given elsewhere is then refused here too.
    let content = crate::content::use_content();
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) {
            return true;
        }
        let crate::content::PackState::Ready(p) = content.state.get() else {
            return false;
        };
        if let Some(endpoint) = p.checkin.sync.clone() {
            leptos::task::spawn_local(async move {
                if let Some(text) = crate::sync::ledger(&endpoint).await {
                    let got = ledger::import(&text).await;
                    // Quiet when nothing was new: the panel's count says enough.
                    if !matches!(&got, Ok(Ok(g)) if g.added == 0 && g.doubles.is_empty()) {
                        report(got);
                    }
                }
            });
        }
        true
    });
    let on_file = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
            let text = text.ok().and_then(|t| t.as_string()).unwrap_or_default();
            report(ledger::import(&text).await);
        });
    };
    view! {
        <section class="card ledger">
            <h2>{i.t(K::LedgerTitle)}</h2>
            <p class="ledger-count">{i.t(K::LedgerCount)}{move || list.get().len()}</p>
            <a
                class="button secondary ledger-export"
                download="qiaosi-ledger.json"
                href=move || data_url("application/json", &Ledger::new(list.get()).to_json())
            >
                {i.t(K::LedgerExport)}
            </a>
            <label class="file-pick">
                {i.t(K::LedgerImport)} " "
                <input
                    type="file"
                    class="ledger-file"
                    accept=".json,application/json"
                    on:change=on_file
                />
            </label>
            {move || {
                message
                    .get()
                    .map(|(ok, m)| {
                        view! {
                            <p
                                class=if ok {
                                    "notice ledger-result"
                                } else {
                                    "notice warn ledger-result"
                                }
                                role="status"
                            >
                                {m}
                            </p>
                        }
                    })
            }}
        </section>
    }
}
