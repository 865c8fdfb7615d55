//! The corpus manifest (`seeds/corpus.toml`): how the original seed files are
//! cut into documents, and the checks that keep that cut honest.
//!
//! The seeds' build script uses this crate, so the build refuses a manifest
//! the tests would refuse, with the same messages; [`cut`] is how both the
//! build and the tests cut a document out of its seed file.

pub mod cut;

use std::fmt;
#[cfg(not(target_arch = "wasm32"))]
pub use validate::parse_and_validate;

/// Party codes the manifest may use, each with its Chinese name: ISO 3166
/// alpha-2 for countries, plus multilateral bodies (`SCO`, `CICA`).
pub const KNOWN_PARTIES: &[(&str, &str)] = &[
    ("CN", "中国"),
    ("RU", "俄罗斯"),
    ("KZ", "哈萨克斯坦"),
    ("KG", "吉尔吉斯斯坦"),
    ("TJ", "塔吉克斯坦"),
    ("TM", "土库曼斯坦"),
    ("UZ", "乌兹别克斯坦"),
    ("SCO", "上海合作组织"),
    ("CICA", "亚信"),
];

/// One document as the manifest describes it, after validation.
#[derive(Debug, Clone, PartialEq)]
pub struct DocSpec {
    /// The document's id: lower-case ASCII letters, digits and `-`, unique.
    pub id: String,
    /// The seed file it is cut from, by name in `seeds/` (`000_….txt`).
    pub file: String,
    /// First line of the span, 1-based and inclusive.
    pub first_line: usize,
    /// Last line of the span, 1-based and inclusive.
    pub last_line: usize,
    /// The title, as the article itself gives it.
    pub title: String,
    /// The headline lines (1-based, inside the span, sorted, each once):
    /// kept out of the body text.
    pub title_lines: Vec<usize>,
    /// Datelines, bylines and signature lines (1-based, inside the span,
    /// sorted, each once): the document's meta lines, out of the body.
    pub meta_lines: Vec<usize>,
    /// What kind of text it is (`joint statement`, `speech`, …); not empty.
    pub kind: String,
    /// ISO date, `YYYY-MM-DD`, a real calendar date.
    pub date: String,
    /// Who published it (`新华社`, …); not empty.
    pub source: String,
    /// Where it was signed or given; not empty.
    pub place: String,
    /// Party codes, each one of [`KNOWN_PARTIES`]; at least one.
    pub parties: Vec<String>,
}

/// A problem in the manifest, located in a file (the manifest itself or a
/// seed file) at a 1-based line; displayed as `file:line: message`.
#[derive(Debug, Clone, PartialEq)]
pub struct ManifestError {
    /// The file the problem is in, as named to the reader (`seeds/…` for a
    /// seed file).
    pub file: String,
    /// The 1-based line.
    pub line: usize,
    /// What is wrong, for a person to fix it.
    pub message: String,
}

impl fmt::Display for ManifestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// Is `date` a real calendar date written `YYYY-MM-DD`?
///
/// ```
/// use cijing_manifest::is_iso_date;
/// assert!(is_iso_date("2024-02-29"));
/// assert!(!is_iso_date("2023-02-29") && !is_iso_date("2023-5-18"));
/// ```
pub fn is_iso_date(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    if parts.len() != 3 || parts[0].len() != 4 || parts[1].len() != 2 || parts[2].len() != 2 {
        return false;
    }
    // Only digits: `u32::from_str` would also take a leading `+`.
    if !parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) {
        return false;
    }
    let (Ok(y), Ok(m), Ok(d)) =
        (parts[0].parse::<u32>(), parts[1].parse::<u32>(), parts[2].parse::<u32>())
    else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// Reading and checking the manifest: native builds and `build.rs` only.
#[cfg(not(target_arch = "wasm32"))]
mod validate {
    use super::{is_iso_date, DocSpec, ManifestError, KNOWN_PARTIES};
    use serde::Deserialize;
    use std::collections::{BTreeSet, HashMap};

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RawManifest {
        doc: Vec<toml::Spanned<RawDoc>>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RawDoc {
        id: String,
        file: String,
        lines: [usize; 2],
        title: String,
        kind: String,
        date: String,
        source: String,
        place: String,
        parties: Vec<String>,
        #[serde(default)]
        title_lines: Vec<usize>,
        #[serde(default)]
        meta_lines: Vec<usize>,
    }

    fn line_of_offset(text: &str, offset: usize) -> usize {
        text[..offset.min(text.len())].matches('\n').count() + 1
    }

    /// Parses `manifest_text` (read from `manifest_name`) and checks it against
    /// the seed files, given as `(file name, contents)`. Returns every problem
    /// found, each naming a file and line, or the documents in manifest order.
    pub fn parse_and_validate(
        manifest_name: &str,
        manifest_text: &str,
        seeds: &[(String, String)],
    ) -> Result<Vec<DocSpec>, Vec<ManifestError>> {
        let at = |line: usize, message: String| ManifestError {
            file: manifest_name.to_string(),
            line,
            message,
        };
        let raw: RawManifest = toml::from_str(manifest_text).map_err(|e| {
            let line = e.span().map(|s| line_of_offset(manifest_text, s.start)).unwrap_or(1);
            vec![at(line, format!("cannot read the manifest: {}", e.message()))]
        })?;

        let mut errors = Vec::new();
        let seed_lines: HashMap<&str, Vec<&str>> =
            seeds.iter().map(|(name, text)| (name.as_str(), text.lines().collect())).collect();
        let mut ids = HashMap::new();
        // file -> covered line -> (doc id, manifest line)
        let mut coverage: HashMap<&str, HashMap<usize, (String, usize)>> = HashMap::new();
        let mut docs = Vec::new();

        for spanned in &raw.doc {
            let line = line_of_offset(manifest_text, spanned.span().start);
            let d = spanned.get_ref();
            let ctx = format!("document \"{}\"", d.id);
            let before = errors.len();

            if d.id.is_empty()
                || !d.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            {
                errors.push(at(
                    line,
                    format!("{ctx}: id must be lower-case ASCII letters, digits and '-'"),
                ));
            }
            if let Some(prev) = ids.insert(d.id.clone(), line) {
                errors.push(at(
                    line,
                    format!("{ctx}: id already used by the document at line {prev}"),
                ));
            }
            for (field, value) in
                [("title", &d.title), ("kind", &d.kind), ("source", &d.source), ("place", &d.place)]
            {
                if value.trim().is_empty() {
                    errors.push(at(line, format!("{ctx}: {field} is empty")));
                }
            }
            if !is_iso_date(&d.date) {
                errors.push(at(
                    line,
                    format!("{ctx}: date \"{}\" is not an ISO date (YYYY-MM-DD)", d.date),
                ));
            }
            if d.parties.is_empty() {
                errors.push(at(line, format!("{ctx}: parties is empty")));
            }
            for p in &d.parties {
                if !KNOWN_PARTIES.iter().any(|(code, _)| code == p) {
                    errors.push(at(line, format!("{ctx}: unknown party code \"{p}\"")));
                }
            }
            let [first, last] = d.lines;
            match seed_lines.get(d.file.as_str()) {
                None => errors.push(at(line, format!("{ctx}: no seed file named \"{}\"", d.file))),
                Some(lines) => {
                    if first == 0 || first > last || last > lines.len() {
                        errors.push(at(
                            line,
                            format!(
                                "{ctx}: lines [{first}, {last}] are not inside seeds/{} (lines 1 to {})",
                                d.file,
                                lines.len()
                            ),
                        ));
                    } else {
                        for (field, list) in
                            [("title_lines", &d.title_lines), ("meta_lines", &d.meta_lines)]
                        {
                            for &l in list.iter() {
                                if l < first || l > last {
                                    errors.push(at(
                                        line,
                                        format!("{ctx}: {field} has line {l}, outside lines [{first}, {last}]"),
                                    ));
                                } else if lines[l - 1].trim().is_empty() {
                                    errors.push(at(
                                        line,
                                        format!("{ctx}: {field} has line {l}, which is blank in seeds/{}", d.file),
                                    ));
                                }
                            }
                        }
                        if let Some(l) = d.title_lines.iter().find(|l| d.meta_lines.contains(l)) {
                            errors.push(at(
                                line,
                                format!("{ctx}: line {l} is in both title_lines and meta_lines"),
                            ));
                        }
                        let covered = coverage.entry(seed_name(seeds, &d.file)).or_default();
                        for l in first..=last {
                            if let Some((other, other_line)) = covered.get(&l) {
                                errors.push(at(
                                    line,
                                    format!(
                                        "{ctx}: seeds/{}:{l} is already in document \"{other}\" (manifest line {other_line}); spans overlap",
                                        d.file
                                    ),
                                ));
                                break;
                            }
                        }
                        for l in first..=last {
                            covered.entry(l).or_insert_with(|| (d.id.clone(), line));
                        }
                    }
                }
            }
            if errors.len() == before {
                docs.push(DocSpec {
                    id: d.id.clone(),
                    file: d.file.clone(),
                    first_line: first,
                    last_line: last,
                    title: d.title.clone(),
                    title_lines: sorted_unique(&d.title_lines),
                    meta_lines: sorted_unique(&d.meta_lines),
                    kind: d.kind.clone(),
                    date: d.date.clone(),
                    source: d.source.clone(),
                    place: d.place.clone(),
                    parties: d.parties.clone(),
                });
            }
        }

        // No body text left unassigned: every non-blank line of every seed file
        // belongs to some document.
        for (name, text) in seeds {
            let covered = coverage.get(name.as_str());
            for (i, l) in text.lines().enumerate() {
                let n = i + 1;
                if !l.trim().is_empty() && !covered.is_some_and(|c| c.contains_key(&n)) {
                    let start: String = l.trim().chars().take(20).collect();
                    errors.push(ManifestError {
                        file: format!("seeds/{name}"),
                        line: n,
                        message: format!(
                            "this line (\"{start}…\") is in no document of {manifest_name}"
                        ),
                    });
                    break;
                }
            }
        }

        if errors.is_empty() {
            Ok(docs)
        } else {
            Err(errors)
        }
    }

    fn seed_name<'a>(seeds: &'a [(String, String)], file: &str) -> &'a str {
        seeds.iter().find(|(n, _)| n == file).map(|(n, _)| n.as_str()).unwrap_or("")
    }

    fn sorted_unique(lines: &[usize]) -> Vec<usize> {
        lines.iter().copied().collect::<BTreeSet<_>>().into_iter().collect()
    }
}
