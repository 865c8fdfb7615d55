//! The `cijing` command line, run as a user would.
use std::io::Write;
use std::process::{Command, Output, Stdio};

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
    assert_eq!(&first[..5], ["cn-kg-2023-statement", "2023-05-18", "中华人民共和国和吉尔吉斯共和国联合声明", "新华社", "CN,KG"]);
    assert!(first[5].parse::<usize>().unwrap() > 4000 && first[6].parse::<usize>().unwrap() > 1500);
    assert!(lines.iter().any(|l| l.starts_with("cn-tj-2024-zaobao\t2024-07-06\t中国塔吉克斯坦建立新时代全面战略合作伙伴关系\t联合早报")));
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
    assert_eq!(lines[0], "term\tcount\tper_10k\tdocs");
    assert_eq!(lines.len(), 4);
    assert!(lines[1].starts_with("合作\t"));
    assert!(lines[1].ends_with("\t17"), "合作 is in all 17 documents: {}", lines[1]);

    let csv = stdout(&cijing(&["terms", "--top", "2", "--format", "csv", "--doc", "cn-ru-2019-strategic-stability"], ""));
    assert_eq!(csv, "term,count,per_10k,docs\n双方,26,213.46,1\n国际,24,197.04,1\n");

    let json: serde_json::Value =
        serde_json::from_str(&stdout(&cijing(&["terms", "--top", "5", "--format", "json"], ""))).unwrap();
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

    for args in [&["terms", "--format", "xml"][..], &["terms", "--top", "many"], &["frobnicate"], &["segment", "--mode", "fast"]] {
        let out = cijing(args, "");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!out.stderr.is_empty(), "{args:?} explains itself");
    }
    assert_eq!(cijing(&["--help"], "").status.code(), Some(0));
}
