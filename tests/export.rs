//! Export formats.
use cijing_view::export::{csv, file_name};

#[test]
fn csv_quotes_what_needs_quoting_and_starts_with_a_bom() {
    let text = csv(
        &["term", "count"],
        &[vec!["合作".into(), "475".into()], vec!["a,b".into(), "say \"hi\"\nthere".into()]],
    );
    assert_eq!(text, "\u{feff}term,count\r\n合作,475\r\n\"a,b\",\"say \"\"hi\"\"\nthere\"\r\n");
}

#[test]
fn file_names_say_what_they_contain() {
    assert_eq!(
        file_name(&["terms", "all documents", "top 20"], "csv"),
        "cijing-terms_all-documents_top-20.csv"
    );
    assert_eq!(file_name(&["contexts", "合作", "KG/TJ"], "csv"), "cijing-contexts_合作_kg-tj.csv");
    assert_eq!(file_name(&["trends", "", "  "], "svg"), "cijing-trends.svg");
    assert!(file_name(&[&"长".repeat(300)], "png").chars().count() <= 124);
}

#[test]
fn csv_cells_a_spreadsheet_would_run_get_an_apostrophe() {
    let rows = vec![
        vec!["=HYPERLINK(\"http://x\")".to_string(), "-1.25".to_string()],
        vec!["+合作".to_string(), "@A1".to_string()],
        vec!["\tx".to_string(), "合作".to_string()],
    ];
    let text = cijing_view::export::csv(&["term", "value"], &rows);
    assert_eq!(
        text,
        "\u{feff}term,value\r\n\"'=HYPERLINK(\"\"http://x\"\")\",-1.25\r\n'+合作,'@A1\r\n'\tx,合作\r\n"
    );
}
