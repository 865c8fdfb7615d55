//! Charts: one bar per term, lines per series with years on the axis, a
//! deterministic, non-overlapping word cloud; all text escaped.
use cijing_engine::charts::{
    bar_chart_svg, cloud_layout, fit_text, line_chart_svg, text_width, word_cloud_svg, ChartText,
    Placed,
};

fn bars(items: &[(&str, f64)]) -> Vec<(String, f64)> {
    items.iter().map(|(l, v)| (l.to_string(), *v)).collect()
}

fn text(title: &str, subtitle: &str) -> ChartText {
    ChartText { title: title.into(), subtitle: subtitle.into() }
}

fn has_label(svg: &str, label: &str) -> bool {
    svg.contains(&format!("\n{label}\n</text>"))
}

#[test]
fn one_bar_per_term_with_labels_title_and_selection() {
    let svg = bar_chart_svg(
        &bars(&[("合作", 475.0), ("双方", 368.0), ("发展", 253.0)]),
        &text("高频词", "全部文献 · 17 篇"),
        "次数",
        600,
    )
    .unwrap();
    assert!(svg.starts_with("<svg"));
    assert_eq!(svg.matches(r##"fill="#2B6CB0""##).count(), 3, "{svg}");
    // Each bar and its label are marked with the row, top first (the page
    // finds a clicked bar's row by this mark, not by its colour or text);
    // the top bar is the longest.
    let marked = |tag: &str| -> Vec<(String, String)> {
        svg.split(&format!("<{tag} data-bar=\""))
            .skip(1)
            .map(|rest| {
                let (row, rest) = rest.split_once('"').unwrap();
                let content =
                    rest.split_once(">\n").and_then(|(_, c)| c.lines().next()).unwrap_or("");
                let width =
                    rest.split("width=\"").nth(1).map_or("", |w| &w[..w.find('"').unwrap()]);
                (
                    row.to_string(),
                    if tag == "text" { content.to_string() } else { width.to_string() },
                )
            })
            .collect()
    };
    let rects = marked("rect");
    assert_eq!(rects.iter().map(|(row, _)| row.as_str()).collect::<Vec<_>>(), ["0", "1", "2"]);
    let width = |row: usize| rects[row].1.parse::<f64>().unwrap();
    assert!(width(0) > width(1) && width(1) > width(2), "{svg}");
    let mut labels = marked("text");
    labels.sort();
    assert_eq!(
        labels,
        [("0".into(), "合作".into()), ("1".into(), "双方".into()), ("2".into(), "发展".into())]
    );
    for label in ["合作", "双方", "发展", "高频词", "全部文献 · 17 篇"] {
        assert!(has_label(&svg, label), "label {label} missing");
    }
}

#[test]
fn markup_in_terms_titles_and_selections_is_escaped() {
    let svg = bar_chart_svg(
        &bars(&[("<b>", 3.0), ("a&b", 2.0)]),
        &text("<script>alert(1)</script>", "<i>sel</i>"),
        "x",
        400,
    )
    .unwrap();
    assert!(
        !svg.contains("<b>") && !svg.contains("<script>") && !svg.contains("<i>"),
        "raw markup reached the SVG"
    );
    assert!(svg.contains("&lt;b&gt;") && svg.contains("a&amp;b") && svg.contains("&lt;script&gt;"));
    let cloud = word_cloud_svg(&bars(&[("<b>", 3.0)]), &text("t", "s"), 400).unwrap();
    assert!(!cloud.contains("<b>") && cloud.contains("&lt;b&gt;"));
    let lines = line_chart_svg(
        &[("<b>".into(), vec![1.0, 2.0])],
        &["2019".into(), "2020".into()],
        &text("t", "s"),
        "y",
        400,
    )
    .unwrap();
    assert!(!lines.contains("<b>") && lines.contains("&lt;b&gt;"));
}

#[test]
fn empty_selection_still_draws_axes() {
    let svg = bar_chart_svg(&[], &text("nothing", ""), "x", 400).unwrap();
    assert!(svg.contains("</svg>"));
    assert_eq!(svg.matches(r##"fill="#2B6CB0""##).count(), 0);
    assert!(word_cloud_svg(&[], &text("t", ""), 300).unwrap().contains("</svg>"));
    assert!(line_chart_svg(&[], &[], &text("t", ""), "y", 300).unwrap().contains("</svg>"));
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

#[test]
fn trend_lines_label_each_year_once() {
    let points: Vec<String> =
        ["2019", "2019", "2019", "2023", "2024", "2024"].iter().map(|s| s.to_string()).collect();
    let svg = line_chart_svg(
        &[
            ("合作".into(), vec![1.0, 2.0, 3.0, 2.0, 1.0, 4.0]),
            ("安全".into(), vec![0.0, 1.0, 0.0, 2.0, 3.0, 1.0]),
        ],
        &points,
        &text("趋势", "全部文献"),
        "每万词",
        600,
    )
    .unwrap();
    for year in ["2019", "2023", "2024"] {
        assert_eq!(svg.matches(&format!("\n{year}\n</text>")).count(), 1, "{year} labelled once");
    }
    assert!(has_label(&svg, "合作") && has_label(&svg, "安全"), "legend names each series");
    assert_eq!(svg.matches("<circle").count(), 12, "a marker per point");
}

#[test]
fn the_cloud_is_deterministic_inside_and_without_overlaps() {
    let words: Vec<(String, f64)> =
        (0..40).map(|i| (format!("词{i}"), 100.0 / (i as f64 + 1.0))).collect();
    let a = cloud_layout(&words, 600.0, 320.0);
    let b = cloud_layout(&words, 600.0, 320.0);
    assert_eq!(a, b);
    assert!(a.len() >= 30, "most words fit ({} of 40)", a.len());
    assert_eq!(a[0].word, "词0");
    assert!(
        (a[0].x - 300.0).abs() < 1.0 && (a[0].y - 160.0).abs() < 1.0,
        "the heaviest word is in the centre"
    );
    assert!(a[0].size > a[10].size);
    for (i, p) in a.iter().enumerate() {
        assert!(
            p.x - p.w / 2.0 >= 0.0
                && p.x + p.w / 2.0 <= 600.0
                && p.y - p.h / 2.0 >= 0.0
                && p.y + p.h / 2.0 <= 320.0
        );
        for q in &a[i + 1..] {
            let apart =
                (p.x - q.x).abs() * 2.0 >= p.w + q.w || (p.y - q.y).abs() * 2.0 >= p.h + q.h;
            assert!(apart, "{} overlaps {}", p.word, q.word);
        }
    }
}

/// The cloud's rule written plainly: heaviest first, each word at the first
/// spot along the spiral (t = 0, 0.05, … below 200) inside the area and
/// clear of every word placed so far.
fn first_free_spots(words: &[(String, f64)], width: f64, height: f64) -> Vec<Placed> {
    let max = words.iter().map(|(_, w)| *w).fold(0.0f64, f64::max);
    let (min_size, max_size) = (13.0, (height / 5.0).clamp(24.0, 64.0));
    let mut order: Vec<&(String, f64)> = words.iter().filter(|(_, w)| *w > 0.0).collect();
    order.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut placed: Vec<Placed> = Vec::new();
    for (word, weight) in order {
        let size = min_size + (max_size - min_size) * (weight / max).sqrt();
        let (w, h) = (text_width(word, size) + 4.0, size * 1.15);
        let mut t = 0.0f64;
        while t < 200.0 {
            let r = 3.0 * t;
            let (x, y) =
                (width / 2.0 + r * t.cos() * (width / height).max(1.0), height / 2.0 + r * t.sin());
            let inside = x - w / 2.0 >= 2.0
                && x + w / 2.0 <= width - 2.0
                && y - h / 2.0 >= 2.0
                && y + h / 2.0 <= height - 2.0;
            let free = placed
                .iter()
                .all(|p| (x - p.x).abs() * 2.0 >= w + p.w || (y - p.y).abs() * 2.0 >= h + p.h);
            if inside && free {
                placed.push(Placed { word: word.clone(), x, y, size, w, h });
                break;
            }
            t += 0.05;
        }
    }
    placed
}

#[test]
fn the_cloud_puts_each_word_at_its_first_free_spot() {
    // Words of 1–6 characters, Chinese and Latin, weights spread unevenly;
    // more words than fit, in wide, square and narrow areas.
    let mut seed = 7u64;
    let mut next = move || {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    for (n, width, height) in
        [(75, 570.0, 270.0), (50, 300.0, 260.0), (300, 1100.0, 460.0), (30, 260.0, 400.0)]
    {
        let words: Vec<(String, f64)> = (0..n)
            .map(|i| {
                let len = 1 + next() % 6;
                let word: String = (0..len)
                    .map(|k| {
                        if (i + k) % 5 == 0 {
                            char::from(b'a' + (next() % 26) as u8)
                        } else {
                            char::from_u32(0x4E00 + (next() % 2000) as u32).unwrap()
                        }
                    })
                    .collect();
                (format!("{word}{i}"), 1.0 + (next() % 400) as f64 / (1.0 + i as f64))
            })
            .collect();
        let expected = first_free_spots(&words, width, height);
        assert!(expected.len() < n, "some words do not fit in {width}×{height}");
        assert_eq!(cloud_layout(&words, width, height), expected, "{n} words in {width}×{height}");
    }
}

#[test]
fn heatmap_cells_follow_the_background_row_by_row() {
    use cijing_engine::charts::heatmap_svg;
    let rows = vec![
        ("安全".to_string(), "#a12a2a".to_string()),
        ("<b>贸易</b>".to_string(), "#9c4a00".to_string()),
    ];
    let cols: Vec<String> = ["2019", "2019", "2024"].iter().map(|s| s.to_string()).collect();
    let values = vec![vec![1.0, 0.0, 0.5], vec![0.0, 0.25, 1.0]];
    let svg = heatmap_svg(&rows, &cols, &values, &text("话题", "全部"), 500).unwrap();
    let rects: Vec<&str> = svg.split("<rect").skip(1).collect();
    assert_eq!(rects.len(), 1 + 6, "background and six cells");
    // A full cell takes the topic colour; an empty one is near white.
    assert!(rects[1].contains(r##"fill="#A12A2A""##), "{}", rects[1]);
    // Empty: 6 % of #a12a2a over white: 255 − 94 × 0.06 = 249 (F9), 255 − 213 × 0.06 = 242 (F2).
    assert!(rects[2].contains(r##"fill="#F9F2F2""##), "{}", rects[2]);
    assert_eq!(svg.matches("\n2019\n</text>").count(), 1);
    assert!(has_label(&svg, "2024") && has_label(&svg, "安全"));
    assert!(!svg.contains("<b>"));
}

#[test]
fn dispersion_plot_has_a_strip_per_document_and_a_tick_per_hit_in_one_path() {
    use cijing_engine::charts::dispersion_plot_svg;
    let strips = vec![
        ("2023-05-18 <b>a</b>".to_string(), vec![0.0, 0.5, 0.99]),
        ("2024-07-04 b".to_string(), vec![]),
        ("c".to_string(), vec![1.0]),
    ];
    let svg = dispersion_plot_svg(&strips, &text("分布图", "全部文献"), 600).unwrap();
    assert!(svg.starts_with("<svg"));
    assert_eq!(svg.matches(r##"fill="#E3E7EC""##).count(), 3, "one strip per document: {svg}");
    // Each strip's background and label carry its row, as its ticks do.
    for r in 0..3 {
        let mark = format!("data-strip=\"{r}\"");
        assert!(
            svg.contains(&format!("<rect {mark}")) && svg.contains(&format!("<text {mark}")),
            "{r}"
        );
    }
    // One path per strip with hits, a subpath per hit. 600 px wide: the
    // widest label (the first, 19 ASCII characters at 0.6 × 14 px = 159.6)
    // + 14 = 173.6 px of labels, 44 px of counts and 8 of margin leave a
    // 374.4 px strip from x = 173 to 548; a tick at position p is at
    // 173 + round(p × 374.4): 173, 360 (p = 0.5), 544 (0.99), 547 (1.0, the
    // strip's last pixel). Rows are 24 px from y = 44; a tick is 18 px tall
    // from 3 px below its row's top.
    assert_eq!(svg.matches(r##"fill="#2B6CB0""##).count(), 2, "{svg}");
    assert!(
        svg.contains(r##"<path data-strip="0" fill="#2B6CB0" d="M173 47h1v18h-1zM360 47h1v18h-1zM544 47h1v18h-1z"/>"##),
        "{svg}"
    );
    assert!(
        svg.contains(r##"<path data-strip="2" fill="#2B6CB0" d="M547 95h1v18h-1z"/>"##),
        "{svg}"
    );
    assert!(svg.trim_end().ends_with("</svg>"));
    assert!(!svg.contains("<b>"), "raw markup reached the SVG");
    for label in ["3", "0", "1", "c", "分布图"] {
        assert!(has_label(&svg, label), "label {label} missing");
    }
}

#[test]
fn the_trend_legend_sits_above_the_plot_never_over_a_point() {
    // The first points are the highest, where a legend in the plot's
    // corner would cover them. At 400 px the entries (the name at 19.84 px
    // a character, plus 48 px of line and gap) flow into 320 px: 上海合作组织,
    // then 全面战略伙伴关系, then 一带一路 and 命运共同体, then 互联互通.
    let names = ["上海合作组织", "全面战略伙伴关系", "一带一路", "命运共同体", "互联互通"];
    let series: Vec<(String, Vec<f64>)> =
        names.iter().map(|n| (n.to_string(), vec![9.0, 8.5, 1.0, 0.5])).collect();
    let points: Vec<String> =
        ["2019", "2020", "2023", "2024"].iter().map(|s| s.to_string()).collect();
    let svg = line_chart_svg(&series, &points, &text("趋势", "全部文献"), "每万词", 400).unwrap();
    let attr = |tag: &str, name: &str| -> f64 {
        let at = tag.find(&format!(" {name}=\"")).unwrap_or_else(|| panic!("{name} in {tag}"))
            + name.len()
            + 3;
        tag[at..].split('"').next().unwrap().parse().unwrap()
    };
    let top_point =
        svg.split("<circle").skip(1).map(|c| attr(c, "cy") - 4.0).fold(f64::MAX, f64::min);
    let mut rows = std::collections::BTreeSet::new();
    for name in names {
        let at = svg
            .find(&format!("\n{name}\n</text>"))
            .unwrap_or_else(|| panic!("legend names {name}"));
        let tag = &svg[svg[..at].rfind("<text").unwrap()..at];
        let y = attr(tag, "y");
        assert!(y + 10.0 < top_point, "{name} at y {y} is above the highest point ({top_point})");
        rows.insert(y as i64);
    }
    assert_eq!(rows.len(), 4, "the names take four rows: {rows:?}");
}

#[test]
fn cloud_words_and_heat_map_cells_carry_their_marks() {
    let words = bars(&[("合作", 9.0), ("a\"<b>", 5.0)]);
    let svg = word_cloud_svg(&words, &text("t", "s"), 600).unwrap();
    assert_eq!(svg.matches("data-term=\"合作\"").count(), 1, "{svg}");
    // A word with markup in it is escaped in its mark, as in its text.
    assert_eq!(svg.matches("data-term=\"a&quot;&lt;b&gt;\"").count(), 1, "{svg}");
    let rows =
        [("贸易".to_string(), "#2B6CB0".to_string()), ("安全".to_string(), "#C0392B".to_string())];
    let columns = ["2019".to_string(), "2020".to_string(), "2020".to_string()];
    let values = [vec![0.0, 0.5, 1.0], vec![1.0, 0.0, 0.25]];
    let svg =
        cijing_engine::charts::heatmap_svg(&rows, &columns, &values, &text("t", "s"), 600).unwrap();
    for r in 0..2 {
        assert_eq!(svg.matches(&format!("<text data-row=\"{r}\"")).count(), 1, "{svg}");
        for c in 0..3 {
            let cell = format!("<rect data-row=\"{r}\" data-column=\"{c}\"");
            assert_eq!(svg.matches(&cell).count(), 1, "{cell}");
        }
    }
    assert_eq!(svg.matches("data-column=").count(), 6);
}
