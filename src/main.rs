use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn main() {
    qiaosi_guide::platform::panic::install();
    // index.html's static first screen (public/boot.js) goes, and the app draws the same one in
    // the same task, so nothing is painted in between. What the user already typed into the
    // static search box is carried over: on a slow network they may have been typing for a while.
    let doc = document();
    let search = |root: &web_sys::Element| {
        root.query_selector("input[type=search]")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    };
    let mut typed = None;
    // A static button tapped before the app arrived (public/boot.js notes which).
    let root = doc.document_element();
    let tapped = root.as_ref().and_then(|r| r.get_attribute("data-replay"));
    if let (Some(r), Some(_)) = (&root, &tapped) {
        let _ = r.remove_attribute("data-replay");
    }
    if let Some(boot) = doc.get_element_by_id("boot") {
        if let Some(input) = search(&boot) {
            let focused = doc.active_element().is_some_and(|a| a == **input);
            typed = Some((input.value(), focused)).filter(|(v, _)| !v.is_empty());
        }
        boot.remove();
    }
    mount_to_body(qiaosi_guide::app::App);
    if let Some(button) = tapped
        .and_then(|sel| doc.query_selector(&sel).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        button.click();
    }
    if let (Some((text, focused)), Some(main)) = (typed, doc.query_selector("main").ok().flatten())
    {
        if let Some(input) = search(&main) {
            input.set_value(&text);
            if let Ok(ev) = web_sys::Event::new("input") {
                let _ = input.dispatch_event(&ev);
            }
            if focused {
                let _ = input.focus();
            }
        }
    }
}
