//! Extraction cleanup, on small hand-made inputs and on real spots of the seeds.
use cijing_engine::corpus::CleanDocument;
use cijing_engine::text::clean::{clean_text, fix_spacing, html_to_text};

fn paragraphs(raw: &str) -> Vec<String> {
    clean_text(raw).paragraphs
}

#[test]
fn spaced_out_glyphs_are_joined() {
    assert_eq!(
        fix_spacing("全 国 代 表 大 会 取 得 圆 满 成 功", false),
        "全国代表大会取得圆满成功"
    );
    assert_eq!(
        fix_spacing("共同落实好 《中 长 期 经 贸 合 作 规 划 （至 2030 年）》", false),
        "共同落实好《中长期经贸合作规划（至2030年）》"
    );
    assert_eq!(fix_spacing("于 2023 年 5 月 17 日至", false), "于2023年5月17日至");
    // Latin words keep their spaces.
    assert_eq!(fix_spacing("发展 and 民生，5G  技术", false), "发展 and 民生，5G 技术");
    // In a heading, words of several glyphs stay apart; spaced-out glyphs join.
    assert_eq!(
        fix_spacing("坚持可持续发展 共创繁荣美好世界", true),
        "坚持可持续发展 共创繁荣美好世界"
    );
    assert_eq!(fix_spacing("全 国 代 表", true), "全国代表");
}

#[test]
fn hard_wrapped_lines_join_and_blank_lines_inside_sentences_vanish() {
    let raw = "两国元首高度评价中华人民共和国和吉尔\n吉斯共和国建交31年来各领域合作取得的丰硕\n成果。双方指出，两国关系发展奠定了坚实\n\n的法律基础，重申恪守这些文件的基本原则。\n\n一、双方高度评价中吉关系现状。为进一\n步巩固和深化中吉关系，双方决定建立新时代\n全面战略伙伴关系。\n";
    assert_eq!(
        paragraphs(raw),
        [
            "两国元首高度评价中华人民共和国和吉尔吉斯共和国建交31年来各领域合作取得的丰硕成果。双方指出，两国关系发展奠定了坚实的法律基础，重申恪守这些文件的基本原则。",
            "一、双方高度评价中吉关系现状。为进一步巩固和深化中吉关系，双方决定建立新时代全面战略伙伴关系。",
        ]
    );
}

#[test]
fn short_lines_end_paragraphs_and_headings_stand_alone() {
    let raw = "中俄关系进入新时代，迎来更大发展的新机遇。着眼未来\n双方将采取以下措施，推动各领域合作深入发展。\n政治合作\n中俄关系将继续以牢固的政治信任为基石，发挥两国元\n首战略引领作用。\n";
    assert_eq!(
        paragraphs(raw),
        [
            "中俄关系进入新时代，迎来更大发展的新机遇。着眼未来双方将采取以下措施，推动各领域合作深入发展。",
            "政治合作",
            "中俄关系将继续以牢固的政治信任为基石，发挥两国元首战略引领作用。",
        ]
    );
}

#[test]
fn unwrapped_text_keeps_one_paragraph_per_line_but_mends_a_sentence_cut_by_a_headline() {
    let long =
        "巴基斯坦首任上海合作组织国家协调员巴巴尔·阿明亲眼见证上合组织发展历程。阿明认同习近平主席关于“阿富汗是地";
    let raw = format!("{long}\n\n\n\n区安全不可或缺的一环”的论述。\n\n巩固务实合作 共促地区和平发展\n\n第二段内容。\n");
    assert_eq!(
        paragraphs(&raw),
        [
            format!("{long}区安全不可或缺的一环”的论述。"),
            "巩固务实合作 共促地区和平发展".into(),
            "第二段内容。".into()
        ]
    );
}

#[test]
fn page_furniture_goes() {
    let raw = "（上接第二版）反对任何形式的“台湾独立”。\n\n23\n\n（上接一版）习近平强调，我们的合作根植于友好往来。\n";
    assert_eq!(
        paragraphs(raw),
        ["反对任何形式的“台湾独立”。", "习近平强调，我们的合作根植于友好往来。"]
    );
}

#[test]
fn html_tags_attributes_captions_and_entities_are_handled() {
    let html = r#"<div><figure><img src="https://x/a.jpg" alt="图 a>b" title="t"></figure><figcaption>图片说明（法新社）</figcaption> <p>第一段&amp;内容。</p><section id="ad"><div id="dfp"></div></section><p>第二段 &lt;b&gt; &#x4E2D;&#25991;</p></div>"#;
    let text = html_to_text(html);
    assert!(
        !text.contains("图片说明") && !text.contains("a.jpg") && !text.contains("dfp"),
        "{text}"
    );
    assert_eq!(paragraphs(html), ["第一段&内容。", "第二段<b>中文"]);
}

#[test]
fn front_matter_and_markdown_links_are_stripped_and_the_fields_kept() {
    let raw = "---\nlayout: post\ntitle: \"标题\"\ndate: 2024-07-06T00:43:13.000Z\n---\n<!--1720226593000-->\n[标题](https://example.org/a)\n------\n\n<p>正文第一段。![图](x.png)</p>\n";
    let cleaned = clean_text(raw);
    assert_eq!(cleaned.paragraphs, ["标题", "正文第一段。"]);
    assert_eq!(cleaned.front_matter[1], ("title".to_string(), "标题".to_string()));
    assert_eq!(cleaned.front_matter[2].1, "2024-07-06T00:43:13.000Z");
}

#[test]
fn empty_and_odd_input_never_panics() {
    for raw in [
        "",
        "\n\n\n",
        "<",
        "<p",
        "&",
        "&#99999999;",
        "[a](",
        "---\n",
        "（上接",
        "　　全",
        "a\u{feff}b",
    ] {
        let _ = clean_text(raw);
    }
    assert_eq!(paragraphs("   \n\t\n"), Vec::<String>::new());
}

// ------------------------------------------------------------ the real seeds

fn doc(id: &str) -> CleanDocument {
    cijing_seeds::documents()
        .into_iter()
        .find(|d| d.info.id == id)
        .unwrap_or_else(|| panic!("no document {id}"))
}

fn contains(d: &CleanDocument, needle: &str) -> bool {
    d.paragraphs.iter().any(|p| p.contains(needle))
}

#[test]
fn words_broken_across_lines_and_blank_lines_come_back_whole() {
    let kg = doc("cn-kg-2023-statement");
    for needle in [
        "吉尔吉斯共和国总统扎帕罗夫于2023年5月17日至20日对中华人民共和国进行国事访问", // 吉尔 / 吉斯, spaced digits
        "中国共产党第二十次全国代表大会取得圆满成功", // 全 / 国 代 表 大 会
        "坚决反对将人权问题政治化、工具化，搞双重标准，坚决反对", // blank line inside 标 / 准
        "保护外国投资者利益。",                       // blank line before 利益
        "共同落实好《中长期经贸合作规划（至2030年）》",
    ] {
        assert!(contains(&kg, needle), "cn-kg-2023-statement lacks {needle:?}");
    }
    let tj = doc("cn-tj-2025-meeting");
    assert!(contains(&tj, "取得更多务实成果，高质量构建中塔命运共同体。"));
    let spief = doc("cn-ru-2019-spief-speech");
    assert!(
        contains(&spief, "为广大发展中国家创造更多机会。"),
        "the page number 23 sat inside this sentence"
    );
    let commentary = doc("sco-2024-astana-commentary");
    assert!(contains(&commentary, "阿明认同习近平主席关于“阿富汗是地区安全不可或缺的一环”的论述"));
}

#[test]
fn no_markup_front_matter_or_furniture_survives() {
    for d in cijing_seeds::documents() {
        for p in &d.paragraphs {
            for bad in ["<", ">", "layout:", "http", "（上接", "---", "](", "&amp;"] {
                assert!(!p.contains(bad), "{}: {bad:?} in {p:?}", d.info.id);
            }
            assert!(
                !p.chars().all(|c| c.is_ascii_digit()),
                "{}: bare page number {p:?}",
                d.info.id
            );
        }
    }
    let zaobao = doc("cn-tj-2024-zaobao");
    assert!(!contains(&zaobao, "法新社"), "the photo caption is not article text");
    assert!(zaobao.paragraphs[0].starts_with("中国国家主席习近平同塔吉克斯坦总统拉赫蒙举行会谈后"));
}

#[test]
fn paragraph_counts() {
    // Counted by hand: 12 <p> in the Zaobao page; 3 paragraphs under the media
    // headline; the commentary's 32 non-blank lines less 2 headline lines,
    // 1 dateline, and the sentence the headline cut in two.
    assert_eq!(doc("cn-tj-2024-zaobao").paragraphs.len(), 12);
    assert_eq!(doc("cn-tj-2024-media").paragraphs.len(), 3);
    assert_eq!(doc("sco-2024-astana-commentary").paragraphs.len(), 28);
    let partnership = doc("cn-ru-2019-partnership");
    for heading in ["一", "二", "政治合作", "安全合作", "务实合作", "人文交流", "国际协作"]
    {
        assert!(
            partnership.paragraphs.iter().any(|p| p == heading),
            "heading {heading} stands alone"
        );
    }
    assert!(partnership.paragraphs.iter().any(|p| p == "——高度的政治互信；"));
}
