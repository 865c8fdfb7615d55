//! The string table against the interface's sources: every key the
//! interface uses exists (in both languages), and every key is used.

use super::{keys, t, STRINGS};
use crate::view_state::Lang;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The sources that use keys: the web face, and the native modules it
/// calls for its text.
/// Relative to this crate (`crates/view`).
const FACE_SOURCES: &[&str] = &["../web/src/ui", "src/i18n/mod.rs", "src/ui_logic.rs"];

/// A key: lowercase words (letters, digits, `_`) joined by dots, at least two.
fn is_key_shaped(s: &str) -> bool {
    let parts: Vec<&str> = s.split('.').collect();
    parts.len() >= 2
        && parts.iter().all(|p| {
            p.chars().next().is_some_and(|c| c.is_ascii_lowercase())
                && p.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        })
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Ident(String),
    Str(String),
    Punct(char),
}

/// Rust source as identifiers, string literals (their text) and punctuation,
/// each with its line; comments, numbers, char literals and lifetimes are
/// skipped. Enough of Rust's lexical grammar for our own sources.
fn tokens(src: &str) -> Vec<(usize, Token)> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = Vec::new();
    let mut line = 1;
    let mut i = 0;
    let at = |i: usize| chars.get(i).copied().unwrap_or('\0');
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c.is_whitespace() {
            i += 1;
        } else if c == '/' && at(i + 1) == '/' {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && at(i + 1) == '*' {
            i += 2;
            while i < chars.len() && !(chars[i] == '*' && at(i + 1) == '/') {
                line += (chars[i] == '\n') as usize;
                i += 1;
            }
            i += 2;
        } else if c == '"' {
            let start = line;
            let mut text = String::new();
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                    text.push(match at(i) {
                        'n' => '\n',
                        't' => '\t',
                        other => other,
                    });
                } else {
                    line += (chars[i] == '\n') as usize;
                    text.push(chars[i]);
                }
                i += 1;
            }
            i += 1;
            out.push((start, Token::Str(text)));
        } else if c == '\'' {
            // A char literal ('x', '\n', '\u{..}') or a lifetime ('a, 'static).
            if at(i + 1) == '\\' {
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if at(i + 2) == '\'' {
                i += 3;
            } else {
                i += 1;
            }
        } else if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            let ident: String = chars[start..i].iter().collect();
            if (ident == "r" || ident == "br") && (at(i) == '"' || at(i) == '#') {
                // Raw string: r"…", r#"…"#.
                let mut hashes = 0;
                while at(i) == '#' {
                    hashes += 1;
                    i += 1;
                }
                if at(i) != '"' {
                    continue;
                }
                i += 1;
                let begin = line;
                let mut text = String::new();
                loop {
                    if i >= chars.len() {
                        break;
                    }
                    if chars[i] == '"' && (0..hashes).all(|h| at(i + 1 + h) == '#') {
                        i += 1 + hashes;
                        break;
                    }
                    line += (chars[i] == '\n') as usize;
                    text.push(chars[i]);
                    i += 1;
                }
                out.push((begin, Token::Str(text)));
            } else if ident == "b" && (at(i) == '"' || at(i) == '\'') {
                // Byte string or byte char: the literal follows.
            } else {
                out.push((line, Token::Ident(ident)));
            }
        } else if c.is_ascii_digit() {
            while i < chars.len()
                && (chars[i].is_alphanumeric()
                    || chars[i] == '_'
                    || chars[i] == '.' && at(i + 1).is_ascii_digit())
            {
                i += 1;
            }
        } else {
            out.push((line, Token::Punct(c)));
            i += 1;
        }
    }
    out
}

/// The keys passed as a literal second argument of `t(…)` or of its
/// reactive form `tr(…)`.
fn t_call_keys(tokens: &[(usize, Token)]) -> Vec<(usize, String)> {
    let mut keys = Vec::new();
    for (i, (_, tok)) in tokens.iter().enumerate() {
        let is_t = (*tok == Token::Ident("t".into()) || *tok == Token::Ident("tr".into()))
            && tokens.get(i + 1).map(|x| &x.1) == Some(&Token::Punct('('));
        // Not a method (`x.t(`) nor a definition (`fn t(`).
        let before = i.checked_sub(1).map(|j| &tokens[j].1);
        if !is_t || before == Some(&Token::Punct('.')) || before == Some(&Token::Ident("fn".into()))
        {
            continue;
        }
        let mut depth = 0;
        let mut args: Vec<Vec<&(usize, Token)>> = vec![Vec::new()];
        for item in &tokens[i + 1..] {
            match item.1 {
                Token::Punct('(' | '[' | '{') => {
                    depth += 1;
                    if depth == 1 {
                        continue;
                    }
                }
                Token::Punct(')' | ']' | '}') => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                Token::Punct(',') if depth == 1 => {
                    args.push(Vec::new());
                    continue;
                }
                _ => {}
            }
            if let Some(last) = args.last_mut() {
                last.push(item);
            }
        }
        if let Some([(line, Token::Str(key))]) = args.get(1).map(|a| a.as_slice()) {
            keys.push((*line, key.clone()));
        }
    }
    keys
}

fn rust_files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .expect("a readable source folder")
            .map(|e| e.expect("a folder entry").path())
            .collect();
        entries.sort();
        for entry in entries {
            rust_files(&entry, out);
        }
    } else if path.extension().is_some_and(|e| e == "rs") {
        out.push(path.to_path_buf());
    }
}

/// (file, line, string literal) of every literal in the face sources, and
/// (file, line, key) of every `t(_, "key")`; test modules left out.
#[allow(clippy::type_complexity)]
fn face_literals() -> (Vec<(String, usize, String)>, Vec<(String, usize, String)>) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for source in FACE_SOURCES {
        rust_files(&root.join(source), &mut files);
    }
    assert!(files.len() > 10, "the interface sources were found: {files:?}");
    let (mut literals, mut calls) = (Vec::new(), Vec::new());
    for file in files {
        let text = std::fs::read_to_string(&file).expect("a readable source file");
        let code = text.split("#[cfg(test)]\nmod tests {").next().unwrap_or_default();
        let name = file.strip_prefix(root).unwrap_or(&file).display().to_string();
        let toks = tokens(code);
        for (line, tok) in &toks {
            if let Token::Str(s) = tok {
                literals.push((name.clone(), *line, s.clone()));
            }
        }
        for (line, key) in t_call_keys(&toks) {
            calls.push((name.clone(), line, key));
        }
    }
    (literals, calls)
}

#[test]
fn the_table_has_each_key_once_well_formed_and_in_both_languages() {
    let mut seen = BTreeSet::new();
    for (key, zh, en) in STRINGS {
        assert!(is_key_shaped(key), "\"{key}\" is not lowercase words joined by dots");
        assert!(seen.insert(*key), "\"{key}\" is in the table twice");
        assert!(!zh.trim().is_empty() && !en.trim().is_empty(), "\"{key}\" lacks a text");
    }
}

#[test]
fn every_key_the_interface_uses_is_in_the_table() {
    let known: BTreeSet<&str> = keys().collect();
    let (literals, calls) = face_literals();
    let mut missing: Vec<String> = literals
        .iter()
        .filter(|(_, _, s)| is_key_shaped(s) && !known.contains(s.as_str()))
        .chain(calls.iter().filter(|(_, _, k)| !known.contains(k.as_str())))
        .map(|(file, line, key)| format!("{file}:{line}: \"{key}\""))
        .collect();
    missing.dedup();
    assert!(
        missing.is_empty(),
        "keys used but missing from src/i18n/strings.rs:\n{}",
        missing.join("\n")
    );
    assert!(calls.len() > 100, "the t(…) and tr(…) calls were found ({})", calls.len());
}

#[test]
fn every_key_in_the_table_is_used() {
    let (literals, _) = face_literals();
    let used: BTreeSet<&str> = literals.iter().map(|(_, _, s)| s.as_str()).collect();
    let unused: Vec<&str> = keys().filter(|k| !used.contains(k)).collect();
    assert!(unused.is_empty(), "keys in src/i18n/strings.rs that nothing uses: {unused:?}");
}

#[test]
fn a_key_reads_in_either_language() {
    assert_eq!(t(Lang::Zh, "filters.title"), "筛选");
    assert_eq!(t(Lang::En, "filters.title"), "Filters");
    assert_eq!(t(Lang::En, "no.such_key"), "no.such_key");
    assert_eq!(super::panel_name(Lang::En, crate::view_state::Panel::Keyness), "Keyness");
    assert_eq!(super::pos_name(Lang::Zh, cijing_engine::text::pos::PosClass::Noun), "名词");
}

#[test]
fn the_scanner_reads_literals_and_calls_and_skips_the_rest() {
    let src = r###"
        // "in.comment" is not a literal
        /* nor "in.block" */
        fn f<'a>(x: &'a str) -> char { let q = '"'; let e = '\''; 'x' }
        let a = t(lang(), "one.key");
        let b = t(lang, if over { "two.key" } else { "three.key" });
        let c = x.t(1, "not.a_call");
        let d = r#"raw "quoted" text"#;
        let e = "esc \" still.inside";
        let n = 1.5e3;
    "###;
    let toks = tokens(src);
    let strings: Vec<String> = toks
        .iter()
        .filter_map(|(_, t)| if let Token::Str(s) = t { Some(s.clone()) } else { None })
        .collect();
    assert_eq!(
        strings,
        [
            "one.key",
            "two.key",
            "three.key",
            "not.a_call",
            "raw \"quoted\" text",
            "esc \" still.inside"
        ]
    );
    assert_eq!(t_call_keys(&toks), vec![(5, "one.key".to_string())]);
    assert!(
        is_key_shaped("a.b_c.d2")
            && !is_key_shaped("topics")
            && !is_key_shaped("cijing.user-topics")
            && !is_key_shaped("A.b")
    );
}
