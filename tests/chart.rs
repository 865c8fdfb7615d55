//! The SVG bar chart: one bar per term, labels escaped.
use cijing::engine::chart::bar_chart_svg;

fn bars(items: &[(&str, f64)]) -> Vec<(String, f64)> {
    items.iter().map(|(l, v)| (l.to_string(), *v)).collect()
}

#[test]
fn one_bar_per_term_with_labels() {
    let svg = bar_chart_svg(&bars(&[("合作", 475.0), ("双方", 368.0), ("发展", 253.0)]), "高频词", "次数", 600).unwrap();
    assert!(svg.starts_with("<svg"));
    assert_eq!(svg.matches(r##"fill="#2B6CB0""##).count(), 3, "{svg}");
    for label in ["合作", "双方", "发展", "高频词"] {
        assert!(svg.contains(&format!("\n{label}\n</text>")), "label {label} missing");
    }
}

#[test]
fn markup_in_terms_and_captions_is_escaped() {
    let svg = bar_chart_svg(&bars(&[("<b>", 3.0), ("a&b", 2.0)]), "<script>alert(1)</script>", "x", 400).unwrap();
    assert!(!svg.contains("<b>"), "raw <b> reached the SVG");
    assert!(!svg.contains("<script>"));
    assert!(svg.contains("&lt;b&gt;"));
    assert!(svg.contains("a&amp;b"));
    assert!(svg.contains("&lt;script&gt;"));
}

#[test]
fn empty_selection_still_draws_axes() {
    let svg = bar_chart_svg(&[], "nothing", "x", 400).unwrap();
    assert!(svg.contains("</svg>"));
    assert_eq!(svg.matches(r##"fill="#2B6CB0""##).count(), 0);
}
