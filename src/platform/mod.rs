//! Browser capabilities, one file each.

pub mod clock;
pub mod online;
pub mod panic;
pub mod service_worker;
pub mod storage;
