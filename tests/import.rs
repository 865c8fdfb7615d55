//! Texts users add (engine::import, engine::script): each encoding decodes
//! to the exact characters, overrides and their errors, every bad input's
//! message, the metadata guesses, `.docx` paragraphs, and Traditional text
//! segmenting like its Simplified form. The files in tests/fixtures are
//! written by tests/fixtures/make_fixtures.py; the expected values below
//! are worked out by hand from that script.

use cijing_engine::corpus::Corpus;
use cijing_engine::text::date::Date;
use cijing_engine::text::import::{
    decode, docx_paragraphs_from_xml, find_date, guess_parties, import, import_pdf_text,
    segment_paragraph, segment_texts, Format, ImportError, ImportedText, MAX_FILE_BYTES,
    PARTY_NAMES,
};
use cijing_engine::text::script::{detect_script, to_simplified, Script};
use cijing_engine::SegmentOptions;
use std::io::Write;

fn fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn imported(name: &str) -> ImportedText {
    import(name, &fixture(name), None).unwrap_or_else(|e| panic!("{e}"))
}

fn date(text: &str) -> Option<Date> {
    Some(text.parse().unwrap())
}

/// A zip archive of these (name, content) entries, deflated.
fn zip_of(entries: &[(&str, &str)]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut out);
    for (name, content) in entries {
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file(*name, options).unwrap();
        zip.write_all(content.as_bytes()).unwrap();
    }
    zip.finish().unwrap();
    out.into_inner()
}

const GB_TEXT: &str = "中哈能源合作取得新进展\n\n新华社阿斯塔纳2024年7月3日电\n\n中国和哈萨克斯坦加强能源合作，双方深化能源合作，推动共同发展。\n\n两国元首同意继续扩大贸易规模，共建“一带一路”。\n";
const BIG5_TEXT: &str = "上海合作組織成員國加強經濟合作\n\n二○二四年七月四日，上海合作組織成員國元首理事會在阿斯塔納舉行。\n\n俄羅斯、哈薩克斯坦和中國領導人出席會議，同意加強經濟合作與發展。\n";
const UTF16_TEXT: &str =
    "中吉合作\r\n\r\n2023年5月18日\r\n\r\n中国和吉尔吉斯斯坦发表联合声明，双方同意深化全面战略伙伴关系。\r\n";

// ------------------------------------------------------------------ decoding

#[test]
fn gb18030_without_bom_is_guessed() {
    let d = decode("gb18030.txt", &fixture("gb18030.txt"), None).unwrap();
    assert_eq!(d.text, GB_TEXT);
    // chardetng names GB text by its WHATWG encoding, GBK, whose decoder reads all of GB18030.
    assert_eq!(d.encoding, "GBK");
}

#[test]
fn big5_without_bom_is_guessed() {
    let d = decode("big5.txt", &fixture("big5.txt"), None).unwrap();
    assert_eq!(d.text, BIG5_TEXT);
    assert_eq!(d.encoding, "Big5");
}

#[test]
fn utf16le_with_bom() {
    let d = decode("utf16le.txt", &fixture("utf16le.txt"), None).unwrap();
    assert_eq!(d.text, UTF16_TEXT);
    assert_eq!(d.encoding, "UTF-16LE");
}

#[test]
fn utf16_without_bom_by_its_nuls() {
    let text = "2023年5月18日\n中国和吉尔吉斯斯坦\n";
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    assert_eq!(
        decode("a.txt", &le, None).unwrap(),
        cijing_engine::text::import::Decoded {
            text: text.into(),
            encoding: "UTF-16LE",
            cut_short: 0
        }
    );
    assert_eq!(decode("a.txt", &be, None).unwrap().encoding, "UTF-16BE");
}

#[test]
fn utf8_with_and_without_bom() {
    let d = decode("a.txt", "\u{feff}中国".as_bytes(), None).unwrap();
    assert_eq!((d.text.as_str(), d.encoding), ("中国", "UTF-8"));
    let d = decode("a.txt", "中国".as_bytes(), None).unwrap();
    assert_eq!((d.text.as_str(), d.encoding), ("中国", "UTF-8"));
}

#[test]
fn utf8_cut_short_inside_its_last_character_is_still_utf8() {
    // 作 is E4 BD 9C; 𠀀 (outside the BMP) is F0 A0 80 80.
    let whole = "中国和哈萨克斯坦加强合作".as_bytes();
    assert_eq!(&whole[whole.len() - 3..], [0xE4, 0xBD, 0x9C]);
    for cut in 1..=2 {
        let d = decode("a.txt", &whole[..whole.len() - cut], None).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding, d.cut_short),
            ("中国和哈萨克斯坦加强合", "UTF-8", 3 - cut)
        );
    }
    let four = [0xE5, 0x90, 0x88, 0xF0, 0xA0, 0x80]; // 合, then three of 𠀀's four bytes
    let d = decode("a.txt", &four, None).unwrap();
    assert_eq!((d.text.as_str(), d.encoding, d.cut_short), ("合", "UTF-8", 3));
    // A whole last character, four bytes long, is not cut.
    let d = decode("a.txt", "合𠀀".as_bytes(), None).unwrap();
    assert_eq!((d.text.as_str(), d.cut_short), ("合𠀀", 0));
    // With a byte order mark, or named by the user, the same.
    let bom = [&[0xEF, 0xBB, 0xBF][..], &whole[..whole.len() - 1]].concat();
    let d = decode("a.txt", &bom, None).unwrap();
    assert_eq!((d.text.as_str(), d.encoding, d.cut_short), ("中国和哈萨克斯坦加强合", "UTF-8", 2));
    let d = decode("a.txt", &whole[..whole.len() - 2], Some("utf-8")).unwrap();
    assert_eq!((d.text.as_str(), d.cut_short), ("中国和哈萨克斯坦加强合", 1));
    // A stray bad byte inside a text named UTF-8 is replaced; the cut end is dropped.
    let mut stray = "中国和哈萨克斯坦加强能源合作。".repeat(20).into_bytes();
    stray.push(0xFF);
    stray.extend([0xE4, 0xBD]);
    let d = decode("a.txt", &stray, Some("utf-8")).unwrap();
    assert_eq!(d.text, format!("{}\u{FFFD}", "中国和哈萨克斯坦加强能源合作。".repeat(20)));
    assert_eq!(d.cut_short, 2);
    // Bytes that are no start of a character are not a cut: 0x80 is a continuation byte.
    let e = decode("a.txt", &[0xE5, 0x90, 0x88, 0x80], Some("utf-8")).unwrap_err();
    assert_eq!(e, ImportError::Undecodable { file: "a.txt".into(), encoding: "UTF-8" });
}

#[test]
fn utf16_cut_short_drops_the_odd_byte_and_a_lone_high_surrogate() {
    let le = |text: &str| -> Vec<u8> { text.encode_utf16().flat_map(u16::to_le_bytes).collect() };
    let be = |text: &str| -> Vec<u8> { text.encode_utf16().flat_map(u16::to_be_bytes).collect() };
    let text = "2023年5月18日\n中国和吉尔吉斯斯坦";
    // Without a byte order mark, found by its NULs although the count is odd.
    let mut odd = le(text);
    odd.push(0x4E);
    let d = decode("a.txt", &odd, None).unwrap();
    assert_eq!((d.text.as_str(), d.encoding, d.cut_short), (text, "UTF-16LE", 1));
    let mut odd = be(text);
    odd.push(0x4E);
    let d = decode("a.txt", &odd, None).unwrap();
    assert_eq!((d.text.as_str(), d.encoding, d.cut_short), (text, "UTF-16BE", 1));
    // With a byte order mark: 𠀀 is D840 DC00; cut after its high half, or one byte into its low half.
    let with_bom = [&[0xFF, 0xFE][..], &le("中吉合作𠀀")].concat();
    let d = decode("a.txt", &with_bom[..with_bom.len() - 2], None).unwrap();
    assert_eq!((d.text.as_str(), d.encoding, d.cut_short), ("中吉合作", "UTF-16LE", 2));
    let d = decode("a.txt", &with_bom[..with_bom.len() - 1], None).unwrap();
    assert_eq!((d.text.as_str(), d.cut_short), ("中吉合作", 3));
    let d = decode("a.txt", &with_bom, None).unwrap();
    assert_eq!((d.text.as_str(), d.cut_short), ("中吉合作𠀀", 0));
    // Named by the user.
    let d = decode("a.txt", &be("中吉合作")[..7], Some("utf-16be")).unwrap();
    assert_eq!((d.text.as_str(), d.cut_short), ("中吉合", 1));
}

#[test]
fn an_import_cut_short_says_what_it_dropped() {
    let bytes = "2024年7月3日\n\n中国和哈萨克斯坦加强能源合作。".as_bytes();
    // Cut inside the full stop (E3 80 82): two of its three bytes are left.
    let text = import("cut.txt", &bytes[..bytes.len() - 1], None).unwrap();
    assert_eq!(text.encoding, "UTF-8");
    assert_eq!(text.paragraphs, ["中国和哈萨克斯坦加强能源合作"]);
    assert_eq!(
        text.notes,
        ["cut.txt: the file ends inside a character (cut short?); the last 2 bytes were dropped"]
    );
    let text = import("cut.txt", &bytes[..bytes.len() - 2], None).unwrap();
    assert_eq!(
        text.notes,
        ["cut.txt: the file ends inside a character (cut short?); the last byte was dropped"]
    );
    assert!(import("whole.txt", bytes, None).unwrap().notes.is_empty());
}

#[test]
fn an_override_is_used_and_a_wrong_one_is_an_error() {
    let gb = fixture("gb18030.txt");
    let d = decode("gb18030.txt", &gb, Some("gb18030")).unwrap();
    assert_eq!((d.text.as_str(), d.encoding), (GB_TEXT, "gb18030"));
    let d = decode("big5.txt", &fixture("big5.txt"), Some(" BIG5 ")).unwrap();
    assert_eq!(d.text, BIG5_TEXT);
    let d = decode("utf16le.txt", &fixture("utf16le.txt"), Some("utf-16le")).unwrap();
    assert_eq!(d.text, UTF16_TEXT);

    // Big5 bytes are not UTF-8.
    let e = decode("big5.txt", &fixture("big5.txt"), Some("utf-8")).unwrap_err();
    assert_eq!(e, ImportError::Undecodable { file: "big5.txt".into(), encoding: "UTF-8" });
    assert_eq!(
        e.to_string(),
        "big5.txt: the text could not be decoded as UTF-8; name its encoding (utf-8, gb18030, big5, utf-16le, …)"
    );
    let e = decode("gb18030.txt", &gb, Some("klingon")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "gb18030.txt: unknown encoding \"klingon\"; use a label such as utf-8, gb18030, gbk, big5, utf-16le or utf-16be"
    );
    // "replacement" is a WHATWG label, but it decodes nothing.
    assert!(matches!(
        decode("a.txt", &gb, Some("replacement")),
        Err(ImportError::UnknownEncoding { .. })
    ));
    // The import path passes the override on.
    assert_eq!(import("gb18030.txt", &gb, Some("gb18030")).unwrap().encoding, "gb18030");
}

#[test]
fn a_stray_bad_byte_is_allowed_but_not_many() {
    let mut bytes = "中国和哈萨克斯坦加强能源合作。".repeat(20).into_bytes();
    bytes.push(0xFF);
    bytes.extend("两国".as_bytes());
    let d = decode("a.txt", &bytes, Some("utf-8")).unwrap();
    assert_eq!(d.text.matches('\u{FFFD}').count(), 1);
    let bad = [0xFFu8, 0xFE, 0xFD, 0x41, 0x42].repeat(3);
    assert!(matches!(
        decode("a.txt", &bad[2..], Some("utf-8")),
        Err(ImportError::Undecodable { .. })
    ));
}

// ---------------------------------------------------------------- bad input

#[test]
fn every_bad_input_names_the_file() {
    let err = |name: &str, bytes: &[u8]| import(name, bytes, None).unwrap_err().to_string();
    // (file, bytes, message)
    let refused: [(&str, &[u8], &str); 10] = [
        ("a.txt", b"", "a.txt: the file is empty"),
        ("a.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "a.txt: this is a PNG image, not text; add .txt, .html, .md or .docx files"),
        ("a.txt", b"%PDF-1.7\n%\xE2\xE3", "a.txt: a PDF is read in the page (My texts); for the command line, extract its text first, e.g. `pdftotext a.txt out.txt`, and add the .txt"),
        ("report.pdf", b"%PDF-1.7", "report.pdf: a PDF is read in the page (My texts); for the command line, extract its text first, e.g. `pdftotext report.pdf out.txt`, and add the .txt"),
        ("a.txt", b"abc\0\x01\x02def\0ghi\x03", "a.txt: this is binary data, not text; add .txt, .html, .md or .docx files"),
        ("a.txt", b"PK\x03\x04rest", "a.txt: this is a zip archive, not text; add .txt, .html, .md or .docx files"),
        ("hello.txt", b"hello, world\n", "hello.txt: the text has no Chinese characters"),
        ("page.html", b"<html><body><script>x()</script></body></html>", "page.html: no text left after cleaning"),
        ("blank.txt", b"\n \n\t\n", "blank.txt: no text left after cleaning"),
        ("a.docx", "中国".as_bytes(), "a.docx: not a readable .docx: it is not a zip archive (a .docx is one)"),
    ];
    for (name, bytes, message) in refused {
        assert_eq!(err(name, bytes), message);
    }
    assert!(err("a.docx", b"PK\x03\x04 broken")
        .starts_with("a.docx: not a readable .docx: it is not a readable zip archive ("));
    let not_word = zip_of(&[("content.xml", "<office:document/>")]);
    assert_eq!(
        err("a.docx", &not_word),
        "a.docx: not a readable .docx: it has no word/document.xml (is it a Word document?)"
    );
    let broken_xml = zip_of(&[("word/document.xml", "<w:document><w:p><w:t>中国</w:p>")]);
    assert!(err("a.docx", &broken_xml)
        .starts_with("a.docx: not a readable .docx: word/document.xml is not well-formed XML"));

    let huge = vec![b'a'; MAX_FILE_BYTES + 1];
    let e = import("huge.txt", &huge, None).unwrap_err();
    assert_eq!(e, ImportError::TooLarge { file: "huge.txt".into(), bytes: MAX_FILE_BYTES + 1 });
    assert_eq!(
        e.to_string(),
        "huge.txt: the file is too large (50.0 MB; the limit is 50 MB a file)"
    );
    assert_eq!(
        import_pdf_text("scan.pdf", " \n\n").unwrap_err().to_string(),
        "scan.pdf: the file is empty"
    );
}

// ------------------------------------------------------- formats and metadata

#[test]
fn a_gb18030_text_file() {
    let t = imported("gb18030.txt");
    assert_eq!(
        (t.format, t.script, t.encoding.as_str()),
        (Format::Text, Script::Simplified, "GBK")
    );
    assert_eq!(t.title, "中哈能源合作取得新进展");
    assert_eq!(t.meta, ["中哈能源合作取得新进展"]);
    assert_eq!(t.date, date("2024-07-03"));
    assert_eq!(t.parties, ["CN", "KZ"]);
    assert_eq!(
        t.paragraphs,
        [
            "新华社阿斯塔纳2024年7月3日电",
            "中国和哈萨克斯坦加强能源合作，双方深化能源合作，推动共同发展。",
            "两国元首同意继续扩大贸易规模，共建“一带一路”。"
        ]
    );
}

#[test]
fn a_big5_traditional_text_file() {
    let t = imported("big5.txt");
    assert_eq!(
        (t.format, t.script, t.encoding.as_str()),
        (Format::Text, Script::Traditional, "Big5")
    );
    assert_eq!(t.title, "上海合作組織成員國加強經濟合作");
    // 二○二四年七月四日, with the circle Big5 text writes for 〇.
    assert_eq!(t.date, date("2024-07-04"));
    // 中國, 俄羅斯, 哈薩克斯坦, 上海合作組織: found through the Simplified fold.
    assert_eq!(t.parties, ["CN", "RU", "KZ", "SCO"]);
    assert_eq!(
        t.paragraphs,
        [
            "二○二四年七月四日，上海合作組織成員國元首理事會在阿斯塔納舉行。",
            "俄羅斯、哈薩克斯坦和中國領導人出席會議，同意加強經濟合作與發展。"
        ]
    );
}

#[test]
fn a_utf16_text_file_with_a_dateline() {
    let t = imported("utf16le.txt");
    assert_eq!((t.format, t.encoding.as_str()), (Format::Text, "UTF-16LE"));
    assert_eq!(t.title, "中吉合作");
    // A line that is only a date goes to the meta lines, like the seeds' datelines.
    assert_eq!(t.meta, ["中吉合作", "2023年5月18日"]);
    assert_eq!(t.date, date("2023-05-18"));
    assert_eq!(t.parties, ["CN", "KG"]);
    assert_eq!(t.paragraphs, ["中国和吉尔吉斯斯坦发表联合声明，双方同意深化全面战略伙伴关系。"]);
}

#[test]
fn an_html_page() {
    let t = imported("page.html");
    assert_eq!((t.format, t.encoding.as_str()), (Format::Html, "UTF-8"));
    assert_eq!(t.title, "中塔友好合作");
    assert_eq!(t.meta, ["中塔友好合作", "2024-07-05"]);
    assert_eq!(t.date, date("2024-07-05"));
    assert_eq!(t.parties, ["CN", "TJ", "SCO"]);
    assert_eq!(
        t.paragraphs,
        [
            "中国和塔吉克斯坦建立新时代全面战略合作伙伴关系。",
            "双方同意在上海合作组织框架内加强安全合作。"
        ]
    );
    // Without a telling name, the tags tell.
    assert_eq!(import("page", &fixture("page.html"), None).unwrap().format, Format::Html);
    // No <title>: the first <h1>.
    let t = import(
        "p.htm",
        "<h1>中俄 合作</h1><p>中国和俄罗斯加强合作。</p><p>两国人民受益。</p>".as_bytes(),
        None,
    )
    .unwrap();
    assert_eq!(
        (t.title.as_str(), t.parties.clone()),
        ("中俄 合作", vec!["CN".to_string(), "RU".to_string()])
    );
}

#[test]
fn a_docx_document() {
    let t = imported("statement.docx");
    assert_eq!(
        (t.format, t.encoding.as_str(), t.script),
        (Format::Docx, "UTF-8", Script::Simplified)
    );
    assert_eq!(t.title, "中乌联合声明");
    assert_eq!(t.meta, ["中乌联合声明", "2024年6月1日"]);
    assert_eq!(t.date, date("2024-06-01"));
    assert_eq!(t.parties, ["CN", "UZ"]);
    // <w:br/> ends a paragraph; <w:tab/> is a space, which closes up between CJK glyphs.
    assert_eq!(t.paragraphs, ["中国和乌兹别克斯坦发表联合声明。", "双方同意加强互联互通合作。"]);
    // A .docx made here with the zip crate; sniffed by its content under another name.
    let xml = r#"<w:document><w:body><w:p><w:r><w:t>第一段，中国</w:t></w:r><w:r><w:t>和俄罗斯。</w:t></w:r></w:p><w:p><w:r><w:t>第二段。</w:t></w:r></w:p></w:body></w:document>"#;
    let bytes = zip_of(&[("[Content_Types].xml", "<Types/>"), ("word/document.xml", xml)]);
    let t = import("upload", &bytes, None).unwrap();
    assert_eq!((t.format, t.title.as_str()), (Format::Docx, "upload"));
    assert_eq!(t.paragraphs, ["第一段，中国和俄罗斯。", "第二段。"]);
    assert_eq!(docx_paragraphs_from_xml("<w:p><w:t>&#20013;&lt;</w:t></w:p>").unwrap(), ["中<"]);
}

#[test]
fn markdown_front_matter_and_marks() {
    let md = "---\ntitle: \"中哈合作\"\ndate: 2023年5月18日\nparties: [CN, kz, cn]\n---\n# 中哈合作\n\n> 中国和哈萨克斯坦加强**能源**合作。\n\n- 双方深化[能源合作](https://example.org)。\n";
    let t = import("note.md", md.as_bytes(), None).unwrap();
    assert_eq!(t.format, Format::Markdown);
    assert_eq!((t.title.as_str(), t.date), ("中哈合作", date("2023-05-18")));
    assert_eq!(t.parties, ["CN", "KZ"]);
    assert_eq!(t.meta, ["中哈合作"]);
    assert_eq!(t.paragraphs, ["中国和哈萨克斯坦加强能源合作。", "双方深化能源合作。"]);
}

#[test]
fn the_title_falls_back_to_the_file_name() {
    let t = import(
        "dir/notes.2024.txt",
        "中国和哈萨克斯坦加强能源合作，推动共同发展。".as_bytes(),
        None,
    )
    .unwrap();
    assert_eq!((t.title.as_str(), t.date), ("notes.2024", None));
    assert!(t.meta.is_empty());
}

#[test]
fn pdf_text_is_cleaned_like_the_seeds() {
    let raw = "中 哈 联 合 声 明\n中华人民共和国和哈萨克斯坦共和国\n（以下简称“双方”）同意加强能源\n合作，推动共同发展，造福两国人\n民。（下转第二版）\n\n2\n二〇二三年五月十八日于西安\n";
    let t = import_pdf_text("声明.pdf", raw).unwrap();
    assert_eq!(
        (t.format, t.title.as_str(), t.encoding.as_str()),
        (Format::Pdf, "中哈联合声明", "Unicode")
    );
    assert_eq!(t.date, date("2023-05-18"));
    // The signature line is mostly a date: a meta line, as in the seeds.
    assert_eq!(t.meta, ["中哈联合声明", "二〇二三年五月十八日于西安"]);
    assert_eq!(
        t.paragraphs,
        ["中华人民共和国和哈萨克斯坦共和国（以下简称“双方”）同意加强能源合作，推动共同发展，造福两国人民。"]
    );
}

/// The text the page's `cijing-pdf.js` makes of tests/fixtures/report.pdf
/// (tests/fixtures/make_pdfs.py): a line per baseline, a blank line at the
/// wider gap between paragraphs, the page number, a blank line between the
/// pages. Worked by hand: of the 10 lines left once the page numbers go,
/// the 80th-percentile width is 38 columns, so a line ending a sentence
/// ends its paragraph when it is short (under 4/5 of 38: the 30-column
/// line on page 2) or a blank line follows; a sentence runs on
/// across the page break; the short first line is the title and the
/// date line is meta.
#[test]
fn a_pdf_extraction_as_the_page_makes_it() {
    let raw = "中吉经贸合作报告\n2024年7月4日\n中华人民共和国和吉尔吉斯共和国双方同意\n进一步深化经贸合作，扩大双边贸易规模，\n\
               推动共建“一带一路”高质量发展并取得成效。\n\n双方将加强能源、交通和农业领域的务实合\n作，共同维护地区和平与稳定，推动两国关\n\n1\n\n\
               系持续健康发展，造福两国人民。\n两国元首同意加强人文交流，扩大留学生和\n旅游往来。\n\n2";
    let t = import_pdf_text("report.pdf", raw).unwrap();
    assert_eq!(
        (t.format, t.title.as_str(), t.date),
        (Format::Pdf, "中吉经贸合作报告", date("2024-07-04"))
    );
    assert_eq!(t.meta, ["中吉经贸合作报告", "2024年7月4日"]);
    assert_eq!(t.parties, ["CN", "KG"]);
    assert_eq!(
        t.paragraphs,
        [
            "中华人民共和国和吉尔吉斯共和国双方同意进一步深化经贸合作，扩大双边贸易规模，推动共建“一带一路”高质量发展并取得成效。",
            "双方将加强能源、交通和农业领域的务实合作，共同维护地区和平与稳定，推动两国关系持续健康发展，造福两国人民。",
            "两国元首同意加强人文交流，扩大留学生和旅游往来。",
        ]
    );
    // Without the blank line the extractor puts at the wider gap, the full
    // line ending the first paragraph would run on into the second.
    let no_gap = raw.replacen("成效。\n\n双方", "成效。\n双方", 1);
    assert_eq!(import_pdf_text("report.pdf", &no_gap).unwrap().paragraphs.len(), 2);
}

#[test]
fn dates_and_parties_found_in_text() {
    let day = |t: &str| find_date(t).map(|(d, _)| d.to_string());
    assert_eq!(day("据报道，2023年5月18日，双方在西安签署"), Some("2023-05-18".into()));
    assert_eq!(day("２０２４年７月４日"), Some("2024-07-04".into()));
    assert_eq!(day("二〇二四年十二月三十一日"), Some("2024-12-31".into()));
    assert_eq!(day("2023/5/18 and 2024-01-01"), Some("2023-05-18".into()));
    assert_eq!(day("2023.13.01"), None);
    assert_eq!(day("共12345.5.5元"), None);
    assert_eq!(day("2025年6月"), None);
    assert_eq!(guess_parties("土库曼斯坦和乌兹别克斯坦"), ["TM", "UZ"]);
    assert_eq!(guess_parties("吉爾吉斯斯坦與塔吉克斯坦"), ["KG", "TJ"]);
    assert!(guess_parties("合作").is_empty());
}

#[test]
fn party_codes_are_the_manifest_s() {
    for (code, names) in PARTY_NAMES {
        let name = cijing_seeds::party_name(code);
        assert_ne!(name, *code, "{code} is not a party code of the manifest");
        assert!(names.contains(&name), "{code}: the manifest's name {name} is not among {names:?}");
    }
}

// -------------------------------------------------------------- Traditional

#[test]
fn script_detection() {
    assert_eq!(detect_script(BIG5_TEXT), Script::Traditional);
    assert_eq!(detect_script(GB_TEXT), Script::Simplified);
    assert_eq!(detect_script("上海合作組織和上海合作组织，经济与經濟"), Script::Mixed);
    assert_eq!(detect_script("abc 123"), Script::None);
    // 乾 folds to 干 alone, but one in a long Simplified text is not Traditional.
    assert_eq!(
        detect_script(&format!("乾隆{}", "中国和哈萨克斯坦加强能源合作。".repeat(10))),
        Script::Simplified
    );
    assert_eq!(detect_script("乾隆"), Script::Traditional); // alone, it can only look Traditional
    assert_eq!(
        to_simplified("上海合作組織成員國加強經濟合作與發展"),
        "上海合作组织成员国加强经济合作与发展"
    );
}

#[test]
fn traditional_text_segments_like_its_simplified_form() {
    let segmenter = cijing_seeds::segmenter();
    let traditional = "上海合作組織成員國加強經濟合作";
    let simplified = "上海合作组织成员国加强经济合作";
    let spans = |text: &str, script| {
        segment_paragraph(&segmenter, text, script, SegmentOptions::default())
            .iter()
            .map(|t| (t.start, t.end))
            .collect::<Vec<_>>()
    };
    let words = |text: &str, script| {
        segment_paragraph(&segmenter, text, script, SegmentOptions::default())
            .iter()
            .map(|t| text[t.start..t.end].to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        words(simplified, Script::Simplified),
        ["上海合作组织", "成员国", "加强", "经济", "合作"]
    );
    assert_eq!(
        words(traditional, Script::Traditional),
        ["上海合作組織", "成員國", "加強", "經濟", "合作"]
    );
    assert_eq!(spans(traditional, Script::Traditional), spans(simplified, Script::Simplified));
    // Without the fold jieba cuts the Traditional text otherwise.
    assert_ne!(words(traditional, Script::Simplified), words(traditional, Script::Traditional));
    // A character of another UTF-8 length keeps its place: spans map by character.
    let mixed = "a經濟𠀀合作";
    let cut: Vec<&str> =
        segment_paragraph(&segmenter, mixed, Script::Traditional, SegmentOptions::default())
            .iter()
            .map(|t| &mixed[t.start..t.end])
            .collect();
    assert_eq!(cut.concat(), mixed);
}

#[test]
fn a_traditional_document_joins_a_corpus_and_folds() {
    let segmenter = cijing_seeds::segmenter();
    let big5 = imported("big5.txt");
    let gb = imported("gb18030.txt");
    let fallback: Date = "2000-01-01".parse().unwrap();
    let docs = vec![
        big5.to_clean_document("mine-big5", fallback),
        gb.to_clean_document("mine-gb", fallback),
    ];
    let texts =
        docs.iter().zip([big5.script, gb.script]).map(|(d, script)| (&d.paragraphs[..], script));
    let segmented = segment_texts(&segmenter, texts, SegmentOptions::default());
    // The Big5 text's Traditional words, in order, each once; the GB18030 text is Simplified and gives none.
    let spellings: Vec<(&str, &str)> =
        segmented.spellings.iter().map(|(t, s)| (t.as_str(), s.as_str())).collect();
    assert_eq!(
        spellings,
        [
            ("上海合作組織", "上海合作组织"),
            ("成員國", "成员国"),
            ("元首理事會", "元首理事会"),
            ("阿斯塔納", "阿斯塔纳"),
            ("舉行", "举行"),
            ("俄羅斯", "俄罗斯"),
            ("哈薩克斯坦", "哈萨克斯坦"),
            ("中國", "中国"),
            ("領導人", "领导人"),
            ("出席會議", "出席会议"),
            ("加強", "加强"),
            ("經濟", "经济"),
            ("與", "与"),
            ("發展", "发展"),
        ]
    );
    let mut corpus =
        Corpus::from_segmented(docs, segmented.tokens, &segmenter, SegmentOptions::default())
            .unwrap();
    assert_eq!(corpus.docs[0].info.title, "上海合作組織成員國加強經濟合作");
    assert_eq!(corpus.docs[0].info.date.to_string(), "2024-07-04");
    let trad = corpus.vocab.id("上海合作組織").expect("the Traditional word is a term");
    corpus.set_aliases(cijing_seeds::aliases().add_spellings(segmented.spellings), &segmenter);
    let simp = corpus.vocab.id("上海合作组织").unwrap();
    assert_eq!(corpus.count_as(trad, true), simp);
    assert_eq!(corpus.count_as(trad, false), trad);
}

#[test]
fn only_texts_segmented_through_the_fold_give_spellings() {
    let segmenter = cijing_seeds::segmenter();
    // The same paragraph as a Traditional text and as a Simplified one with
    // a stray Traditional word: only the first is folded, so only its
    // words are spellings, each once although it comes twice.
    let traditional = ["經濟合作".to_string(), "經濟".to_string()];
    let simplified = ["经济合作与經濟".to_string()];
    let texts = [(&traditional[..], Script::Traditional), (&simplified[..], Script::Simplified)];
    let segmented = segment_texts(&segmenter, texts, SegmentOptions::default());
    assert_eq!(segmented.spellings, [("經濟".to_string(), "经济".to_string())]);
    let words = |doc: usize, para: usize, text: &str| -> Vec<String> {
        segmented.tokens[doc][para].iter().map(|t| text[t.start..t.end].to_string()).collect()
    };
    assert_eq!(words(0, 0, &traditional[0]), ["經濟", "合作"]);
    assert_eq!(words(0, 1, &traditional[1]), ["經濟"]);
    // With no group for 经济 yet, 经济 heads a new one with 經濟 as its alias.
    let groups =
        cijing_engine::text::aliases::AliasGroups::default().add_spellings(segmented.spellings);
    assert_eq!(groups.groups, [("经济".to_string(), vec!["經濟".to_string()])]);
}

#[test]
fn a_docx_whose_xml_unpacks_past_the_limit_is_refused_before_it_is_read() {
    // 40 MB of XML in a few hundred KB of zip: refused by its declared size,
    // at once, naming the limit.
    let para = "<w:p><w:r><w:t>中国和哈萨克斯坦加强能源合作。</w:t></w:r></w:p>";
    let body = para.repeat(40 * 1024 * 1024 / para.len() + 1);
    let bomb = zip_of(&[(
        "word/document.xml",
        &format!("<w:document><w:body>{body}</w:body></w:document>"),
    )]);
    assert!(bomb.len() < 2 * 1024 * 1024, "{} bytes", bomb.len());
    let started = std::time::Instant::now();
    let e = import("bomb.docx", &bomb, None).unwrap_err().to_string();
    assert_eq!(e, "bomb.docx: not a readable .docx: word/document.xml unpacks to over 32 MB");
    assert!(started.elapsed() < std::time::Duration::from_secs(2), "{:?}", started.elapsed());
}
