//! Interface strings in Chinese and English: `t(lang, key)`. Plain Rust,
//! outside the wasm-only `ui` module, so `cargo test` checks natively that
//! every key the interface uses exists and every key in the table is used
//! (`tests.rs` reads the sources of `src/ui/`).
//!
//! Keys are lowercase words joined by dots (`filters.title`); the check
//! relies on that: every such string literal in `src/ui/` is a key.

mod strings;
#[cfg(test)]
mod tests;

use crate::view_state::{Lang, Panel};
use cijing_engine::text::pos::PosClass;
use strings::STRINGS;

/// The string for `key` in `lang`. A missing key shows itself (never a
/// panic in the page), but `cargo test` fails when a used key is missing.
pub fn t(lang: Lang, key: &'static str) -> &'static str {
    STRINGS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, zh, en)| if lang == Lang::Zh { *zh } else { *en })
        .unwrap_or(key)
}

/// "`n` things" in `lang`: `n`, then the text of `key`, or of `one` when
/// `n` is 1 (English: "1 word", "2 words"; Chinese has one form).
///
/// ```
/// use cijing_view::i18n::count;
/// use cijing_view::view_state::Lang;
/// assert_eq!(count(Lang::En, 1, "dict.count", "dict.count.one"), "1 word");
/// assert_eq!(count(Lang::En, 0, "dict.count", "dict.count.one"), "0 words");
/// assert_eq!(count(Lang::Zh, 2, "dict.count", "dict.count.one"), "2 个词");
/// ```
pub fn count(lang: Lang, n: usize, key: &'static str, one: &'static str) -> String {
    format!("{n} {}", t(lang, if n == 1 { one } else { key }))
}

/// Every key of the table, in table order.
pub fn keys() -> impl Iterator<Item = &'static str> {
    STRINGS.iter().map(|(k, _, _)| *k)
}

/// A part-of-speech class's name.
pub fn pos_name(lang: Lang, class: PosClass) -> &'static str {
    use PosClass::*;
    let key = match class {
        Noun => "pos.noun",
        Verb => "pos.verb",
        Adj => "pos.adj",
        Adv => "pos.adv",
        Person => "pos.person",
        Place => "pos.place",
        Org => "pos.org",
        Proper => "pos.proper",
        Idiom => "pos.idiom",
        Abbr => "pos.abbr",
        Other => "pos.other",
    };
    t(lang, key)
}

/// A panel's name.
pub fn panel_name(lang: Lang, panel: Panel) -> &'static str {
    use Panel::*;
    t(
        lang,
        match panel {
            Summary => "panel.summary",
            Topics => "panel.topics",
            Terms => "panel.terms",
            Cloud => "panel.cloud",
            Trends => "panel.trends",
            Contexts => "panel.contexts",
            Reader => "panel.reader",
            Collocates => "panel.collocates",
            Phrases => "panel.phrases",
            Keyness => "panel.keyness",
            Texts => "panel.texts",
            Dictionary => "panel.dictionary",
        },
    )
}
