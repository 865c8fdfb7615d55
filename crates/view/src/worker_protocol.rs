//! The messages between the page and the segmenter worker
//! (`cijing-segmenter-worker.js`, `crates/worker`), as typed values both
//! sides read with serde: what a read file holds, what discovery suggests.
//! Token streams and paragraph bytes travel beside them as buffers.

use serde::{Deserialize, Serialize};

/// A text as the worker reads it from a file (the engine's
/// `text::import::ImportedText`, its paragraphs sent beside it as bytes).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ImportedText {
    /// The file's name, as given.
    pub name: String,
    /// The encoding it was decoded from (`UTF-8`, `Big5`, …).
    pub encoding: String,
    /// Its format's code (`text`, `html`, `markdown`, `docx`, `pdf`).
    pub format: String,
    /// Its script's code (`simplified`, `traditional`, `mixed`, …).
    pub script: String,
    /// The title the import found.
    pub title: String,
    /// `YYYY-MM-DD`, when the text gives one.
    pub date: Option<String>,
    /// Party codes named in the text.
    pub parties: Vec<String>,
    /// Characters but white space (the worker counts them).
    #[serde(default)]
    pub chars: usize,
    /// What reading it put right (a character cut off at the end), each naming the file.
    #[serde(default)]
    pub notes: Vec<String>,
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

    /// The worker serialises the engine's own types; the page reads them as
    /// these. A field renamed on either side fails here.
    #[test]
    fn the_engines_read_text_reads_as_the_pages() {
        let text = cijing_engine::text::import::import(
            "声明.txt",
            "中华人民共和国和哈萨克斯坦共和国联合声明\n\n2024年7月2日，双方同意深化合作。"
                .as_bytes(),
            None,
        )
        .unwrap();
        let read: ImportedText =
            serde_json::from_value(serde_json::to_value(&text).unwrap()).unwrap();
        assert_eq!(
            (
                read.name.as_str(),
                read.encoding.as_str(),
                read.format.as_str(),
                read.script.as_str()
            ),
            ("声明.txt", "UTF-8", "text", "simplified")
        );
        assert_eq!(
            (read.date.as_deref(), read.parties.clone()),
            (Some("2024-07-02"), vec!["CN".to_string(), "KZ".to_string()])
        );
        assert_eq!(read.title, "中华人民共和国和哈萨克斯坦共和国联合声明");
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
        assert_eq!(
            (read.word.as_str(), read.count, read.score),
            ("中亚峰会", 7, 3.5)
        );
    }
}
