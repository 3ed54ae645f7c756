//! Qiaosi Guide, the app: a Leptos client-side-rendered PWA. Domain rules live in
//! `qiaosi-core`; this crate is pages, components and the browser platform.

pub mod app;
pub mod components;
pub mod content;
pub mod format;
pub mod i18n;
pub mod pages;
pub mod platform;
pub mod qr_decode;
pub mod routes;
pub mod search_index;
pub mod settings;
pub mod store;
pub mod sync;
