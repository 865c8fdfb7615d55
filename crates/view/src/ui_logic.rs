//! What the web face writes and picks, as plain functions of plain data
//! (filters, documents, topics, rows, the language): captions, file-name
//! parts, the keyness split and the panels' first row. Outside the wasm-only `ui` module so it is
//! tested natively; the `ui` wrappers gather the data and call these.

use crate::i18n::t;
use crate::view_state::{Lang, Panel};
use cijing_engine::corpus::selection::{Filter, TopicMatch};
use cijing_engine::statistics::keyness::{Direction, KeynessRow};
use cijing_engine::statistics::topics::Topic;

/// A selected document as captions name it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DocLabel<'a> {
    pub title: &'a str,
    /// ISO date, `YYYY-MM-DD`.
    pub date: &'a str,
}

/// A topic's name in the interface language.
pub fn topic_name(lang: Lang, topic: &Topic) -> &str {
    if lang == Lang::Zh {
        &topic.zh
    } else {
        &topic.en
    }
}

fn year(date: &str) -> &str {
    date.get(..4).unwrap_or(date)
}

/// A short description of a selection, for chart captions: "全部文献 (17) ·
/// 2019–2025" or "3 documents · KG · 2023–2025 · Security −Finance".
/// `docs` are the selected documents, `topics` every known topic (for the
/// names of the topic filter's ids).
pub fn describe_selection(
    lang: Lang,
    filter: &Filter,
    merge_aliases: bool,
    docs: &[DocLabel],
    topics: &[Topic],
) -> String {
    let mut parts = Vec::new();
    let unfiltered = filter.docs.is_empty()
        && filter.from.is_none()
        && filter.to.is_none()
        && filter.parties.is_empty()
        && !filter.topics.is_active();
    if unfiltered {
        parts.push(format!("{} ({})", t(lang, "filters.all_docs"), docs.len()));
    } else if docs.len() == 1 {
        parts.push(docs[0].title.to_string());
    } else if lang == Lang::Zh {
        parts.push(format!("{} 篇文献", docs.len()));
    } else {
        parts.push(format!("{} documents", docs.len()));
    }
    if !filter.parties.is_empty() {
        parts.push(filter.parties.join("/"));
    }
    if let (Some(first), Some(last)) =
        (docs.iter().map(|d| d.date).min(), docs.iter().map(|d| d.date).max())
    {
        let (a, b) = (year(first), year(last));
        parts.push(if a == b { a.to_string() } else { format!("{a}–{b}") });
    }
    if filter.topics.is_active() {
        let name = |id: &String| {
            topics
                .iter()
                .find(|tp| &tp.id == id)
                .map_or(id.as_str(), |tp| topic_name(lang, tp))
                .to_string()
        };
        let joiner = if filter.topics.matching == TopicMatch::All { " & " } else { " / " };
        let mut text = filter.topics.include.iter().map(name).collect::<Vec<_>>().join(joiner);
        if !filter.topics.exclude.is_empty() {
            text.push_str(&format!(
                " −{}",
                filter.topics.exclude.iter().map(name).collect::<Vec<_>>().join(" −")
            ));
        }
        parts.push(text.trim().to_string());
    }
    if merge_aliases {
        parts.push(if lang == Lang::Zh { "合并别名".into() } else { "aliases merged".into() });
    }
    parts.join(" · ")
}

/// Short parts for export file names, joined by `_`: the documents (or
/// `all`), parties, date range and included topics chosen.
pub fn selection_slug(filter: &Filter) -> String {
    let mut parts = Vec::new();
    if filter.docs.is_empty() {
        parts.push("all".to_string());
    } else if filter.docs.len() <= 2 {
        parts.push(filter.docs.join("+"));
    } else {
        parts.push(format!("{}docs", filter.docs.len()));
    }
    if !filter.parties.is_empty() {
        parts.push(filter.parties.join("-"));
    }
    if filter.from.is_some() || filter.to.is_some() {
        parts.push(format!(
            "{}-{}",
            filter.from.map(|b| b.to_string()).unwrap_or_default(),
            filter.to.map(|b| b.to_string()).unwrap_or_default()
        ));
    }
    if !filter.topics.include.is_empty() {
        parts.push(filter.topics.include.join("-"));
    }
    parts.join("_")
}

/// The keyness panel's rows: the first `top` over-used terms, then the
/// first `top / 2` under-used ones, each in the table's order.
pub fn keyness_split(rows: &[KeynessRow], top: usize) -> Vec<KeynessRow> {
    let over = rows.iter().filter(|r| r.direction == Direction::Over).take(top);
    let under = rows.iter().filter(|r| r.direction == Direction::Under).take(top / 2);
    over.chain(under).cloned().collect()
}

/// The summary's distinctive terms: up to `n` over-used terms with G² of at
/// least `min_g2`, in the table's order, with their G².
pub fn distinctive_terms(rows: &[KeynessRow], n: usize, min_g2: f64) -> Vec<(String, f64)> {
    rows.iter()
        .filter(|r| r.direction == Direction::Over && r.g2 >= min_g2)
        .take(n)
        .map(|r| (r.term.clone(), r.g2))
        .collect()
}

/// How a link's user topics compare with the saved ones: those whose name
/// the user lacks are offered; a name the user already has (saved) is never
/// replaced by the link's topic of that name, only named here.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LinkTopics {
    /// Topics to offer, in link order, each name once.
    pub offered: Vec<Topic>,
    /// Names in the link that the user has with other keywords.
    pub differing: Vec<String>,
}

/// Compares a link's topics with the saved ones (see [`LinkTopics`]).
pub fn link_topics(saved: &[Topic], link: &[Topic]) -> LinkTopics {
    let mut out = LinkTopics::default();
    for topic in link {
        match saved.iter().find(|s| s.zh == topic.zh) {
            Some(mine) if mine.keywords != topic.keywords => out.differing.push(topic.zh.clone()),
            Some(_) => {}
            None if out.offered.iter().any(|o| o.zh == topic.zh) => {}
            None => out.offered.push(topic.clone()),
        }
    }
    out
}

/// The parts of a saved topic list (`name~kw|kw;…`) that did not load as
/// one of `loaded` (refused names, no keywords, …): kept verbatim so saving
/// never drops them.
pub fn unloaded_parts(saved: &str, loaded: &[Topic]) -> Vec<String> {
    saved
        .split(';')
        .filter(|part| !part.trim().is_empty())
        .filter(|part| {
            let name = part.split_once('~').map_or(*part, |(n, _)| n).trim();
            !loaded.iter().any(|t| t.zh == name)
        })
        .map(str::to_string)
        .collect()
}

/// The text to keep in the browser for `topics`, with the parts that did
/// not load appended as they were.
pub fn saved_text(topics: &[Topic], unloaded: &[String]) -> String {
    let mut parts = vec![crate::view_state::encode_user_topics(topics)];
    parts.extend(unloaded.iter().cloned());
    parts.retain(|p| !p.is_empty());
    parts.join(";")
}

/// The user topics a tab saves: its own `kept` ones, then those another
/// tab saved since (in `stored` now, with an id this tab never `known`), so
/// two tabs never drop each other's topics. A stored topic this tab knew and
/// no longer has was deleted here, and stays deleted; one of ours it knew
/// stored and the store no longer has was deleted there, and goes too.
pub fn merge_topics(kept: &[Topic], stored: &[Topic], known: &[String]) -> Vec<Topic> {
    let deleted_there = |t: &Topic| known.contains(&t.id) && !stored.iter().any(|s| s.id == t.id);
    let mut merged: Vec<Topic> = kept.iter().filter(|t| !deleted_there(t)).cloned().collect();
    merged.extend(
        stored
            .iter()
            .filter(|s| !known.contains(&s.id) && !kept.iter().any(|k| k.id == s.id))
            .cloned(),
    );
    merged
}

/// A tab's user topics after another tab saved `stored`: the stored ones, as
/// saved there (edits included), then this tab's topics that were never
/// stored (a link's topics on offer). One of ours that was stored (`known`)
/// and is no more was deleted there.
pub fn adopt_topics(ours: &[Topic], stored: &[Topic], known: &[String]) -> Vec<Topic> {
    let mut adopted = stored.to_vec();
    adopted.extend(
        ours.iter()
            .filter(|t| !known.contains(&t.id) && !stored.iter().any(|s| s.id == t.id))
            .cloned(),
    );
    adopted
}

/// Whether saving `now` topics is safe when `loaded` were loaded and the
/// user deleted `deleted` of them since: never fewer than loaded, but for
/// deletions.
pub fn may_save(loaded: usize, deleted: usize, now: usize) -> bool {
    now + deleted >= loaded
}

/// Whether a panel spans the page's width (its tables and charts need it).
pub fn is_wide(panel: Panel) -> bool {
    matches!(
        panel,
        Panel::Topics
            | Panel::Terms
            | Panel::Contexts
            | Panel::Reader
            | Panel::Collocates
            | Panel::Texts
    )
}

/// The panels of the page's first row, drawn before the rest: the first
/// panel shown and, with two columns, when it is half-width, the first
/// half-width panel after it (the grid fills that place: it flows dense).
/// Panels are shown in [`Panel::ALL`]'s order.
pub fn first_row(open: &[Panel], two_columns: bool) -> Vec<Panel> {
    let mut shown = Panel::ALL.into_iter().filter(|p| open.contains(p));
    let Some(first) = shown.next() else {
        return Vec::new();
    };
    let beside = if two_columns && !is_wide(first) { shown.find(|p| !is_wide(*p)) } else { None };
    std::iter::once(first).chain(beside).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use cijing_engine::corpus::selection::TopicFilter;

    fn docs() -> Vec<DocLabel<'static>> {
        vec![
            DocLabel { title: "中吉联合声明", date: "2023-05-18" },
            DocLabel { title: "Media article", date: "2019-06-12" },
            DocLabel { title: "Treaty", date: "2025-06-17" },
        ]
    }

    fn topic(id: &str, zh: &str, en: &str) -> Topic {
        Topic {
            id: id.into(),
            zh: zh.into(),
            en: en.into(),
            color: "#000000".into(),
            keywords: vec!["合作".into()],
            user: false,
        }
    }

    fn row(term: &str, direction: &str, g2: f64) -> KeynessRow {
        let direction = if direction == "over" { Direction::Over } else { Direction::Under };
        KeynessRow {
            term: term.into(),
            target_count: 1,
            reference_count: 1,
            target_per_10k: 1.0,
            reference_per_10k: 1.0,
            g2,
            log_ratio: 0.0,
            significance: "ns",
            direction,
            bonferroni: false,
        }
    }

    #[test]
    fn the_whole_corpus_is_called_all_documents_with_its_years() {
        let f = Filter::default();
        assert_eq!(
            describe_selection(Lang::Zh, &f, false, &docs(), &[]),
            "全部文献 (3) · 2019–2025"
        );
        assert_eq!(
            describe_selection(Lang::En, &f, false, &docs(), &[]),
            "All documents (3) · 2019–2025"
        );
        assert_eq!(
            describe_selection(Lang::En, &f, true, &docs(), &[]),
            "All documents (3) · 2019–2025 · aliases merged"
        );
        assert_eq!(
            describe_selection(Lang::Zh, &f, true, &docs(), &[]),
            "全部文献 (3) · 2019–2025 · 合并别名"
        );
    }

    #[test]
    fn one_document_is_named_by_its_title_and_several_are_counted() {
        let one = Filter { docs: vec!["cn-kg-2023".into()], ..Filter::default() };
        assert_eq!(
            describe_selection(Lang::En, &one, false, &docs()[..1], &[]),
            "中吉联合声明 · 2023"
        );
        let parties = Filter { parties: vec!["KG".into(), "TJ".into()], ..Filter::default() };
        assert_eq!(
            describe_selection(Lang::Zh, &parties, false, &docs()[..2], &[]),
            "2 篇文献 · KG/TJ · 2019–2023"
        );
        assert_eq!(
            describe_selection(Lang::En, &parties, false, &docs()[..2], &[]),
            "2 documents · KG/TJ · 2019–2023"
        );
        // A filter that selects nothing: no years.
        let years = Filter { from: "2030".parse().ok(), ..Filter::default() };
        assert_eq!(describe_selection(Lang::En, &years, false, &[], &[]), "0 documents");
    }

    #[test]
    fn topic_filters_are_named_in_the_interface_language() {
        let topics = [
            topic("security", "安全执法", "Security"),
            topic("finance", "金融", "Finance"),
            topic("u-1", "我的", "我的"),
        ];
        let any = Filter {
            topics: TopicFilter {
                include: vec!["security".into(), "u-1".into()],
                matching: TopicMatch::Any,
                exclude: vec!["finance".into()],
                threshold: 1,
            },
            ..Filter::default()
        };
        assert_eq!(
            describe_selection(Lang::En, &any, false, &docs(), &topics),
            "3 documents · 2019–2025 · Security / 我的 −Finance"
        );
        assert_eq!(
            describe_selection(Lang::Zh, &any, false, &docs(), &topics),
            "3 篇文献 · 2019–2025 · 安全执法 / 我的 −金融"
        );
        let all = Filter {
            topics: TopicFilter {
                include: vec!["security".into(), "gone".into()],
                matching: TopicMatch::All,
                ..TopicFilter::default()
            },
            ..Filter::default()
        };
        // An id no topic has shows as itself.
        assert_eq!(
            describe_selection(Lang::En, &all, false, &docs()[2..], &topics),
            "Treaty · 2025 · Security & gone"
        );
        let only_excluded = Filter {
            topics: TopicFilter { exclude: vec!["finance".into()], ..TopicFilter::default() },
            ..Filter::default()
        };
        assert_eq!(
            describe_selection(Lang::En, &only_excluded, false, &docs(), &topics),
            "3 documents · 2019–2025 · −Finance"
        );
    }

    #[test]
    fn file_name_parts_say_what_was_selected() {
        assert_eq!(selection_slug(&Filter::default()), "all");
        let two = Filter { docs: vec!["a".into(), "b".into()], ..Filter::default() };
        assert_eq!(selection_slug(&two), "a+b");
        let three = Filter { docs: vec!["a".into(), "b".into(), "c".into()], ..Filter::default() };
        assert_eq!(selection_slug(&three), "3docs");
        let from = Filter { from: "2019".parse().ok(), ..Filter::default() };
        assert_eq!(selection_slug(&from), "all_2019-");
        let to = Filter { to: "2023-06".parse().ok(), ..Filter::default() };
        assert_eq!(selection_slug(&to), "all_-2023-06");
        let everything = Filter {
            docs: vec!["cn-kg-2023".into()],
            from: "2019".parse().ok(),
            to: "2023".parse().ok(),
            parties: vec!["KG".into(), "TJ".into()],
            topics: TopicFilter {
                include: vec!["security".into(), "finance".into()],
                exclude: vec!["trade".into()],
                ..TopicFilter::default()
            },
        };
        // Excluded topics are not in the name.
        assert_eq!(selection_slug(&everything), "cn-kg-2023_KG-TJ_2019-2023_security-finance");
    }

    #[test]
    fn keyness_shows_top_over_used_then_half_as_many_under_used() {
        let rows = [
            row("a", "over", 90.0),
            row("x", "under", 80.0),
            row("b", "over", 70.0),
            row("y", "under", 60.0),
            row("c", "over", 50.0),
            row("z", "under", 40.0),
            row("d", "over", 30.0),
        ];
        let terms = |rows: Vec<KeynessRow>| rows.into_iter().map(|r| r.term).collect::<Vec<_>>();
        assert_eq!(terms(keyness_split(&rows, 3)), ["a", "b", "c", "x"]);
        assert_eq!(terms(keyness_split(&rows, 4)), ["a", "b", "c", "d", "x", "y"]);
        assert_eq!(terms(keyness_split(&rows, 1)), ["a"]);
        assert_eq!(terms(keyness_split(&rows, 10)), ["a", "b", "c", "d", "x", "y", "z"]);
        assert!(keyness_split(&[], 10).is_empty());
    }

    #[test]
    fn distinctive_terms_are_over_used_and_strong_enough() {
        let rows = [
            row("a", "over", 90.0),
            row("x", "under", 80.0),
            row("b", "over", 10.83),
            row("c", "over", 10.82),
            row("d", "over", 12.0),
        ];
        assert_eq!(
            distinctive_terms(&rows, 12, 10.83),
            vec![("a".to_string(), 90.0), ("b".to_string(), 10.83), ("d".to_string(), 12.0)]
        );
        assert_eq!(distinctive_terms(&rows, 1, 10.83), vec![("a".to_string(), 90.0)]);
    }

    fn mine(name: &str, keywords: &str) -> Topic {
        cijing_engine::statistics::topics::user_topic(name, keywords, &[], None)
            .expect("a valid topic")
    }

    fn names(topics: &[Topic]) -> Vec<&str> {
        topics.iter().map(|t| t.zh.as_str()).collect()
    }

    #[test]
    fn a_links_topics_are_offered_only_when_the_user_lacks_their_names() {
        let saved = [mine("能源", "光伏 风电"), mine("农业", "小麦")];
        let link = [
            mine("能源", "光伏 风电"),
            mine("农业", "棉花"),
            mine("交通", "铁路"),
            mine("交通", "公路"),
            mine("水利", "水电"),
        ];
        let seen = link_topics(&saved, &link);
        // The same topic: nothing to do. Same name, other keywords: the saved one wins.
        assert_eq!(names(&seen.offered), ["交通", "水利"]);
        assert_eq!(seen.offered[0].keywords, ["铁路"], "the first of a name in the link");
        assert_eq!(seen.differing, ["农业"]);
        assert_eq!(link_topics(&saved, &[]), LinkTopics::default());
        assert_eq!(names(&link_topics(&[], &link[2..4]).offered), ["交通"]);
    }

    #[test]
    fn saved_parts_that_did_not_load_are_written_back_as_they_were() {
        let text = "能源~光伏|风电;;Finance~银行;空~;交通~铁路";
        let loaded = [mine("能源", "光伏 风电"), mine("交通", "铁路")];
        let unloaded = unloaded_parts(text, &loaded);
        assert_eq!(unloaded, ["Finance~银行", "空~"]);
        assert_eq!(saved_text(&loaded, &unloaded), "能源~光伏|风电;交通~铁路;Finance~银行;空~");
        assert_eq!(saved_text(&[], &unloaded), "Finance~银行;空~");
        assert_eq!(saved_text(&[], &[]), "");
        assert_eq!(saved_text(&loaded, &[]), "能源~光伏|风电;交通~铁路");
    }

    #[test]
    fn saving_never_drops_topics_but_those_the_user_deleted() {
        assert!(may_save(0, 0, 0));
        assert!(may_save(2, 0, 2) && may_save(2, 0, 3));
        assert!(!may_save(2, 0, 0), "two loaded, none deleted: an empty list is not written");
        assert!(!may_save(3, 1, 1));
        assert!(may_save(3, 1, 2) && may_save(3, 3, 0));
    }

    #[test]
    fn the_first_row_is_what_the_grid_puts_there() {
        use Panel::*;
        // Two columns: the summary, and the cloud beside it (topics and terms are wide).
        assert_eq!(first_row(&Panel::ALL, true), vec![Summary, Cloud]);
        // One column: the summary alone.
        assert_eq!(first_row(&Panel::ALL, false), vec![Summary]);
        // A wide first panel fills its row; the order is the page's, not the list's.
        assert_eq!(first_row(&[Texts, Terms, Phrases], true), vec![Terms]);
        assert_eq!(first_row(&[Dictionary, Keyness, Contexts], true), vec![Contexts]);
        assert_eq!(first_row(&[Dictionary, Texts, Keyness], true), vec![Keyness, Dictionary]);
        assert_eq!(first_row(&[Cloud], true), vec![Cloud]);
        assert_eq!(first_row(&[], true), Vec::<Panel>::new());
    }

    #[test]
    fn two_tabs_merge_their_topics_and_keep_each_others_deletions() {
        let ids = |ts: &[Topic]| ts.iter().map(|t| t.id.clone()).collect::<Vec<_>>();
        let (a, b, c) = (topic("u-a", "甲", "A"), topic("u-b", "乙", "B"), topic("u-c", "丙", "C"));
        // Tab 1 loaded [a] and adds c; tab 2 saved b meanwhile: all three are saved.
        let known = vec!["u-a".to_string()];
        let saved = merge_topics(&[a.clone(), c.clone()], &[a.clone(), b.clone()], &known);
        assert_eq!(ids(&saved), ["u-a", "u-c", "u-b"]);
        // Tab 1 deletes a (it knew it): a stays deleted though still stored.
        let saved = merge_topics(std::slice::from_ref(&c), &[a.clone(), b.clone()], &known);
        assert_eq!(ids(&saved), ["u-c", "u-b"]);
        // Tab 2 deleted a before tab 1 heard of it: tab 1 does not bring it back.
        let saved = merge_topics(&[a.clone(), c.clone()], std::slice::from_ref(&b), &known);
        assert_eq!(ids(&saved), ["u-c", "u-b"]);
        // Tab 2 hears that [b, c] were saved: it drops a (it knew it, now gone),
        // takes c, and keeps its own unsaved d.
        let d = topic("u-d", "丁", "D");
        let known = vec!["u-a".to_string(), "u-b".to_string()];
        let adopted = adopt_topics(&[a, b.clone(), d], &[b, c], &known);
        assert_eq!(ids(&adopted), ["u-b", "u-c", "u-d"]);
    }
}
