use leptos::prelude::*;

fn main() {
    mount_to_body(|| view! { <main><h1>"Hello"</h1><p>"An empty Leptos app."</p></main> });
}
