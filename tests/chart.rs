//! The SVG bar chart: one bar per term, labels escaped.
use cijing::engine::chart::{bar_chart_svg, fit_text};

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

#[test]
fn long_captions_are_shortened_to_fit() {
    // 10 CJK glyphs at 10 px = 100 px.
    assert_eq!(fit_text("一二三四五六七八九十", 100.0, 10.0), "一二三四五六七八九十");
    // In 95 px: the ellipsis (10 px) plus 8 glyphs (80 px) fit, a 9th would not.
    assert_eq!(fit_text("一二三四五六七八九十", 95.0, 10.0), "一二三四五六七八…");
    // ASCII counts 0.6 em: "abcde" is 30 px.
    assert_eq!(fit_text("abcde", 30.0, 10.0), "abcde");
}
