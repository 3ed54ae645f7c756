//! Why a merge was refused: the patch's own problems, the entries it conflicts with, and what
//! the app's validation says of the merged pack.

use super::diff::{EntryKind, FieldChange};
use crate::validate::Problem;
use std::fmt;

/// An entry the patch cannot be applied to as it stands.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    /// Where in the patch: `places[0]`, `routes[1]`.
    pub path: String,
    pub kind: EntryKind,
    pub id: String,
    pub message: String,
    /// What the patch would change: the pack's value now → the patch's.
    pub fields: Vec<FieldChange>,
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = if self.kind == EntryKind::Route {
            "route"
        } else {
            "place"
        };
        write!(f, "{}: {kind} \"{}\": {}", self.path, self.id, self.message)?;
        if !self.fields.is_empty() {
            write!(f, "; the patch would change (pack now → patch):")?;
        }
        for c in &self.fields {
            write!(f, "\n      {c}")?;
        }
        Ok(())
    }
}

/// Why a merge was refused; nothing of the patch is applied.
#[derive(Clone, Debug, PartialEq)]
pub struct Refusal {
    /// `base` of the patch and `meta.version` of the pack.
    pub base: String,
    pub version: String,
    /// The patch is malformed or incomplete (paths in the patch).
    pub patch: Vec<Problem>,
    /// Entries changed since the patch was made, or not where it expects them.
    pub conflicts: Vec<Conflict>,
    /// Merged, the pack would break the app's rules (paths in the merged pack).
    pub invalid: Vec<Problem>,
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut sections = Vec::new();
        if !self.patch.is_empty() {
            let lines: Vec<String> = self.patch.iter().map(|p| format!("  {p}")).collect();
            sections.push(format!("the patch is not valid:\n{}", lines.join("\n")));
        }
        if !self.conflicts.is_empty() {
            let versions = if self.base == self.version {
                format!("made against this pack (version \"{}\")", self.base)
            } else {
                format!(
                    "made against pack version \"{}\"; this pack is version \"{}\"",
                    self.base, self.version
                )
            };
            let lines: Vec<String> = self.conflicts.iter().map(|c| format!("  {c}")).collect();
            sections.push(format!(
                "the patch was {versions}, and {} of its entries conflict with the pack:\n{}",
                self.conflicts.len(),
                lines.join("\n")
            ));
        }
        if !self.invalid.is_empty() {
            let lines: Vec<String> = self.invalid.iter().map(|p| format!("  {p}")).collect();
            sections.push(format!(
                "merged, the pack would be refused by the app:\n{}",
                lines.join("\n")
            ));
        }
        write!(f, "{}", sections.join("\n"))
    }
}
