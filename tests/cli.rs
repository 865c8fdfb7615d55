//! The `cijing` command line, run as a user would.
use std::io::Write;
use std::process::{Command, Output, Stdio};

mod common;

fn cijing(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_cijing"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cijing runs");
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn docs_lists_every_document_with_its_date() {
    let out = cijing(&["docs"], "");
    assert!(out.status.success());
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "id\tdate\ttitle\tsource\tparties\tchars\ttokens");
    assert_eq!(lines.len(), 18);
    let first: Vec<&str> = lines[1].split('\t').collect();
    assert_eq!(
        &first[..5],
        [
            "cn-kg-2023-statement",
            "2023-05-18",
            "中华人民共和国和吉尔吉斯共和国联合声明",
            "新华社",
            "CN,KG"
        ]
    );
    assert!(first[5].parse::<usize>().unwrap() > 4000 && first[6].parse::<usize>().unwrap() > 1500);
    assert!(lines.iter().any(|l| l.starts_with(
        "cn-tj-2024-zaobao\t2024-07-06\t中国塔吉克斯坦建立新时代全面战略合作伙伴关系\t联合早报"
    )));
}

#[test]
fn text_prints_one_paragraph_per_line() {
    let out = cijing(&["text", "--doc", "cn-tj-2024-media"], "");
    assert!(out.status.success());
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3);
    assert!(lines[0].starts_with("新华社杜尚别7月5日电7月5日，中国中央广播电视总台“世代友好启程”"));
}

#[test]
fn segment_reads_stdin_line_by_line() {
    let out = cijing(&["segment"], "上海合作组织成员国元首理事会\n\n扎帕罗夫 和 拉赫蒙\n");
    assert!(out.status.success());
    assert_eq!(stdout(&out), "上海合作组织 成员国 元首理事会\n\n扎帕罗夫 和 拉赫蒙\n");
    let out = cijing(&["segment", "--mode", "search"], "中华人民共和国\n");
    assert_eq!(stdout(&out), "中华 华人 人民 共和 共和国 中华人民共和国\n");
    let out = cijing(&["segment", "--no-hmm"], "日至\n");
    assert_eq!(stdout(&out), "日 至\n");
}

#[test]
fn terms_in_three_formats() {
    let tsv = stdout(&cijing(&["terms", "--top", "3"], ""));
    let lines: Vec<&str> = tsv.lines().collect();
    assert_eq!(lines[0], "term\tcount\tper_10k\tdocs\ttfidf\tdp\tjuilland_d");
    assert_eq!(lines.len(), 4);
    assert!(lines[1].starts_with("合作\t"));
    assert!(
        lines[1].contains("\t17\t0.000\t"),
        "合作 is in all 17 documents, so its TF-IDF is 0: {}",
        lines[1]
    );

    let csv = stdout(&cijing(
        &["terms", "--top", "2", "--format", "csv", "--doc", "cn-ru-2019-strategic-stability"],
        "",
    ));
    // 1,197 word tokens (1,215 before issue 12's terms joined 不扩散核武器条约,
    // 全面禁止核试验条约, 中导条约 and 裁军谈判会议, twice each, and 联合国宪章 and
    // 伊核问题全面协议 once: 18 fewer): 26 × 10,000 / 1,197 = 217.21. TF-IDF: 双方 is in 15 of
    // 17 documents, 国际 in 14: 26 ln(17/15) = 3.254, 24 ln(17/14) = 4.660.
    // One document: DP 0, Juilland's D undefined.
    assert_eq!(
        csv,
        "term,count,per_10k,docs,tfidf,dp,juilland_d\n双方,26,217.21,1,3.254,0.000,\n国际,24,200.50,1,4.660,0.000,\n"
    );

    let json: serde_json::Value =
        serde_json::from_str(&stdout(&cijing(&["terms", "--top", "5", "--format", "json"], "")))
            .unwrap();
    assert_eq!(json["documents"], 17);
    assert_eq!(json["rows"].as_array().unwrap().len(), 5);
    assert_eq!(json["rows"][0]["term"], "合作");
}

#[test]
fn unknown_documents_and_bad_options_exit_2_with_a_clear_message() {
    let out = cijing(&["terms", "--doc", "nope"], "");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("no document \"nope\"") && err.contains("cn-kg-2023-statement"), "{err}");

    for args in [
        &["terms", "--format", "xml"][..],
        &["terms", "--top", "many"],
        &["frobnicate"],
        &["segment", "--mode", "fast"],
    ] {
        let out = cijing(args, "");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!out.stderr.is_empty(), "{args:?} explains itself");
    }
    assert_eq!(cijing(&["--help"], "").status.code(), Some(0));

    // A query that cannot be looked for says why.
    let out = cijing(&["search", "/(/"], "");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "cijing: the regular expression /(/ is not valid: found open group without closing ')'\n"
    );
    let out = cijing(&["kwic", "*"], "");
    assert_eq!(
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stderr).contains("the pattern * is empty")
        ),
        (Some(2), true)
    );
}

fn tsv_rows(args: &[&str]) -> Vec<Vec<String>> {
    let out = cijing(args, "");
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    stdout(&out).lines().map(|l| l.split('\t').map(str::to_string).collect()).collect()
}

#[test]
fn selection_options_apply_to_every_subcommand() {
    // Two documents, repeatable --doc.
    let two = tsv_rows(&[
        "terms",
        "--doc",
        "cn-tj-2024-media",
        "--doc",
        "cn-tj-2024-zaobao",
        "--format",
        "json",
    ]);
    let json: serde_json::Value =
        serde_json::from_str(&two.iter().map(|r| r.join("\t")).collect::<Vec<_>>().join("\n"))
            .unwrap();
    assert_eq!(json["documents"], 2);
    // Dates and parties.
    let y2019 = tsv_rows(&["trends", "合作", "--from", "2019", "--to", "2019"]);
    assert_eq!(y2019.len(), 1 + 8, "eight documents from 2019");
    assert!(y2019[1..].iter().all(|r| r[2].starts_with("2019-")));
    let kg = tsv_rows(&["trends", "合作", "--party", "KG"]);
    assert_eq!(
        kg[1..].iter().map(|r| r[1].as_str()).collect::<Vec<_>>(),
        ["cn-kg-2019-statement", "cn-kg-2023-statement", "cn-kg-2025-meeting", "cn-ca-2025-summit"]
    );
    for (args, message) in [
        (&["keyness", "--party", "XX"][..], "unknown party \"XX\""),
        (
            &["ngrams", "--from", "2019-13"],
            "\"2019-13\" is not a date written YYYY, YYYY-MM or YYYY-MM-DD",
        ),
        (&["kwic", "北冰洋"], "does not occur in the corpus"),
        (&["collocates", "合作", "--pos", "nouns"], "unknown part-of-speech class \"nouns\""),
        (&["keyness"], "no rest to compare with"),
        (&["ngrams", "--min-n", "1"], "n-grams are 2 to 5 words"),
        (&["terms", "--from", "2030"], "the selection is empty"),
    ] {
        let out = cijing(args, "");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(message),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn keyness_kwic_collocates_ngrams_trends_discover_answer_on_the_seeds() {
    let key = tsv_rows(&["keyness", "--doc", "cn-ru-2019-strategic-stability", "--top", "5"]);
    assert_eq!(
        key[0],
        [
            "term",
            "direction",
            "target",
            "reference",
            "target_per_10k",
            "reference_per_10k",
            "g2",
            "log_ratio",
            "p",
            "bonferroni"
        ]
    );
    assert!(key[1..].iter().all(|r| r[1] == "over" && r[8] == "p<0.0001" && r[9] == "yes"));
    assert!(key[1..].iter().any(|r| r[0] == "外空"));

    let lines = tsv_rows(&["kwic", "三股势力", "--sort", "r1"]);
    assert!(lines.len() > 5);
    assert!(lines[1..].iter().all(|r| r[5] == "三股势力"));
    let aliased = tsv_rows(&["kwic", "上合", "--aliases"]);
    let plain = tsv_rows(&["kwic", "上海合作组织"]);
    assert!(aliased.len() > plain.len());

    let coll = tsv_rows(&["collocates", "合作", "--top", "5", "--pos", "noun,verb"]);
    assert_eq!(coll[0], common::COLLOCATE_COLUMNS);
    assert!(coll[1..]
        .iter()
        .all(|r| r[10] == "attraction"
            && r[1].parse::<u64>().unwrap() <= r[3].parse::<u64>().unwrap()));
    assert_eq!(coll.len(), 6);

    let grams = tsv_rows(&["ngrams", "--min-n", "3", "--max-n", "3", "--top", "3"]);
    assert!(grams[1..].iter().all(|r| r[1] == "3" && r[0].split(' ').count() == 3));

    let years = tsv_rows(&["trends", "上海合作组织", "一带一路", "--by", "year", "--aliases"]);
    assert_eq!(years.len(), 1 + 2 * 4);

    let found = tsv_rows(&["discover", "--base-dict", "--top", "60"]);
    assert!(found.iter().any(|r| r[0] == "拉赫蒙"));
}

#[test]
fn topics_and_lda_subcommands_and_topic_selection() {
    let list = tsv_rows(&["topics", "--list"]);
    assert_eq!(list.len(), 1 + 11);
    assert_eq!(list[0], ["id", "zh", "en", "color", "keywords"]);
    let shares = tsv_rows(&["topics", "--doc", "cn-ru-2019-strategic-stability"]);
    let arms = shares.iter().find(|r| r[2] == "arms-control").unwrap();
    assert_eq!(arms[4], "23", "the statement has 23 paragraphs");
    assert!(arms[5].parse::<f64>().unwrap() > 0.8, "it is mostly about arms control: {arms:?}");
    // --topic narrows every statistic; any/all/exclude combine.
    let all_terms = tsv_rows(&["terms", "--format", "json"]);
    let sec = cijing(&["terms", "--topic", "security", "--format", "json"], "");
    let sec: serde_json::Value = serde_json::from_slice(&sec.stdout).unwrap();
    let all: serde_json::Value = serde_json::from_str(
        &all_terms.iter().map(|r| r.join("\t")).collect::<Vec<_>>().join("\n"),
    )
    .unwrap();
    assert!(sec["paragraphs"].as_u64().unwrap() < all["paragraphs"].as_u64().unwrap());
    let count = |args: &[&str]| -> u64 {
        let out = cijing(&[&["terms", "--format", "json"][..], args].concat(), "");
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()["paragraphs"]
            .as_u64()
            .unwrap()
    };
    let any = count(&["--topic", "security", "--topic", "trade-investment"]);
    let both = count(&["--topic", "security", "--topic", "trade-investment", "--match", "all"]);
    let only_sec = count(&["--topic", "security"]);
    let sec_not_trade = count(&["--topic", "security", "--exclude", "trade-investment"]);
    assert!(both < only_sec && only_sec < any);
    assert_eq!(sec_not_trade + both, only_sec);
    let out = cijing(&["terms", "--topic", "weather"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown topic \"weather\""));

    let a = tsv_rows(&["lda", "--k", "8", "--seed", "42", "--iterations", "50"]);
    let b = tsv_rows(&["lda", "--k", "8", "--seed", "42", "--iterations", "50"]);
    assert_eq!(a, b);
    assert_eq!(a.len(), 1 + 8);
    assert_eq!(cijing(&["lda", "--k", "1"], "").status.code(), Some(2));
}

#[test]
fn plot_prints_each_document_with_its_hits_and_their_places() {
    let out = cijing(&["plot", "合作"], "");
    assert!(out.status.success());
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "doc\tdate\ttokens\thits\tpositions");
    assert_eq!(lines.len(), 18, "one line per document");
    let mut hits = 0;
    for line in &lines[1..] {
        let cells: Vec<&str> = line.split('\t').collect();
        let n: usize = cells[3].parse().unwrap();
        let places: Vec<f64> = cells[4].split_whitespace().map(|p| p.parse().unwrap()).collect();
        assert_eq!(places.len(), n, "{line}");
        assert!(
            places.windows(2).all(|w| w[0] <= w[1])
                && places.iter().all(|p| (0.0..1.0).contains(p)),
            "{line}"
        );
        hits += n;
    }
    // As many as the concordance's lines.
    let kwic = cijing(&["kwic", "合作"], "");
    assert_eq!(hits, stdout(&kwic).lines().count() - 1);
}

/// A file in a fresh temporary directory, for `--add`.
fn temp_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("cijing-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn add_puts_your_own_texts_beside_or_instead_of_the_seeds() {
    let big5 = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/big5.txt");
    let gb = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/gb18030.txt");
    let both = stdout(&cijing(&["docs", "--add", big5, gb], ""));
    assert_eq!(both.lines().count(), 1 + 17 + 2);
    assert!(both.lines().any(|l| l
        .starts_with("mine-big5\t2024-07-04\t上海合作組織成員國加強經濟合作\t\tCN,RU,KZ,SCO\t")));
    let mine = stdout(&cijing(&["docs", "--corpus", "mine", "--add", big5, "--add", gb], ""));
    assert_eq!(mine.lines().count(), 3);
    let seeds = stdout(&cijing(&["docs", "--corpus", "seeds", "--add", big5], ""));
    assert_eq!(seeds.lines().count(), 18);
    // The Traditional text is segmented through its Simplified fold; --aliases counts both forms as one.
    let terms = stdout(&cijing(&["terms", "--corpus", "mine", "--add", big5, "--top", "100"], ""));
    assert!(terms.lines().any(|l| l.starts_with("上海合作組織\t1\t")));
    // The title line is a meta line, out of the body: 成員國 once, in the first paragraph.
    assert!(terms.lines().any(|l| l.starts_with("成員國\t1\t")));
    let merged = stdout(&cijing(
        &["terms", "--corpus", "mine", "--aliases", "--add", big5, "--top", "100"],
        "",
    ));
    assert!(merged.lines().any(|l| l.starts_with("上海合作组织\t1\t")));
}

#[test]
fn add_reads_a_utf8_file_cut_short_and_says_what_it_dropped() {
    let cut = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/cut-utf8.txt");
    let out = cijing(&["text", "--corpus", "mine", "--add", cut], "");
    assert_eq!(stdout(&out), "中国和哈萨克斯坦加强能源合作\n");
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!("cijing: note: {cut}: the file ends inside a character (cut short?); the last 2 bytes were dropped\n")
    );
}

#[test]
fn add_names_the_file_it_cannot_use() {
    let out = cijing(&["docs", "--add", "no-such-file.txt"], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).starts_with("cijing: no-such-file.txt: cannot read: ")
    );

    let png = temp_file("picture.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let out = cijing(&["terms", "--add", png.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!(
            "cijing: {}: this is a PNG image, not text; add .txt, .html, .md or .docx files\n",
            png.display()
        )
    );

    let empty = temp_file("empty.md", b"");
    let out = cijing(&["summary", "--add", empty.to_str().unwrap()], "");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        format!("cijing: {}: the file is empty\n", empty.display())
    );

    let gb = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/gb18030.txt");
    let out = cijing(&["docs", "--add", gb, "--encoding", "utf-8"], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("gb18030.txt: the text could not be decoded as UTF-8"));
    let out = cijing(&["docs", "--add", gb, "--encoding", "latin-99"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown encoding \"latin-99\""));

    let out = cijing(&["docs", "--corpus", "mine"], "");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "cijing: --corpus mine needs your own texts: add them with --add FILE\n"
    );
}

#[test]
fn an_undated_text_takes_its_file_s_day() {
    let path = temp_file("undated.txt", "中国和哈萨克斯坦加强能源合作，推动共同发展。".as_bytes());
    // Modified at noon on day 19876 after 1970-01-01: 2024-06-02.
    let noon = std::time::UNIX_EPOCH + std::time::Duration::from_secs(19_876 * 86_400 + 43_200);
    std::fs::File::options().write(true).open(&path).unwrap().set_modified(noon).unwrap();
    let out = stdout(&cijing(&["docs", "--corpus", "mine", "--add", path.to_str().unwrap()], ""));
    let row: Vec<&str> = out.lines().nth(1).unwrap().split('\t').collect();
    assert_eq!((row[0], row[2], row[4]), ("mine-undated", "undated", "CN,KZ"));
    assert_eq!(row[1], "2024-06-02");
}

#[test]
fn words_file_cuts_its_words_whole_and_names_each_bad_line() {
    // 数字经济 stands 10 times in the seeds, cut 数字 | 经济 by the shipped dictionaries.
    let before = cijing(&["kwic", "数字 经济"], "");
    assert_eq!(stdout(&before).lines().count(), 11);
    let path = std::env::temp_dir().join(format!("cijing-words-{}.txt", std::process::id()));
    std::fs::write(&path, "数字经济 nz\n").unwrap();
    let after = cijing(&["kwic", "数字经济", "--words", path.to_str().unwrap()], "");
    assert!(after.status.success());
    let lines: Vec<String> =
        stdout(&after).lines().skip(1).map(|l| l.split('\t').nth(5).unwrap().to_string()).collect();
    assert_eq!(lines, vec!["数字经济".to_string(); 10]);
    std::fs::write(&path, "数字 经济 nz\n好\n，。\n").unwrap();
    let bad = cijing(&["terms", "--words", path.to_str().unwrap()], "");
    assert_eq!(bad.status.code(), Some(1));
    let name = path.display().to_string();
    assert_eq!(
        String::from_utf8(bad.stderr).unwrap(),
        format!("cijing: {name} line 1: \"经济\" is neither a frequency (a whole number) nor a part-of-speech tag (letters, like n, nr, ns)\n{name} line 3: \"，。\" has no letter or character\n")
    );
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn cells_a_spreadsheet_would_run_are_neutralised_unless_raw() {
    // A text whose short first line (its title) and a word that a
    // spreadsheet would take for formulas.
    let dir = std::env::temp_dir().join(format!("cijing-formula-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("formula.txt");
    std::fs::write(&file, "=1+2 合作\n\n中国和哈萨克斯坦加强能源合作，双方深化合作。\n").unwrap();
    let file = file.to_str().unwrap();
    let titles = |extra: &[&str], format: &str| {
        let mut args = vec!["docs", "--add", file, "--corpus", "mine", "--format", format];
        args.extend_from_slice(extra);
        let out = cijing(&args, "");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        stdout(&out).lines().nth(1).unwrap().to_string()
    };
    assert!(titles(&[], "csv").contains(",'=1+2合作,"), "{}", titles(&[], "csv"));
    assert!(titles(&[], "tsv").contains("\t'=1+2合作\t"), "{}", titles(&[], "tsv"));
    assert!(titles(&["--raw"], "csv").contains(",=1+2合作,"), "{}", titles(&["--raw"], "csv"));
    // Numbers stay numbers: keyness's negative log ratios have no apostrophe.
    let out = stdout(&cijing(&["keyness", "--party", "KG", "--format", "csv", "--top", "200"], ""));
    assert!(out.contains(",-") && !out.contains(",'-"), "{out}");
    std::fs::remove_dir_all(&dir).ok();
}

/// `cijing` with `args` under a 200 MB address-space limit (so under
/// 200 MB of memory), its stdin read from `stdin_file`.
fn cijing_capped(args: &[&str], stdin_file: &str) -> Output {
    Command::new("prlimit")
        .arg("--as=200000000")
        .arg(env!("CARGO_BIN_EXE_cijing"))
        .args(args)
        .stdin(std::fs::File::open(stdin_file).unwrap())
        .output()
        .expect("prlimit (util-linux) runs")
}

#[test]
fn endless_input_ends_with_a_clear_message_in_bounded_memory() {
    let stderr = |o: &Output| String::from_utf8_lossy(&o.stderr).into_owned();
    // stdin with no line break: the first line is over the limit.
    let out = cijing_capped(&["segment"], "/dev/zero");
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stderr(&out),
        "cijing: stdin line 1 is longer than 1 MB: split it into lines (one paragraph a line) of at most 1 MB\n"
    );
    // A device has no size to check first: reading stops at the limit.
    for args in [&["docs", "--add", "/dev/zero"][..], &["docs", "--words", "/dev/zero"]] {
        let out = cijing_capped(args, "/dev/null");
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        assert_eq!(
            stderr(&out),
            "cijing: /dev/zero: the file is too large (more than 50 MB; the limit is 50 MB a file)\n"
        );
    }
    // Lines below the limit still segment.
    let out = cijing(&["segment"], "中国和哈萨克斯坦加强能源合作。\n");
    assert_eq!(stdout(&out), "中国 和 哈萨克斯坦 加强 能源 合作 。\n");
}

#[test]
fn messages_cannot_harm_a_terminal() {
    let dir = std::env::temp_dir().join(format!("cijing-terminal-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    // A word with an escape sequence and a bell, and a very long bad line.
    let words = dir.join("words.txt");
    let long = "词".repeat(5000);
    std::fs::write(&words, format!("合作 x y z\n\u{1b}[31m红\u{7} 1 n 9\n{long} 1 n 9\n")).unwrap();
    let out = cijing(&["docs", "--words", words.to_str().unwrap()], "");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!err.contains('\u{1b}') && !err.contains('\u{7}'), "{err:?}");
    assert!(err.contains("\\u{1b}[31m红\\u{7}"), "{err}");
    assert!(err.lines().all(|l| l.chars().count() < 400), "a long line is cut");
    assert!(err.contains("characters in all)"), "{err}");
    // A dictionary of 1,000 bad lines: 20 shown, the rest counted.
    let bad = dir.join("bad.txt");
    std::fs::write(&bad, "合作 x y z\n".repeat(1000)).unwrap();
    let out = cijing(&["docs", "--words", bad.to_str().unwrap()], "");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 21, "{err}");
    assert!(err.trim_end().ends_with("… and 980 more"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}
