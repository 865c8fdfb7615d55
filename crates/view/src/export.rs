//! What exports are made of: CSV text for a table, and file names that say
//! what a file contains. Plain Rust, shared by the page and tested natively.

/// A CSV document of a panel's export: the engine's
/// ([`csv_document`](cijing_engine::statistics::table::csv_document): RFC
/// 4180, CRLF, a byte-order mark, every cell safe for spreadsheets).
pub fn csv(header: &[&str], rows: &[Vec<String>]) -> String {
    cijing_engine::statistics::table::csv_document(header, rows)
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
