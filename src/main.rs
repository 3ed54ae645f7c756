use leptos::prelude::*;

fn main() {
    qiaosi_guide::platform::panic::install();
    // The static boot header painted before the wasm arrived; the app draws its own.
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
    mount_to_body(qiaosi_guide::app::App);
}
