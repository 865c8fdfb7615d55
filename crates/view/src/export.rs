//! What exports are made of: CSV text for a table, and file names that say
//! what a file contains. Plain Rust, shared by the page and tested natively.

/// A CSV document (RFC 4180: fields with commas, quotes or line breaks are
/// quoted; quotes doubled), with a header row, lines ending in CRLF, and a
/// UTF-8 byte-order mark so spreadsheet programs read the Chinese right.
pub fn csv(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut w =
        ::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).from_writer(Vec::new());
    // Writing to memory cannot fail; a row that did would be left out.
    let _ = w.write_record(header);
    for row in rows {
        let _ = w.write_record(row);
    }
    let bytes = w.into_inner().unwrap_or_default();
    format!("\u{feff}{}", String::from_utf8_lossy(&bytes))
}

/// A file name from parts: `cijing-terms_合作_kg-2023-2025.csv`. Characters
/// that file systems dislike become `-`; CJK is kept.
pub fn file_name(parts: &[&str], extension: &str) -> String {
    let clean = |p: &str| {
        let mut s: String = p
            .trim()
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || c == '-' || c == '.' {
                    c.to_lowercase().next().unwrap_or(c)
                } else {
                    '-'
                }
            })
            .collect();
        while s.contains("--") {
            s = s.replace("--", "-");
        }
        s.trim_matches('-').to_string()
    };
    let body: Vec<String> = parts.iter().map(|p| clean(p)).filter(|p| !p.is_empty()).collect();
    let mut name = format!("cijing-{}", body.join("_"));
    if name.chars().count() > 120 {
        name = name.chars().take(120).collect();
    }
    format!("{name}.{extension}")
}
