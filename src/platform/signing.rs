//! Ed25519 signing on the phone: the install's key (each stamp is signed by it) and a desk
//! phone's device key (each 30-second desk code). WebCrypto where the browser has Ed25519
//! (Chrome 137+, Safari 17+, Firefox 129+): the private key is made or imported
//! non-extractable, so even a script running in the page cannot copy it out, only use it.
//! Older browsers (many in-app WebViews) fall back to ed25519-dalek in the wasm with the
//! 32-byte seed kept in IndexedDB only; the same bytes come out either way.

use js_sys::{Array, Object, Reflect, Uint8Array};
use qiaosi_core::checkin::{b64_decode, b64_encode};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// A key pair that can sign. Stored in IndexedDB as a plain object (see [`KeyPair::to_js`]).
#[derive(Clone)]
pub struct KeyPair {
    private: Private,
    /// The public half, base64url: what the passport names and the pack lists.
    pub public: String,
}

#[derive(Clone)]
enum Private {
    /// A non-extractable WebCrypto key.
    Crypto(web_sys::CryptoKey),
    /// The fallback: the seed, kept in IndexedDB only.
    Seed([u8; 32]),
}

fn subtle() -> Option<web_sys::SubtleCrypto> {
    Some(web_sys::window()?.crypto().ok()?.subtle())
}

fn usages(list: &[&str]) -> JsValue {
    list.iter()
        .map(|u| JsValue::from_str(u))
        .collect::<Array>()
        .into()
}

async fn call(p: Result<js_sys::Promise, JsValue>) -> Option<JsValue> {
    JsFuture::from(p.ok()?).await.ok()
}

fn bytes(v: &JsValue) -> Vec<u8> {
    Uint8Array::new(v).to_vec()
}

fn random_seed() -> Option<[u8; 32]> {
    let mut seed = [0u8; 32];
    web_sys::window()?
        .crypto()
        .ok()?
        .get_random_values_with_u8_array(&mut seed)
        .ok()?;
    Some(seed)
}

fn seed_pair(seed: [u8; 32]) -> KeyPair {
    KeyPair {
        public: b64_encode(
            ed25519_dalek::SigningKey::from_bytes(&seed)
                .verifying_key()
                .as_bytes(),
        ),
        private: Private::Seed(seed),
    }
}

impl KeyPair {
    /// A new key pair for this install: WebCrypto if it can, else a seed from the browser's
    /// randomness. `None` only when the browser has no `crypto` at all.
    pub async fn generate() -> Option<KeyPair> {
        if let Some(s) = subtle() {
            let made = call(s.generate_key_with_str("Ed25519", false, &usages(&["sign"]))).await;
            if let Some(pair) = made {
                let private = Reflect::get(&pair, &"privateKey".into()).ok()?;
                let public = Reflect::get(&pair, &"publicKey".into()).ok()?;
                let raw = call(s.export_key("raw", public.unchecked_ref())).await?;
                return Some(KeyPair {
                    private: Private::Crypto(private.unchecked_into()),
                    public: b64_encode(&bytes(&raw)),
                });
            }
        }
        random_seed().map(seed_pair)
    }

    /// A desk phone's device key from its pass: imported into WebCrypto non-extractable if it
    /// can be (the seed then lives nowhere but in the pass file), else kept as the seed.
    #[cfg(feature = "staff")]
    pub async fn import(seed: &[u8; 32], public: &[u8; 32]) -> KeyPair {
        if let Some(s) = subtle() {
            let jwk = Object::new();
            for (k, v) in [
                ("kty", "OKP".to_string()),
                ("crv", "Ed25519".into()),
                ("d", b64_encode(seed)),
                ("x", b64_encode(public)),
            ] {
                let _ = Reflect::set(&jwk, &k.into(), &v.into());
            }
            let alg = Object::new();
            let _ = Reflect::set(&alg, &"name".into(), &"Ed25519".into());
            let imported =
                call(s.import_key_with_object("jwk", &jwk, &alg, false, &usages(&["sign"])));
            if let Some(key) = imported.await {
                return KeyPair {
                    private: Private::Crypto(key.unchecked_into()),
                    public: b64_encode(public),
                };
            }
        }
        seed_pair(*seed)
    }

    pub async fn sign(&self, message: &[u8]) -> Option<[u8; 64]> {
        match &self.private {
            Private::Crypto(key) => {
                let sig =
                    call(subtle()?.sign_with_str_and_u8_array("Ed25519", key, message)).await?;
                bytes(&sig).try_into().ok()
            }
            Private::Seed(seed) => {
                use ed25519_dalek::Signer;
                Some(
                    ed25519_dalek::SigningKey::from_bytes(seed)
                        .sign(message)
                        .to_bytes(),
                )
            }
        }
    }

    /// For IndexedDB, which keeps a CryptoKey as it is (still non-extractable).
    pub fn to_js(&self) -> JsValue {
        let o = Object::new();
        let _ = Reflect::set(&o, &"public".into(), &self.public.as_str().into());
        let private: JsValue = match &self.private {
            Private::Crypto(k) => k.clone().into(),
            Private::Seed(s) => b64_encode(s).into(),
        };
        let _ = Reflect::set(&o, &"private".into(), &private);
        o.into()
    }

    pub fn from_js(v: &JsValue) -> Option<KeyPair> {
        let public = Reflect::get(v, &"public".into()).ok()?.as_string()?;
        let private = Reflect::get(v, &"private".into()).ok()?;
        let private = match private.as_string() {
            Some(seed) => Private::Seed(b64_decode(&seed)?.try_into().ok()?),
            None => Private::Crypto(private.dyn_into().ok()?),
        };
        Some(KeyPair { private, public })
    }
}
