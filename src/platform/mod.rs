//! Browser capabilities, one file each.

pub mod clock;
pub mod fetch;
pub mod geolocation;
pub mod log;
pub mod online;
pub mod panic;
pub mod scroll;
pub mod service_worker;
pub mod share;
pub mod signing;
pub mod storage;
pub mod timing;
pub mod watch_position;
