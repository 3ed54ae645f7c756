//! The in-app QR scanner: the camera's picture, read by the browser's BarcodeDetector where
//! it has one (Chrome on Android) and by a Rust decoder (rqrr, in a worker: src/qr_decode.rs)
//! everywhere else (iOS Safari, desktop). The camera runs only while the scanner is open, and is stopped when it closes or
//! the page goes away.

use crate::i18n::{use_i18n, K};
use js_sys::{Array, Function, Object, Promise, Reflect};
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// Pictures are read at most this wide: enough for a poster's QR at arm's length, and small
/// enough that the Rust decoder keeps up on a cheap phone.
const MAX_W: u32 = 640;
const TICK_MS: u32 = 300;

/// The decoder worker (src/bin/scanner.rs), started on first use and ready to take pictures.
async fn decoder() -> Option<web_sys::Worker> {
    if let Some(w) = DECODER.with(|d| d.borrow().clone()) {
        return Some(w);
    }
    let worker = web_sys::Worker::new("/scanner_loader.js").ok()?;
    // Kept at once, so that stopping the camera while it starts also stops it.
    DECODER.with(|d| *d.borrow_mut() = Some(worker.clone()));
    if JsFuture::from(answer(&worker)).await.is_err() {
        // It could not start (its files missing): say so rather than scan for ever.
        worker.terminate();
        DECODER.with(|d| d.borrow_mut().take());
        NO_DECODER.set(true);
        return None;
    }
    Some(worker)
}

/// The worker's next message; rejected if the worker fails or the camera is stopped first (a
/// promise left pending would keep the scanner busy for good).
fn answer(worker: &web_sys::Worker) -> Promise {
    Promise::new(&mut |ok, fail| {
        worker.set_onmessage(Some(&ok));
        worker.set_onerror(Some(&fail));
        PENDING.with(|p| *p.borrow_mut() = Some(fail));
    })
}

async fn decode_in_worker(w: u32, h: u32, luma: Vec<u8>) -> Option<String> {
    let worker = decoder().await?;
    let msg = Object::new();
    Reflect::set(&msg, &"w".into(), &w.into()).ok()?;
    Reflect::set(&msg, &"h".into(), &h.into()).ok()?;
    Reflect::set(&msg, &"luma".into(), &js_sys::Uint8Array::from(&luma[..])).ok()?;
    let reply = answer(&worker);
    worker.post_message(&msg).ok()?;
    let ev: web_sys::MessageEvent = JsFuture::from(reply).await.ok()?.dyn_into().ok()?;
    ev.data().as_string()
}

struct Camera {
    stream: web_sys::MediaStream,
    /// Reads a frame every TICK_MS; dropping it stops that.
    _tick: gloo_timers::callback::Interval,
}

thread_local! {
    static CAMERA: RefCell<Option<Camera>> = const { RefCell::new(None) };
    static BUSY: Cell<bool> = const { Cell::new(false) };
    static DECODER: RefCell<Option<web_sys::Worker>> = const { RefCell::new(None) };
    /// Rejects the decoder's pending answer.
    static PENDING: RefCell<Option<Function>> = const { RefCell::new(None) };
    /// The decoder worker failed to start: this visit cannot read codes without BarcodeDetector.
    static NO_DECODER: Cell<bool> = const { Cell::new(false) };
    /// Bumped by every start and stop: a camera or a frame from an earlier start is dropped.
    static GEN: Cell<u32> = const { Cell::new(0) };
}

fn stop_camera() {
    GEN.set(GEN.get().wrapping_add(1));
    if let Some(w) = DECODER.with(|d| d.borrow_mut().take()) {
        w.terminate();
    }
    if let Some(fail) = PENDING.with(|p| p.borrow_mut().take()) {
        let _ = fail.call0(&JsValue::NULL);
    }
    BUSY.set(false);
    if let Some(cam) = CAMERA.with(|c| c.borrow_mut().take()) {
        stop_tracks(&cam.stream);
    }
}

fn stop_tracks(stream: &web_sys::MediaStream) {
    for t in stream.get_tracks() {
        t.unchecked_into::<web_sys::MediaStreamTrack>().stop();
    }
}

/// The browser's detector, if it has one that reads QR codes.
fn barcode_detector() -> Option<JsValue> {
    let ctor: Function = Reflect::get(&window(), &"BarcodeDetector".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let opts = Object::new();
    Reflect::set(&opts, &"formats".into(), &Array::of1(&"qr_code".into())).ok()?;
    Reflect::construct(&ctor, &Array::of1(&opts)).ok()
}

async fn read_frame(
    video: &web_sys::HtmlVideoElement,
    detector: Option<&JsValue>,
) -> Option<String> {
    if let Some(d) = detector {
        let detect: Function = Reflect::get(d, &"detect".into()).ok()?.dyn_into().ok()?;
        let found: Promise = detect.call1(d, video).ok()?.dyn_into().ok()?;
        let found: Array = JsFuture::from(found).await.ok()?.dyn_into().ok()?;
        return Reflect::get(&found.get(0), &"rawValue".into())
            .ok()?
            .as_string();
    }
    let (vw, vh) = (video.video_width(), video.video_height());
    if vw == 0 || vh == 0 {
        return None;
    }
    let scale = (f64::from(MAX_W) / f64::from(vw)).min(1.0);
    let (w, h) = (
        (f64::from(vw) * scale) as u32,
        (f64::from(vh) * scale) as u32,
    );
    let canvas: web_sys::HtmlCanvasElement =
        document().create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width(w);
    canvas.set_height(h);
    let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    ctx.draw_image_with_html_video_element_and_dw_and_dh(video, 0.0, 0.0, w.into(), h.into())
        .ok()?;
    let rgba = ctx
        .get_image_data(0.0, 0.0, w.into(), h.into())
        .ok()?
        .data();
    let luma: Vec<u8> = rgba
        .chunks_exact(4)
        .map(|p| ((u32::from(p[0]) * 77 + u32::from(p[1]) * 150 + u32::from(p[2]) * 29) >> 8) as u8)
        .collect();
    decode_in_worker(w, h, luma).await
}

/// A "scan" button that opens the camera; `on_text` gets the first QR code read (the camera
/// is closed by then).
#[component]
pub fn Scanner(label: K, on_text: Callback<String>) -> impl IntoView {
    let i = use_i18n();
    let x = move |k: K| k.text(i.lang.get());
    let open = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let video = NodeRef::<leptos::html::Video>::new();
    let start = move || {
        failed.set(false);
        open.set(true);
        stop_camera();
        let gen = GEN.get();
        leptos::task::spawn_local(async move {
            let stream = async {
                let media = window().navigator().media_devices().ok()?;
                let c = web_sys::MediaStreamConstraints::new();
                let v = Object::new();
                Reflect::set(&v, &"facingMode".into(), &"environment".into()).ok()?;
                c.set_video(&v);
                let p = media.get_user_media_with_constraints(&c).ok()?;
                JsFuture::from(p)
                    .await
                    .ok()?
                    .dyn_into::<web_sys::MediaStream>()
                    .ok()
            };
            let stream = stream.await;
            // Stopped or left while the camera was being opened: close it again at once.
            if GEN.get() != gen {
                if let Some(s) = stream {
                    stop_tracks(&s);
                }
                return;
            }
            let (Some(stream), Some(el)) = (stream, video.try_get_untracked().flatten()) else {
                open.set(false);
                failed.set(true);
                return;
            };
            let el: web_sys::HtmlVideoElement = el;
            el.set_src_object(Some(&stream));
            let _ = el.play();
            let detector = barcode_detector();
            let tick = gloo_timers::callback::Interval::new(TICK_MS, move || {
                if BUSY.replace(true) {
                    return;
                }
                let (el, detector) = (el.clone(), detector.clone());
                leptos::task::spawn_local(async move {
                    let found = read_frame(&el, detector.as_ref()).await;
                    BUSY.set(false);
                    if GEN.get() != gen {
                        return;
                    }
                    if let Some(text) = found {
                        stop_camera();
                        open.set(false);
                        on_text.run(text);
                    } else if NO_DECODER.get() {
                        stop_camera();
                        open.set(false);
                        failed.set(true);
                    }
                });
            });
            CAMERA.with(|c| {
                *c.borrow_mut() = Some(Camera {
                    stream,
                    _tick: tick,
                })
            });
        });
    };
    on_cleanup(stop_camera);
    view! {
        <div class="scanner">
            <button
                class="button"
                type="button"
                on:click=move |_| {
                    if open.get_untracked() {
                        stop_camera();
                        open.set(false)
                    } else {
                        start()
                    }
                }
            >
                {move || x(if open.get() { K::ScanStop } else { label })}
            </button>
            <div class="viewfinder" hidden=move || !open.get()>
                <video
                    node_ref=video
                    playsinline=true
                    muted=true
                    aria-label=move || x(K::ScanAim)
                ></video>
                <p class="fineprint">{move || x(K::ScanAim)}</p>
            </div>
            {move || {
                failed
                    .get()
                    .then(|| {
                        view! {
                            <p class="notice warn" role="alert">
                                {x(K::ScanNoCamera)}
                            </p>
                        }
                    })
            }}
        </div>
    }
}

/// The scanner on the passport page: a check-in code opens its check-in.
#[component]
pub fn ScanToCheckin() -> impl IntoView {
    let i = use_i18n();
    let wrong = RwSignal::new(false);
    let navigate = leptos_router::hooks::use_navigate();
    let on_text = Callback::new(move |text: String| {
        // Only this guide's check-in links are followed; any other QR is named, not opened.
        // The code goes after `#` whichever form the poster has, so a reload of the page
        // does not send it to a server either.
        match qiaosi_core::checkin::link_token(&text) {
            Some(token) => {
                wrong.set(false);
                navigate(
                    &crate::routes::Page::CheckinFragment(token).href(),
                    Default::default(),
                );
            }
            None => wrong.set(true),
        }
    });
    view! {
        <section class="card">
            <Scanner label=K::Scan on_text />
            {move || {
                wrong
                    .get()
                    .then(|| {
                        view! {
                            <p class="notice warn" role="alert">
                                {K::ScanNotOurs.text(i.lang.get())}
                            </p>
                        }
                    })
            }}
        </section>
    }
}
