//! Reading a pack from its JSON tree: every field checked for presence and shape, every
//! problem collected with its path (`places[2].position.lat: expected a number`), unknown
//! fields refused (a typo must not silently drop a fact). Semantic checks follow in `validate`.

use super::*;
use crate::json::Json;
use crate::validate::{Kind, Problem};

type Members = [(String, Json)];

pub(crate) struct Reader {
    pub(crate) problems: Vec<Problem>,
}

fn kind_name(v: &Json) -> &'static str {
    match v {
        Json::Null => "null",
        Json::Bool(_) => "true/false",
        Json::Num(_) => "a number",
        Json::Str(_) => "text",
        Json::Arr(_) => "a list",
        Json::Obj(_) => "an object",
    }
}

/// `places[2]` + `name` → `places[2].name`; at the top level just `name`.
fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

impl Reader {
    fn bad(&mut self, path: &str, message: String) {
        self.problems.push(Problem {
            path: path.to_string(),
            kind: Kind::Syntax,
            message,
        });
    }

    /// The members of an object, after reporting any field not in `fields`.
    fn obj<'a>(&mut self, v: &'a Json, path: &str, fields: &[&str]) -> Option<&'a Members> {
        let Json::Obj(m) = v else {
            self.bad(path, format!("expected an object, found {}", kind_name(v)));
            return None;
        };
        for (i, (k, _)) in m.iter().enumerate() {
            if !fields.contains(&k.as_str()) {
                self.bad(
                    &join(path, k),
                    format!(
                        "unknown field `{k}` (expected one of: {})",
                        fields.join(", ")
                    ),
                );
            } else if m[..i].iter().any(|(other, _)| other == k) {
                self.bad(&join(path, k), format!("field `{k}` appears twice"));
            }
        }
        Some(m)
    }

    /// A field's value; `None` (and a problem, when `required`) if missing or null.
    fn field<'a>(
        &mut self,
        m: &'a Members,
        path: &str,
        key: &str,
        required: bool,
    ) -> Option<&'a Json> {
        match m.iter().find(|(k, _)| k == key).map(|(_, v)| v) {
            Some(Json::Null) | None => {
                if required {
                    self.bad(&join(path, key), "missing".into());
                }
                None
            }
            Some(v) => Some(v),
        }
    }

    fn string(&mut self, v: &Json, path: &str) -> Option<String> {
        match v {
            Json::Str(s) => Some(s.clone()),
            _ => {
                self.bad(path, format!("expected text, found {}", kind_name(v)));
                None
            }
        }
    }

    fn num(&mut self, v: &Json, path: &str) -> Option<f64> {
        match v {
            Json::Num(n) => Some(*n),
            _ => {
                self.bad(path, format!("expected a number, found {}", kind_name(v)));
                None
            }
        }
    }

    /// A whole number in `0..=max`.
    fn int(&mut self, v: &Json, path: &str, max: u32) -> Option<u32> {
        let n = self.num(v, path)?;
        if n.fract() != 0.0 || !(0.0..=f64::from(max)).contains(&n) {
            self.bad(path, format!("expected a whole number from 0 to {max}"));
            return None;
        }
        Some(n as u32)
    }

    fn list<'a>(&mut self, v: &'a Json, path: &str) -> Option<&'a [Json]> {
        match v {
            Json::Arr(a) => Some(a),
            _ => {
                self.bad(path, format!("expected a list, found {}", kind_name(v)));
                None
            }
        }
    }

    fn req_str(&mut self, m: &Members, path: &str, key: &str) -> Option<String> {
        let v = self.field(m, path, key, true)?;
        self.string(v, &join(path, key))
    }

    fn opt_str(&mut self, m: &Members, path: &str, key: &str) -> Option<String> {
        let v = self.field(m, path, key, false)?;
        self.string(v, &join(path, key))
    }

    fn i18n(&mut self, v: &Json, path: &str) -> Option<I18n> {
        let m = self.obj(v, path, &["zh", "en"])?;
        let zh = self.req_str(m, path, "zh");
        let en = self.req_str(m, path, "en");
        Some(I18n { zh: zh?, en: en? })
    }

    fn req_i18n(&mut self, m: &Members, path: &str, key: &str) -> Option<I18n> {
        let v = self.field(m, path, key, true)?;
        self.i18n(v, &join(path, key))
    }

    fn opt_i18n(&mut self, m: &Members, path: &str, key: &str) -> Option<Option<I18n>> {
        match self.field(m, path, key, false) {
            None => Some(None),
            Some(v) => self.i18n(v, &join(path, key)).map(Some),
        }
    }

    /// A list field (absent = empty) read item by item; `None` if any item is unreadable.
    fn items<T>(
        &mut self,
        m: &Members,
        path: &str,
        key: &str,
        mut one: impl FnMut(&mut Self, &Json, &str) -> Option<T>,
    ) -> Option<Vec<T>> {
        let Some(v) = self.field(m, path, key, false) else {
            return Some(vec![]);
        };
        let at = join(path, key);
        let list = self.list(v, &at)?;
        let all: Vec<Option<T>> = list
            .iter()
            .enumerate()
            .map(|(i, item)| one(self, item, &format!("{at}[{i}]")))
            .collect();
        all.into_iter().collect()
    }

    fn strings(&mut self, m: &Members, path: &str, key: &str) -> Option<Vec<String>> {
        self.items(m, path, key, |r, v, p| r.string(v, p))
    }

    fn precision(&mut self, v: &Json, path: &str) -> Option<Precision> {
        if v == &Json::Str("exact".into()) {
            return Some(Precision::Exact);
        }
        let ok = matches!(v, Json::Obj(m) if m.len() == 1 && m[0].0 == "approximate");
        if !ok {
            self.bad(
                path,
                "expected \"exact\" or {\"approximate\": {\"radius_m\": …}}".into(),
            );
            return None;
        }
        let Json::Obj(m) = v else { return None };
        let at = format!("{path}.approximate");
        let inner = self.obj(&m[0].1, &at, &["radius_m"])?;
        let r = self.field(inner, &at, "radius_m", true)?;
        let radius_m = self.int(r, &format!("{at}.radius_m"), u32::MAX)?;
        Some(Precision::Approximate { radius_m })
    }

    fn position(&mut self, v: &Json, path: &str) -> Option<Position> {
        let m = self.obj(v, path, &["lat", "lng", "precision"])?;
        let lat = self
            .field(m, path, "lat", true)
            .and_then(|v| self.num(v, &format!("{path}.lat")));
        let lng = self
            .field(m, path, "lng", true)
            .and_then(|v| self.num(v, &format!("{path}.lng")));
        let precision = self
            .field(m, path, "precision", true)
            .and_then(|v| self.precision(v, &format!("{path}.precision")));
        Some(Position {
            lat: lat?,
            lng: lng?,
            precision: precision?,
        })
    }

    fn meta(&mut self, v: &Json, path: &str) -> Option<Meta> {
        let m = self.obj(v, path, &["schema", "version", "generated", "tiles"])?;
        let schema = self
            .field(m, path, "schema", true)
            .and_then(|v| self.int(v, "meta.schema", u32::MAX));
        let version = self.req_str(m, path, "version");
        let generated = self.req_str(m, path, "generated");
        let tiles = self.field(m, path, "tiles", true).and_then(|t| {
            let at = "meta.tiles";
            let t = self.obj(t, at, &["url", "attribution", "datum", "max_zoom"])?;
            let url = self.req_str(t, at, "url");
            let attribution = self.req_str(t, at, "attribution");
            let datum = match self.req_str(t, at, "datum").as_deref() {
                Some("wgs84") => Some(Datum::Wgs84),
                Some("gcj02") => Some(Datum::Gcj02),
                Some(other) => {
                    self.bad(
                        "meta.tiles.datum",
                        format!("unknown datum \"{other}\" (wgs84 or gcj02)"),
                    );
                    None
                }
                None => None,
            };
            let max_zoom = self
                .field(t, at, "max_zoom", true)
                .and_then(|v| self.int(v, "meta.tiles.max_zoom", 255));
            Some(TileSource {
                url: url?,
                attribution: attribution?,
                datum: datum?,
                max_zoom: max_zoom? as u8,
            })
        });
        Some(Meta {
            schema: schema?,
            version: version?,
            generated: generated?,
            tiles: tiles?,
        })
    }

    fn place(&mut self, v: &Json, p: &str) -> Option<Place> {
        const F: &[&str] = &[
            "id",
            "name",
            "pinyin",
            "category",
            "position",
            "address",
            "hours",
            "phone",
            "description",
            "tags",
            "source",
            "checked",
        ];
        let m = self.obj(v, p, F)?;
        let id = self.req_str(m, p, "id");
        let name = self.req_i18n(m, p, "name");
        let pinyin = self.strings(m, p, "pinyin");
        let category = self.req_str(m, p, "category");
        let position = self
            .field(m, p, "position", true)
            .and_then(|v| self.position(v, &format!("{p}.position")));
        let address = self.opt_i18n(m, p, "address");
        let hours = self.opt_str(m, p, "hours");
        let phone = self.opt_str(m, p, "phone");
        let description = self.req_i18n(m, p, "description");
        let tags = self.strings(m, p, "tags");
        let source = self.req_str(m, p, "source");
        let checked = self.req_str(m, p, "checked");
        Some(Place {
            id: id?,
            name: name?,
            pinyin: pinyin?,
            category: category?,
            position: position?,
            address: address?,
            hours,
            phone,
            description: description?,
            tags: tags?,
            source: source?,
            checked: checked?,
        })
    }

    fn route(&mut self, v: &Json, p: &str) -> Option<Route> {
        let m = self.obj(
            v,
            p,
            &[
                "id",
                "name",
                "summary",
                "stops",
                "path",
                "path_precision",
                "source",
            ],
        )?;
        let id = self.req_str(m, p, "id");
        let name = self.req_i18n(m, p, "name");
        let summary = self.req_i18n(m, p, "summary");
        let stops = self.items(m, p, "stops", |r, v, sp| {
            let s = r.obj(v, sp, &["place", "point", "name", "narrative"])?;
            let place = r.opt_str(s, sp, "place");
            let point = match r.field(s, sp, "point", false) {
                Some(v) => Some(r.position(v, &format!("{sp}.point"))?),
                None => None,
            };
            let name = r.opt_i18n(s, sp, "name");
            let narrative = r.req_i18n(s, sp, "narrative");
            Some(Stop {
                place,
                point,
                name: name?,
                narrative: narrative?,
            })
        });
        let path = self.items(m, p, "path", |r, v, pp| match r.list(v, pp)? {
            [lat, lng] => Some([
                r.num(lat, &format!("{pp}[0]"))?,
                r.num(lng, &format!("{pp}[1]"))?,
            ]),
            _ => {
                r.bad(pp, "expected [lat, lng]".into());
                None
            }
        });
        let path_precision = self
            .field(m, p, "path_precision", true)
            .and_then(|v| self.precision(v, &format!("{p}.path_precision")));
        let source = self.req_str(m, p, "source");
        Some(Route {
            id: id?,
            name: name?,
            summary: summary?,
            stops: stops?,
            path: path?,
            path_precision: path_precision?,
            source: source?,
        })
    }

    fn edition(&mut self, v: &Json, p: &str) -> Option<Edition> {
        let m = self.obj(
            v,
            p,
            &[
                "id", "name", "start", "end", "period", "summary", "source", "events",
            ],
        )?;
        let id = self.req_str(m, p, "id");
        let name = self.req_i18n(m, p, "name");
        let start = self.req_str(m, p, "start");
        let end = self.opt_str(m, p, "end");
        let period = self.req_i18n(m, p, "period");
        let summary = self.req_i18n(m, p, "summary");
        let source = self.req_str(m, p, "source");
        let events = self.items(m, p, "events", |r, v, ep| {
            let e = r.obj(
                v,
                ep,
                &["id", "title", "start", "end", "place", "description"],
            )?;
            let id = r.req_str(e, ep, "id");
            let title = r.req_i18n(e, ep, "title");
            let start = r.opt_str(e, ep, "start");
            let end = r.opt_str(e, ep, "end");
            let place = r.opt_str(e, ep, "place");
            let description = r.req_i18n(e, ep, "description");
            Some(Event {
                id: id?,
                title: title?,
                start,
                end,
                place,
                description: description?,
            })
        });
        Some(Edition {
            id: id?,
            name: name?,
            start: start?,
            end,
            period: period?,
            summary: summary?,
            source: source?,
            events: events?,
        })
    }

    pub(crate) fn checkin(&mut self, v: Option<&Json>) -> Option<Checkin> {
        let Some(v) = v else {
            return Some(Checkin::default());
        };
        let m = self.obj(v, "checkin", &["points", "keys"])?;
        let points = self.items(m, "checkin", "points", |r, v, pp| {
            let c = r.obj(v, pp, &["id", "place", "event", "geofence_m"])?;
            let id = r.req_str(c, pp, "id");
            let place = r.opt_str(c, pp, "place");
            let event = r.opt_str(c, pp, "event");
            let geofence_m = match r.field(c, pp, "geofence_m", false) {
                Some(g) => Some(r.int(g, &format!("{pp}.geofence_m"), u32::MAX)?),
                None => None,
            };
            Some(CheckinPoint {
                id: id?,
                place,
                event,
                geofence_m,
            })
        });
        let keys = self.items(m, "checkin", "keys", |r, v, kp| {
            let k = r.obj(v, kp, &["id", "public"])?;
            let id = r.req_str(k, kp, "id");
            let public = r.req_str(k, kp, "public");
            Some(SigningKey {
                id: id?,
                public: public?,
            })
        });
        Some(Checkin {
            points: points?,
            keys: keys?,
        })
    }

    pub(crate) fn pack(&mut self, v: &Json) -> Option<Pack> {
        let m = self.obj(v, "", &["meta", "places", "routes", "festival", "checkin"]);
        let m = m?;
        let meta = self
            .field(m, "", "meta", true)
            .and_then(|v| self.meta(v, "meta"));
        let places = self.items(m, "", "places", |r, v, p| r.place(v, p));
        let routes = self.items(m, "", "routes", |r, v, p| r.route(v, p));
        let festival = self.items(m, "", "festival", |r, v, p| r.edition(v, p));
        let checkin_json = m
            .iter()
            .find(|(k, _)| k == "checkin")
            .map(|(_, v)| v)
            .filter(|v| **v != Json::Null);
        let checkin = self.checkin(checkin_json);
        Some(Pack {
            meta: meta?,
            places: places?,
            routes: routes?,
            festival: festival?,
            checkin: checkin?,
        })
    }
}
