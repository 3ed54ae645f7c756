//! One route per file.

pub mod checkin;
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
pub mod staff;
pub mod survey;
