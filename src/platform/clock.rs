//! The current time, as the guide reads it: Shanghai wall-clock time from the phone's UTC
//! clock, so a phone set to another time zone still sees Qiaosi's hours and programme right.

use qiaosi_core::time::LocalDateTime;

pub fn now() -> LocalDateTime {
    LocalDateTime::from_unix_ms(js_sys::Date::now())
}
