//! Every number the CLI printed before a change is still printed after it:
//! each command in `tests/golden/commands.txt` is run and its output compared
//! byte for byte with `tests/golden/NN.out` (NN its line among the commands).
//! A change that means to move a figure refreshes the files with
//! `CIJING_BLESS=1 cargo test --test golden` and says why in its commit.

use std::path::Path;
use std::process::Command;

/// Splits a command line on spaces; `"…"` keeps spaces inside an argument.
fn split_args(line: &str) -> Vec<String> {
    let mut args = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in line.chars() {
        match c {
            '"' => quoted = !quoted,
            ' ' if !quoted => {
                if !current.is_empty() {
                    args.push(std::mem::take(&mut current));
                }
            }
            c => current.push(c),
        }
    }
    if !current.is_empty() {
        args.push(current);
    }
    args
}

#[test]
fn split_args_keeps_quoted_spaces() {
    assert_eq!(split_args("kwic \"全面 战略\" --limit 3"), ["kwic", "全面 战略", "--limit", "3"]);
}

#[test]
fn cli_output_matches_the_recorded_output() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let commands =
        std::fs::read_to_string(dir.join("commands.txt")).expect("tests/golden/commands.txt");
    let bless = std::env::var_os("CIJING_BLESS").is_some();
    let mut differ = Vec::new();
    let mut n = 0;
    for line in commands.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        n += 1;
        let out = Command::new(env!("CARGO_BIN_EXE_cijing"))
            .args(split_args(line))
            .output()
            .expect("cijing runs");
        assert!(
            out.status.success(),
            "`cijing {line}` failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let file = dir.join(format!("{n:02}.out"));
        if bless {
            std::fs::write(&file, &out.stdout).expect("tests/golden is writable");
            continue;
        }
        let expected = std::fs::read(&file).unwrap_or_else(|e| {
            panic!("{}: {e} (run with CIJING_BLESS=1 to record)", file.display())
        });
        if expected != out.stdout {
            let got = String::from_utf8_lossy(&out.stdout);
            let want = String::from_utf8_lossy(&expected);
            let first = got
                .lines()
                .zip(want.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(got.lines().count().min(want.lines().count()));
            differ.push(format!(
                "`cijing {line}` ({}): first difference at output line {}:\n  now:    {}\n  before: {}",
                file.display(),
                first + 1,
                got.lines().nth(first).unwrap_or("(end)"),
                want.lines().nth(first).unwrap_or("(end)")
            ));
        }
    }
    assert!(n >= 30, "only {n} golden commands");
    assert!(
        differ.is_empty(),
        "{} of {n} commands print something else now:\n{}",
        differ.len(),
        differ.join("\n")
    );
}
