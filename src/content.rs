//! Loading the content pack and sharing it with every page.
//!
//! The pack is fetched at run time (not compiled in) and checked with the same rules as
//! `qiaosi validate` before anything is shown: a pack with problems is refused as a whole.

use leptos::prelude::*;
use qiaosi_core::content::Pack;
use qiaosi_core::validate::{self, Problem};
use std::sync::Arc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

pub const PACK_URL: &str = "/content/pack.json";

/// Why there is no content to show.
#[derive(Clone, Debug, PartialEq)]
pub enum PackError {
    /// The server answered, but not with a pack (404 and the like).
    Missing(u16),
    /// No answer at all.
    Network,
    /// Truncated or not JSON, or a field of the wrong shape.
    Syntax(Problem),
    /// Well-formed but failing its checks.
    Invalid(Vec<Problem>),
}

#[derive(Clone, Debug, PartialEq)]
pub enum PackState {
    Loading,
    Ready(Arc<Pack>),
    Failed(PackError),
}

#[derive(Clone, Copy)]
pub struct Content {
    pub state: RwSignal<PackState>,
}

impl Content {
    /// (Re)loads the pack from the network.
    pub fn reload(self) {
        self.state.set(PackState::Loading);
        leptos::task::spawn_local(async move {
            let next = match fetch_text(PACK_URL).await {
                Ok(text) => parse(&text),
                Err(e) => PackState::Failed(e),
            };
            self.state.set(next);
        });
    }
}

fn parse(text: &str) -> PackState {
    match validate::load(text) {
        Ok(pack) => PackState::Ready(Arc::new(pack)),
        Err(mut problems) => {
            if problems.len() == 1 && problems[0].kind == validate::Kind::Syntax {
                PackState::Failed(PackError::Syntax(problems.remove(0)))
            } else {
                PackState::Failed(PackError::Invalid(problems))
            }
        }
    }
}

async fn fetch_text(url: &str) -> Result<String, PackError> {
    let init = web_sys::RequestInit::new();
    // Revalidate with the server each time; the service worker answers when offline.
    init.set_cache(web_sys::RequestCache::NoCache);
    let promise = window().fetch_with_str_and_init(url, &init);
    let resp: web_sys::Response = JsFuture::from(promise)
        .await
        .map_err(|_| PackError::Network)?
        .unchecked_into();
    if !resp.ok() {
        return Err(PackError::Missing(resp.status()));
    }
    let text = JsFuture::from(resp.text().map_err(|_| PackError::Network)?)
        .await
        // A body cut off mid-transfer fails here or arrives short; both end as a clear error.
        .map_err(|_| PackError::Network)?;
    Ok(text.as_string().unwrap_or_default())
}

pub fn provide_content() {
    let content = Content {
        state: RwSignal::new(PackState::Loading),
    };
    provide_context(content);
    content.reload();
}

pub fn use_content() -> Content {
    expect_context::<Content>()
}
