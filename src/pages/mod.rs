//! One route per file.

pub mod checkin;
pub mod event;
pub mod festival;
pub mod home;
pub mod map;
pub mod me;
pub mod not_found;
pub mod place;
pub mod places;
pub mod route;
pub mod routes;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// A path parameter of the current route ("" when absent).
pub(crate) fn param(name: &'static str) -> impl Fn() -> String + Copy {
    let params = use_params_map();
    move || params.with(|p| p.get(name).unwrap_or_default())
}
