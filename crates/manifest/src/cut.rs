//! Cutting one manifest entry out of its seed file: the body lines (title
//! and meta lines held out) cleaned into paragraphs, and the meta lines.
//! The seeds' build script segments the result at build time, so the
//! shipped tokens and the documents cut at run time are the same text.

use crate::DocSpec;
use cijing_engine::text::clean::{clean_lines, fix_spacing};

/// A document's text as the manifest cuts it.
pub struct Cut {
    /// Datelines, bylines and signature lines, cleaned.
    pub meta: Vec<String>,
    /// The body, cleaned into paragraphs.
    pub paragraphs: Vec<String>,
}

/// Cuts `spec` out of its seed file's text.
pub fn cut(spec: &DocSpec, file_text: &str) -> Cut {
    let lines: Vec<&str> = file_text.lines().collect();
    let line = |n: usize| lines.get(n.wrapping_sub(1)).copied().unwrap_or("");
    let body: Vec<Option<&str>> = (spec.first_line..=spec.last_line)
        .map(|n| {
            let held_out = spec.title_lines.contains(&n) || spec.meta_lines.contains(&n);
            (!held_out).then(|| line(n))
        })
        .collect();
    let meta = spec.meta_lines.iter().map(|&n| fix_spacing(line(n).trim(), true)).collect();
    Cut { meta, paragraphs: clean_lines(&body).paragraphs }
}
