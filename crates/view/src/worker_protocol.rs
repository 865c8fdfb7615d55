//! The messages between the page and the segmenter worker
//! (`cijing-segmenter-worker.js`, `crates/worker`): one serde enum each way,
//! read and written with serde-wasm-bindgen on both sides. Bytes (a user's
//! file, paragraphs, token streams) travel beside a message as buffers,
//! handed over rather than copied.
//!
//! On the wire: the page posts `{ id, request, payload }` (`payload`: the
//! request's bytes, each a `Uint8Array` or a `Blob`); the worker posts
//! `{ id, reply, bytes, blobs }` (`blobs`: the same bytes as `Blob`s, when
//! the page keeps them), any number of [`Reply::Progress`] first. Both
//! enums are externally tagged (`{ "words": { … } }`): serde reads them
//! without buffering, which keeps its code out of the page's wasm.

pub use cijing_engine::text::import::ImportedText;
use serde::{Deserialize, Serialize};

/// What the page asks the worker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Request {
    /// Segment the shipped documents (when `seeds`) and the user's
    /// documents, whose paragraphs' bytes are the payload, each in the
    /// script its import judged (`scripts`, a code each). Answers
    /// [`Reply::Built`].
    Build {
        /// Whether the shipped documents are in the corpus.
        seeds: bool,
        /// Each user document's script code.
        scripts: Vec<String>,
        /// How to segment.
        settings: Settings,
    },
    /// Read a file the user adds, its bytes the payload, decoded from
    /// `encoding` (a label; empty: detected). Answers [`Reply::Read`].
    Import {
        /// The file's name (its extension tells the format).
        name: String,
        /// An encoding label, or empty.
        encoding: String,
    },
    /// Read the text pdf.js took from a PDF. Answers [`Reply::Read`].
    Pdf {
        /// The file's name.
        name: String,
        /// Its text layer.
        text: String,
    },
    /// The `limit` best words of the shipped documents the dictionaries
    /// lack. Answers [`Reply::Suggested`].
    Discover {
        /// How many.
        limit: usize,
        /// How to segment.
        settings: Settings,
    },
    /// One text's words (the JS API's `segment()`). Answers [`Reply::Words`].
    Words {
        /// The text.
        text: String,
        /// How to segment.
        settings: Settings,
    },
}

/// How the worker segments: the mode's code, HMM, and the user's words,
/// which become its user dictionary (exactly these).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    /// `precise` or `search`.
    pub mode: String,
    /// Whether jieba's HMM finds words missing from the dictionaries.
    pub hmm: bool,
    /// The user's dictionary words.
    #[serde(default)]
    pub words: Vec<WordEntry>,
}

/// A user's dictionary word.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WordEntry {
    /// The word.
    pub word: String,
    /// Its part-of-speech tag, or empty.
    #[serde(default)]
    pub tag: String,
}

/// What the worker answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum Reply {
    /// How far a long job has got: bytes segmented, of all.
    Progress {
        /// Bytes done.
        done: usize,
        /// Bytes in all.
        total: usize,
    },
    /// The token streams are the bytes: the shipped documents' (when asked)
    /// then the user's (when there are any).
    Built {
        /// `[traditional, simplified]` pairs of the user's Traditional
        /// words, for the alias groups.
        spellings: Vec<(String, String)>,
    },
    /// A read text; its paragraphs' bytes (`ParagraphList::to_bytes`) are
    /// the bytes, and a blob of them, which the page keeps.
    Read {
        /// What the import found (its `paragraphs` empty: they are the bytes).
        text: ImportedText,
        /// Its characters but white space.
        chars: usize,
    },
    /// Words the dictionaries lack, best first.
    Suggested {
        /// The candidates.
        candidates: Vec<Suggestion>,
    },
    /// A text's words.
    Words {
        /// Its words, white space left out.
        words: Vec<Word>,
    },
    /// The request could not be answered: why, naming the file if any.
    Failed {
        /// The message.
        error: String,
    },
}

/// A word of a segmented text, with its part of speech and its span in
/// UTF-16 code units (`text.slice(start, end)` in JS is the word).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Word {
    /// The word.
    pub word: String,
    /// jieba's tag.
    pub pos: String,
    /// First UTF-16 unit.
    pub start: usize,
    /// One past the last UTF-16 unit.
    pub end: usize,
}

/// A candidate word the worker's discovery suggests.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Suggestion {
    /// The candidate string.
    pub word: String,
    /// Its occurrences.
    pub count: u32,
    /// count · min(left, right entropy) · cohesion.
    pub score: f64,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A read text crosses as the engine's own type, its paragraphs beside it.
    #[test]
    fn a_read_text_crosses_whole() {
        let body = "中华人民共和国和哈萨克斯坦共和国联合声明\n\n2024年7月2日，双方同意深化合作。";
        let mut text =
            cijing_engine::text::import::import("声明.txt", body.as_bytes(), None).unwrap();
        text.paragraphs.clear();
        let reply = Reply::Read { text: text.clone(), chars: 17 };
        let json = serde_json::to_string(&reply).unwrap();
        assert!(
            json.starts_with(
                r#"{"read":{"text":{"name":"声明.txt","encoding":"UTF-8","format":"text","script":"simplified""#
            ),
            "{json}"
        );
        assert_eq!(serde_json::from_str::<Reply>(&json).unwrap(), reply);
        assert_eq!(text.date.map(|d| d.to_string()).as_deref(), Some("2024-07-02"));
    }

    /// The JS names the worker and the embed script write by hand.
    #[test]
    fn requests_and_replies_on_the_wire() {
        let settings = Settings {
            mode: "precise".into(),
            hmm: true,
            words: vec![WordEntry { word: "中亚峰会".into(), tag: "nz".into() }],
        };
        let build = Request::Build { seeds: true, scripts: vec!["traditional".into()], settings };
        let json = serde_json::to_string(&build).unwrap();
        assert_eq!(
            json,
            r#"{"build":{"seeds":true,"scripts":["traditional"],"settings":{"mode":"precise","hmm":true,"words":[{"word":"中亚峰会","tag":"nz"}]}}}"#
        );
        assert_eq!(serde_json::from_str::<Request>(&json).unwrap(), build);
        // cijing-embed.js's segment(): no words given.
        let words: Request = serde_json::from_str(
            r#"{"words":{"text":"中亚","settings":{"mode":"search","hmm":false}}}"#,
        )
        .unwrap();
        assert!(matches!(words, Request::Words { settings: Settings { hmm: false, .. }, .. }));
        // cijing-segmenter-worker.js writes progress and failures itself.
        let progress: Reply = serde_json::from_str(r#"{"progress":{"done":5,"total":9}}"#).unwrap();
        assert_eq!(progress, Reply::Progress { done: 5, total: 9 });
        let failed: Reply =
            serde_json::from_str(r#"{"failed":{"error":"x.txt: unreadable"}}"#).unwrap();
        assert_eq!(failed, Reply::Failed { error: "x.txt: unreadable".into() });
        assert!(
            serde_json::from_str::<Request>(r#"{"seeds":{}}"#).is_err(),
            "no op without a sender"
        );
    }

    #[test]
    fn the_engines_candidates_read_as_suggestions() {
        use cijing_engine::statistics::discover::Candidate;
        let candidate = Candidate {
            word: "中亚峰会".into(),
            count: 7,
            pmi: 1.0,
            left_entropy: 2.0,
            right_entropy: 3.5,
            score: 3.5,
        };
        let read: Suggestion =
            serde_json::from_value(serde_json::to_value(&candidate).unwrap()).unwrap();
        assert_eq!((read.word.as_str(), read.count, read.score), ("中亚峰会", 7, 3.5));
    }
}
