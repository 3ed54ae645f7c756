//! What the user sees when the app panics.
//!
//! A panic in wasm aborts the module, so no reactive code can run afterwards. The hook
//! therefore writes a plain HTML error view straight into the page: a reload link needs no
//! JavaScript (`href=""` reloads the current address; `target="_self"` keeps the app's router,
//! whose click handler outlives the panic, from taking it over), and the language comes from the same
//! `<html lang>` the app keeps up to date.

use crate::i18n::{Lang, K};

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
        show_crash_view();
    }));
}

fn show_crash_view() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let lang = doc
        .document_element()
        .and_then(|e| e.get_attribute("lang"))
        .and_then(|t| Lang::from_tag(&t))
        .unwrap_or(Lang::Zh);
    // A panic before the body exists (or with it gone) still gets its view, under <html>.
    let Some(target) = doc
        .body()
        .map(Into::into)
        .or_else(|| doc.document_element())
    else {
        return;
    };
    // Only fixed strings from the i18n table go into this markup, never user or content data.
    target.set_inner_html(&format!(
        r#"<main class="crash" role="alert"><h1>{}</h1><p>{}</p><a class="button" href="" target="_self">{}</a></main>"#,
        K::CrashTitle.text(lang),
        K::CrashText.text(lang),
        K::Reload.text(lang)
    ));
}
