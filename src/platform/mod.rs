//! Browser capabilities, one file each.

pub mod clock;
pub mod panic;
pub mod service_worker;
