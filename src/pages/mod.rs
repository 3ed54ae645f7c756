//! One route per file.

pub mod checkin;
#[cfg(feature = "staff")]
pub mod desk;
pub mod event;
pub mod festival;
pub mod home;
pub mod map;
pub mod me;
pub mod not_found;
pub mod passport;
pub mod place;
pub mod places;
pub mod route;
pub mod routes;
#[cfg(feature = "staff")]
pub mod staff;
// The visitors' build answers the staff build's pages with a line saying where they are.
#[cfg(not(feature = "staff"))]
pub mod elsewhere;
#[cfg(not(feature = "staff"))]
pub use elsewhere as staff;
#[cfg(not(feature = "staff"))]
pub use elsewhere as desk;
pub mod survey;
