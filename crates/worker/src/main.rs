//! The guide's web worker. It runs what the app needs rarely but what weighs a lot in wasm —
//! verifying a check-in code's Ed25519 signature — so that none of it is in the first load:
//! the worker's files are fetched the first time a code is checked.
//!
//! Protocol: the page posts a JSON request (see `Request`); the worker answers
//! `{"id": n, "ok": {...}}` or `{"id": n, "refused": "<Refusal variant>"}`.

use qiaosi_core::checkin::{self, Refusal};
use qiaosi_core::content::Checkin;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// `{"id": n, "token": "...", "now": unix seconds, "pack": <the content pack>}`; of the pack
/// only the check-in section is read.
#[derive(Deserialize)]
struct Request {
    id: u32,
    token: String,
    now: i64,
    pack: PackCheckin,
}

#[derive(Deserialize)]
struct PackCheckin {
    #[serde(default)]
    checkin: Checkin,
}

#[derive(Serialize)]
struct Ok_ {
    point_id: String,
    key_id: String,
}

fn answer(req: &str) -> String {
    let Ok(r) = serde_json::from_str::<Request>(req) else {
        return r#"{"id":0,"refused":"Malformed"}"#.into();
    };
    let c = r.pack.checkin;
    match checkin::verify(&r.token, &c.keys, &c.points, r.now) {
        Ok(ok) => {
            serde_json::json!({"id": r.id, "ok": Ok_ { point_id: ok.point_id, key_id: ok.key_id }})
                .to_string()
        }
        Err(refusal) => {
            serde_json::json!({"id": r.id, "refused": refusal_name(refusal)}).to_string()
        }
    }
}

fn refusal_name(r: Refusal) -> &'static str {
    match r {
        Refusal::Malformed => "Malformed",
        Refusal::UnknownKey => "UnknownKey",
        Refusal::BadSignature => "BadSignature",
        Refusal::UnknownPoint => "UnknownPoint",
        Refusal::NotYetValid => "NotYetValid",
        Refusal::Expired => "Expired",
    }
}

fn main() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let text = ev.data().as_string().unwrap_or_default();
            let _ = reply.post_message(&JsValue::from_str(&answer(&text)));
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Tell the page the worker is ready to answer.
    let _ = scope.post_message(&JsValue::from_str(r#"{"ready":true}"#));
}
