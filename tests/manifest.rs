//! The corpus manifest: the shipped one is valid and finds the articles;
//! broken ones are refused with messages naming the file and line.
use cijing_manifest::{parse_and_validate, ManifestError};

fn seeds(files: &[(&str, &str)]) -> Vec<(String, String)> {
    files.iter().map(|(n, t)| (n.to_string(), t.to_string())).collect()
}

const SEED: &str = "第一篇第一行\n第一篇第二行\n\n第二篇第一行\n第二篇第二行\n";

fn doc(id: &str, lines: &str, extra: &str) -> String {
    format!(
        "[[doc]]\nid = \"{id}\"\nfile = \"a.txt\"\nlines = {lines}\ntitle = \"标题\"\nkind = \"speech\"\n\
         date = \"2019-06-05\"\nsource = \"新华社\"\nplace = \"莫斯科\"\nparties = [\"CN\", \"RU\"]\n{extra}\n"
    )
}

fn errors(manifest: &str) -> Vec<ManifestError> {
    parse_and_validate("corpus.toml", manifest, &seeds(&[("a.txt", SEED)]))
        .expect_err("should be refused")
}

#[test]
fn a_good_manifest_gives_documents_in_order() {
    let manifest =
        doc("one", "[1, 2]", "title_lines = [1]") + &doc("two", "[3, 5]", "meta_lines = [4]");
    let docs = parse_and_validate("corpus.toml", &manifest, &seeds(&[("a.txt", SEED)])).unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!((docs[0].id.as_str(), docs[0].first_line, docs[0].last_line), ("one", 1, 2));
    assert_eq!(docs[0].title_lines, vec![1]);
    assert_eq!(docs[1].meta_lines, vec![4]);
}

#[test]
fn a_span_outside_the_file_names_the_manifest_line() {
    let manifest = doc("one", "[1, 2]", "") + &doc("two", "[3, 9]", "");
    let e = errors(&manifest);
    assert_eq!((e[0].file.as_str(), e[0].line), ("corpus.toml", 12));
    assert!(
        e[0].message.contains("lines [3, 9] are not inside seeds/a.txt (lines 1 to 5)"),
        "{}",
        e[0]
    );
    // Its lines are then in no document either, and that is said too.
    assert_eq!(e.len(), 2, "{e:?}");
    assert_eq!((e[1].file.as_str(), e[1].line), ("seeds/a.txt", 4));
}

#[test]
fn overlapping_spans_are_refused() {
    let manifest = doc("one", "[1, 4]", "") + &doc("two", "[4, 5]", "");
    let e = errors(&manifest);
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].line, 12);
    assert!(
        e[0].to_string().contains("seeds/a.txt:4 is already in document \"one\" (manifest line 1)"),
        "{}",
        e[0]
    );
}

#[test]
fn body_text_left_unassigned_names_the_seed_line() {
    let e = errors(&doc("one", "[1, 2]", ""));
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!((e[0].file.as_str(), e[0].line), ("seeds/a.txt", 4));
    assert!(e[0].message.contains("第二篇第一行"), "{}", e[0]);
    // A blank line outside every span is fine: line 3 is blank.
    assert!(parse_and_validate(
        "corpus.toml",
        &(doc("one", "[1, 2]", "") + &doc("two", "[4, 5]", "")),
        &seeds(&[("a.txt", SEED)])
    )
    .is_ok());
}

#[test]
fn bad_fields_are_each_reported() {
    let manifest =
        doc("one", "[1, 2]", "").replace("2019-06-05", "2019-02-30").replace("\"RU\"", "\"XX\"")
            + &doc("one", "[3, 5]", "title_lines = [3]");
    let e: Vec<String> = errors(&manifest).iter().map(|e| e.to_string()).collect();
    assert!(
        e.iter()
            .any(|m| m.starts_with("corpus.toml:1:")
                && m.contains("\"2019-02-30\" is not an ISO date")),
        "{e:?}"
    );
    assert!(
        e.iter()
            .any(|m| m.starts_with("corpus.toml:1:") && m.contains("unknown party code \"XX\"")),
        "{e:?}"
    );
    assert!(
        e.iter().any(|m| m.starts_with("corpus.toml:12:")
            && m.contains("id already used by the document at line 1")),
        "{e:?}"
    );
    assert!(
        e.iter().any(|m| m.starts_with("corpus.toml:12:")
            && m.contains("title_lines has line 3, which is blank")),
        "{e:?}"
    );
}

#[test]
fn toml_syntax_errors_carry_their_line() {
    let manifest = doc("one", "[1, 2]", "") + "[[doc]]\nid = \"two\nfile = 3\n";
    let e = errors(&manifest);
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].line, 13, "{}", e[0]);
    assert!(e[0].message.starts_with("cannot read the manifest"));
}

#[test]
fn unknown_keys_are_refused_rather_than_ignored() {
    let e = errors(&doc("one", "[1, 5]", "titel = \"typo\""));
    assert!(e[0].message.contains("titel"), "{}", e[0]);
}

#[test]
fn iso_dates_are_digits_only_and_real() {
    use cijing_manifest::is_iso_date;
    assert!(is_iso_date("2024-02-29"));
    for bad in ["2023-02-29", "+202-05-18", "2023-+5-18", "2023-05-+8", "2023-5-18", "2023-05-18 "]
    {
        assert!(!is_iso_date(bad), "{bad}");
    }
}

#[test]
fn the_shipped_manifest_cuts_seventeen_dated_articles() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/corpus.toml")).unwrap();
    let files: Vec<(String, String)> =
        cijing_seeds::files().iter().map(|(n, t)| (n.to_string(), t.to_string())).collect();
    assert_eq!(files.len(), 5);
    let docs = parse_and_validate("seeds/corpus.toml", &text, &files).unwrap();
    assert_eq!(docs.len(), 17);
    let mut years: Vec<&str> = docs.iter().map(|d| &d.date[..4]).collect();
    years.sort();
    years.dedup();
    assert_eq!(years, ["2019", "2023", "2024", "2025"]);
    let by_file = |f: &str| docs.iter().filter(|d| d.file.starts_with(f)).count();
    assert_eq!(
        [by_file("000"), by_file("001"), by_file("002"), by_file("003"), by_file("004")],
        [2, 3, 8, 1, 3]
    );
    for source in ["新华社", "人民日报", "联合早报"] {
        assert!(docs.iter().any(|d| d.source == source), "a document from {source}");
    }
}

#[test]
fn the_seed_files_are_the_originals_byte_for_byte() {
    let shared = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds");
    if !std::path::Path::new(shared).exists() {
        return; // only checkable where shared/ sits beside the repository
    }
    for (name, text) in cijing_seeds::files() {
        let original = std::fs::read(format!("{shared}/{name}")).unwrap();
        assert_eq!(text.as_bytes(), original.as_slice(), "seeds/{name} differs from the original");
    }
}

#[test]
fn titles_come_from_the_articles_headlines() {
    let squash =
        |s: &str| s.chars().filter(|c| !c.is_whitespace() && *c != '[').collect::<String>();
    let mut checked = 0;
    for (id, title, lines) in cijing_seeds::title_lines() {
        if lines.is_empty() {
            continue;
        }
        let headline = squash(&lines.concat());
        assert!(
            headline.starts_with(&squash(&title)),
            "{id}: title {title:?} is not the headline {headline:?}"
        );
        checked += 1;
    }
    assert_eq!(checked, 14);
    // Headlines and datelines are kept out of the body text.
    let docs = cijing_seeds::documents();
    let commentary = docs.iter().find(|d| d.info.id == "sco-2024-astana-commentary").unwrap();
    assert!(commentary.paragraphs.iter().all(|p| !p.contains("引发多国人士强烈共鸣")));
    assert_eq!(commentary.meta, vec!["（新华社北京7月5日电 执笔记者：何毅、王雅楠）"]);
}

/// The documents cleaned at build time are only a cache: cutting and
/// cleaning the embedded sources now gives the same documents.
#[test]
fn the_documents_cleaned_at_build_time_equal_the_sources_cleaned_now() {
    let shipped = cijing_seeds::documents();
    let now = cijing_seeds::documents_from_sources();
    assert_eq!(shipped.len(), 17);
    for (a, b) in shipped.iter().zip(&now) {
        assert_eq!(a.info.id, b.info.id);
        assert_eq!(a.meta, b.meta, "{}", a.info.id);
        assert_eq!(a.paragraphs, b.paragraphs, "{}", a.info.id);
    }
    assert_eq!(shipped.len(), now.len());
}
