//! Console warnings for whoever debugs on a phone. Plain string pieces, no `format!`: the
//! formatting machinery would cost the wasm more than these few lines are worth.

pub fn warn(message: &str, detail: &str) {
    web_sys::console::warn_2(&message.into(), &detail.into());
}
