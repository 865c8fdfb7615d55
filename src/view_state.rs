//! The one shared view state of the page, and its round trip to the URL
//! query string (the URL is the shareable view). Plain Rust, outside the
//! wasm-only `ui` module so it is tested natively.

use crate::engine::Corpus;

pub const DEFAULT_TOP: usize = 20;
pub const MAX_TOP: usize = 100;

/// Everything a shared link restores.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewState {
    /// The document shown, or the whole corpus when `None`.
    pub doc: Option<String>,
    /// How many terms the chart and table show.
    pub top: usize,
}

impl Default for ViewState {
    fn default() -> Self {
        ViewState { doc: None, top: DEFAULT_TOP }
    }
}

impl ViewState {
    /// Reads a query string (`?doc=…&top=…`). Values that are unknown or out
    /// of range fall back to the default, and each is described in the
    /// returned notes so the page can say what it ignored.
    pub fn from_query(query: &str, corpus: &Corpus) -> (ViewState, Vec<String>) {
        let mut state = ViewState::default();
        let mut notes = Vec::new();
        for (key, value) in parse_query(query) {
            match key.as_str() {
                "doc" if value.is_empty() => {}
                "doc" if corpus.doc_index(&value).is_some() => state.doc = Some(value),
                "doc" => notes.push(format!("unknown document \"{value}\"; showing the whole corpus")),
                "top" => match value.parse::<usize>() {
                    Ok(n) if (1..=MAX_TOP).contains(&n) => state.top = n,
                    _ => notes.push(format!("top={value} is not a number from 1 to {MAX_TOP}; showing {DEFAULT_TOP}")),
                },
                _ => notes.push(format!("unknown setting \"{key}\" ignored")),
            }
        }
        (state, notes)
    }

    /// The query string for this view, without defaults (`""` for the
    /// default view).
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        if let Some(doc) = &self.doc {
            parts.push(format!("doc={}", encode(doc)));
        }
        if self.top != DEFAULT_TOP {
            parts.push(format!("top={}", self.top));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }
}

fn parse_query(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
        .collect()
}

fn encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let hex = |b: u8| (b as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%' && i + 2 < bytes.len())
            .then(|| Some(hex(bytes[i + 1])? * 16 + hex(bytes[i + 2])?))
            .flatten();
        match (bytes[i], escaped) {
            (_, Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b'+', None) => {
                out.push(b' ');
                i += 1;
            }
            (b, None) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}
