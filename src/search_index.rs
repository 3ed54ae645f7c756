//! The place search index, built ahead of the first keystroke: a few hundred places at a time,
//! yielding to the browser between slices, so building it never becomes one long task (on a
//! 10,000-place pack it took 262 ms at once on a slow phone, all on the first keystroke).

use crate::content::{Content, PackState};
use leptos::prelude::*;
use qiaosi_core::content::Pack;
use qiaosi_core::search::{IndexBuilder, SearchIndex};
use std::cell::RefCell;
use std::sync::Arc;

/// Places per slice: under 10 ms at 4× CPU throttling (measured by scripts/bench-search.mjs).
const SLICE: usize = 150;

enum Index {
    Building(Arc<Pack>, IndexBuilder),
    Ready(Arc<Pack>, Arc<SearchIndex>),
}

impl Index {
    fn pack(&self) -> &Arc<Pack> {
        match self {
            Index::Building(p, _) | Index::Ready(p, _) => p,
        }
    }
}

thread_local! {
    /// The index of the pack shown; it keeps that pack alive, so `ptr_eq` can't be fooled by
    /// a reused address.
    static INDEX: RefCell<Option<Index>> = const { RefCell::new(None) };
}

/// Builds the index for every pack the app shows, in slices between frames.
pub fn build_ahead(content: Content) {
    Effect::new(move |_| {
        let PackState::Ready(pack) = content.state.get() else {
            return;
        };
        let fresh = INDEX.with(|i| {
            let mut i = i.borrow_mut();
            if i.as_ref().is_some_and(|x| Arc::ptr_eq(x.pack(), &pack)) {
                return false;
            }
            *i = Some(Index::Building(pack.clone(), IndexBuilder::new(&pack)));
            true
        });
        if fresh {
            leptos::task::spawn_local(build(pack));
        }
    });
}

async fn build(pack: Arc<Pack>) {
    crate::platform::timing::mark("qiaosi-index-start");
    loop {
        // A macrotask between slices: input and painting go first.
        gloo_timers::future::TimeoutFuture::new(0).await;
        crate::platform::timing::mark("qiaosi-index-slice-start");
        let more = INDEX.with(|i| {
            let mut i = i.borrow_mut();
            match i.take() {
                // Replaced by a newer pack, or finished by a keystroke.
                Some(Index::Building(p, mut b)) if Arc::ptr_eq(&p, &pack) => {
                    let done = b.step(&p, SLICE);
                    *i = Some(if done {
                        Index::Ready(p, Arc::new(b.finish()))
                    } else {
                        Index::Building(p, b)
                    });
                    !done
                }
                other => {
                    *i = other;
                    false
                }
            }
        });
        crate::platform::timing::measure("qiaosi-index-slice", "qiaosi-index-slice-start");
        if !more {
            break;
        }
    }
    crate::platform::timing::measure("qiaosi-index", "qiaosi-index-start");
    // One search nobody sees, in a task of its own: the browser compiles the search code's
    // optimised tier and the allocator grows now, not on the visitor's first keystroke.
    gloo_timers::future::TimeoutFuture::new(0).await;
    let ready = INDEX.with(|i| match &*i.borrow() {
        Some(Index::Ready(p, idx)) if Arc::ptr_eq(p, &pack) => Some(idx.clone()),
        _ => None,
    });
    if let Some(idx) = ready {
        crate::platform::timing::mark("qiaosi-index-warm-start");
        let _ = idx.search("a");
        crate::platform::timing::measure("qiaosi-index-warm", "qiaosi-index-warm-start");
    }
}

/// The index for `pack`; a keystroke that comes before it is built finishes it at once.
pub fn index_for(pack: &Arc<Pack>) -> Arc<SearchIndex> {
    INDEX.with(|i| {
        let mut i = i.borrow_mut();
        let idx = match i.take() {
            Some(Index::Ready(p, idx)) if Arc::ptr_eq(&p, pack) => idx,
            Some(Index::Building(p, mut b)) if Arc::ptr_eq(&p, pack) => {
                crate::platform::timing::mark("qiaosi-index-finish-start");
                b.step(&p, usize::MAX);
                crate::platform::timing::measure(
                    "qiaosi-index-finish",
                    "qiaosi-index-finish-start",
                );
                Arc::new(b.finish())
            }
            _ => Arc::new(SearchIndex::new(pack)),
        };
        *i = Some(Index::Ready(pack.clone(), idx.clone()));
        idx
    })
}
