//! Reading the JSON files editors hand to the CLI (a survey patch, an Overpass export) with the
//! error said the way `validate::load` says it: with the JSON path of the bad field where the
//! `json-paths` feature is on (`places[0].position.lat: invalid type…`), with line and column
//! otherwise.

use crate::validate::{Kind, Problem};
use serde::de::DeserializeOwned;

/// Parses `json` as a `T`, or says where and why it is not one.
pub fn parse<T: DeserializeOwned>(json: &str) -> Result<T, Problem> {
    #[cfg(feature = "json-paths")]
    {
        let de = &mut serde_json::Deserializer::from_str(json);
        serde_path_to_error::deserialize(de).map_err(|e| {
            let path = e.path().to_string();
            // `.` is the whole document, `?` a place the reader never reached (a cut-off file).
            let path = if path == "." || path == "?" {
                String::new()
            } else {
                path
            };
            Problem {
                path,
                kind: Kind::Syntax,
                message: e.into_inner().to_string(),
            }
        })
    }
    #[cfg(not(feature = "json-paths"))]
    {
        serde_json::from_str(json).map_err(|e| Problem {
            path: String::new(),
            kind: Kind::Syntax,
            message: e.to_string(),
        })
    }
}

#[cfg(all(test, feature = "json-paths"))]
mod tests {
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct T {
        items: Vec<Item>,
    }
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Item {
        lat: f64,
    }

    #[test]
    fn errors_name_the_path_of_the_bad_field() {
        let e = super::parse::<T>(r#"{"items":[{"lat":1},{"lat":"x"}]}"#).unwrap_err();
        assert_eq!(e.path, "items[1].lat");
        assert!(e.message.contains("invalid type"), "{}", e.message);
        let e = super::parse::<T>("{").unwrap_err();
        assert_eq!(e.path, "");
    }
}
