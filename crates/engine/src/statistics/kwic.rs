//! Concordance (key word in context): every hit of a query in a selection,
//! with left and right context in tokens and in characters.

use crate::corpus::query::Query;
use crate::corpus::selection::Selection;
use crate::corpus::{Corpus, TermId};
use crate::text::segment::TokenKind;
use serde::{Deserialize, Serialize};

/// How concordance lines are ordered. A word sort starts at its word and
/// reads that side's other words outwards from the node (L1, L2, L3, …);
/// a line with no word there comes first, and lines equal on every word
/// keep corpus order. Words compare by code point in [`kwic`]; pass another
/// comparison (pinyin, a locale's collation) to [`sort_lines`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum KwicSort {
    /// Corpus order (document, paragraph, position).
    #[default]
    Position,
    /// By the first word to the left, then the second.
    L1,
    /// By the second word to the left, then the first.
    L2,
    /// By the first word to the right, then the second.
    R1,
    /// By the second word to the right, then the first.
    R2,
}

crate::text::options::choices!(KwicSort { Position => "position", L1 => "l1", L2 => "l2", R1 => "r1", R2 => "r2" });

/// How a concordance is made: context on each side, and the order of lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KwicOptions {
    /// Word tokens listed on each side (`left_tokens`, `right_tokens`);
    /// default 5.
    pub context_words: usize,
    /// Characters of text shown on each side (`left`, `right`); default 20.
    pub context_chars: usize,
    /// The order of the lines.
    pub sort: KwicSort,
}

impl Default for KwicOptions {
    fn default() -> Self {
        KwicOptions { context_words: 5, context_chars: 20, sort: KwicSort::Position }
    }
}

/// One hit of a concordance with its context.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KwicLine {
    /// The document's id.
    pub doc: String,
    /// The document's date, `YYYY-MM-DD`.
    pub date: String,
    /// Paragraph number within the document, from 1.
    pub paragraph: usize,
    /// Index of the hit's first token in the paragraph's tokens (all
    /// tokens, punctuation included), from 0.
    pub position: usize,
    /// Byte offset of the hit's start in the paragraph text.
    pub start: usize,
    /// Byte offset one past the hit's end: the hit is `text[start..end]`.
    pub end: usize,
    /// Up to `context_chars` characters of the paragraph before the hit
    /// (never across paragraphs; shorter at a paragraph's start).
    pub left: String,
    /// The hit as it stands in the text (a phrase with what lies between
    /// its words).
    pub node: String,
    /// Up to `context_chars` characters of the paragraph after the hit.
    pub right: String,
    /// Up to `context_words` word tokens before the hit in its paragraph,
    /// nearest first (punctuation and numbers skipped).
    pub left_tokens: Vec<String>,
    /// Up to `context_words` word tokens after the hit, nearest first.
    pub right_tokens: Vec<String>,
}

/// Every hit of `query` in `selection`, with context and in the order
/// `options` ask for; empty when there is none.
///
/// ```
/// use cijing_engine::statistics::kwic::{kwic, KwicOptions, KwicSort};
/// use cijing_engine::corpus::query::Query;
/// use cijing_engine::corpus::selection::Selection;
/// # use cijing_engine::corpus::{CleanDocument, Corpus};
/// # let segmenter = cijing_seeds::segmenter();
/// # let corpus = Corpus::from_documents(vec![
/// #     CleanDocument::new("a", "2023-05-18".parse()?, &["CN", "KZ"], &["中国和哈萨克斯坦加强能源合作。", "双方深化能源合作，推动共同发展。"]),
/// #     CleanDocument::new("b", "2024-07-04".parse()?, &["CN", "RU"], &["2024年，中俄两国继续扩大合作。", "合作造福两国人民。"]),
/// # ], &segmenter, Default::default());
/// // `corpus`: the two documents of the crate example, where 合作 occurs once
/// // in each of the four paragraphs.
/// let query = Query::parse(&corpus, &segmenter, "合作", false)?;
/// let options = KwicOptions { context_words: 2, context_chars: 4, sort: KwicSort::Position };
/// let lines = kwic(&corpus, &Selection::all(&corpus), &query, &options);
/// let shown: Vec<String> = lines.iter().map(|l| format!("{} ¶{} {}[{}]{}", l.doc, l.paragraph, l.left, l.node, l.right)).collect();
/// assert_eq!(shown, ["a ¶1 加强能源[合作]。", "a ¶2 深化能源[合作]，推动共", "b ¶1 继续扩大[合作]。", "b ¶2 [合作]造福两国"]);
///
/// // 双方 深化 能源 合作 ， 推动 共同 发展 。: token 3, after six glyphs of three bytes.
/// assert_eq!((lines[1].position, lines[1].start, lines[1].end), (3, 18, 24));
/// assert_eq!(lines[1].left_tokens, ["能源", "深化"]); // nearest first
/// assert_eq!(lines[1].right_tokens, ["推动", "共同"]); // the comma is skipped
///
/// // By the first word to the right: the two lines with none first, then 推动 before 造福.
/// let options = KwicOptions { sort: KwicSort::R1, ..options };
/// let lines = kwic(&corpus, &Selection::all(&corpus), &query, &options);
/// let order: Vec<(&str, usize)> = lines.iter().map(|l| (l.doc.as_str(), l.paragraph)).collect();
/// assert_eq!(order, [("a", 1), ("b", 1), ("a", 2), ("b", 2)]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn kwic(
    corpus: &Corpus,
    selection: &Selection,
    query: &Query,
    options: &KwicOptions,
) -> Vec<KwicLine> {
    let (tokens, chars) = (options.context_words, options.context_chars);
    let mut lines = Vec::new();
    for g in query.candidate_paragraphs(corpus) {
        if !selection.contains(g) {
            continue;
        }
        let place = corpus.place(g);
        let doc = &corpus.docs[place.doc as usize];
        let para = corpus.paragraph(g);
        let terms: Vec<TermId> = para.tokens.iter().map(|t| t.term).collect();
        for hit in query.hits(corpus, g) {
            let (first, last, start, end) = (hit.first, hit.last, hit.start, hit.end);
            let is_word = |i: &usize| corpus.vocab.term(terms[*i]).kind == TokenKind::Word;
            let word_text = |i: usize| corpus.vocab.term(terms[i]).text.clone();
            let left_text = &para.text[..start];
            let right_text = &para.text[end..];
            lines.push(KwicLine {
                doc: doc.info.id.clone(),
                date: doc.info.date.to_string(),
                paragraph: place.para as usize + 1,
                position: first,
                start,
                end,
                left: left_text
                    .chars()
                    .rev()
                    .take(chars)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect(),
                node: para.text[start..end].to_string(),
                right: right_text.chars().take(chars).collect(),
                left_tokens: (0..first).rev().filter(is_word).take(tokens).map(word_text).collect(),
                right_tokens: (last..terms.len())
                    .filter(is_word)
                    .take(tokens)
                    .map(word_text)
                    .collect(),
            });
        }
    }
    sort_lines(&mut lines, options.sort, str::cmp);
    lines
}

/// Puts `lines` in the order `sort` asks for, comparing two words with
/// `compare` (the page passes the browser's pinyin collation, the CLI the
/// `pinyin` crate's readings). Stable: lines that tie keep their order.
///
/// ```
/// use cijing_engine::statistics::kwic::{sort_lines, KwicLine, KwicSort};
/// let line = |left: &[&str]| KwicLine {
///     doc: "a".into(), date: "2024-01-01".into(), paragraph: 1, position: 0, start: 0, end: 0,
///     left: String::new(), node: "合作".into(), right: String::new(),
///     left_tokens: left.iter().map(|w| w.to_string()).collect(), right_tokens: Vec::new(),
/// };
/// // L1 then L2: 务实 ties, so their L2 decides (经 U+7ECF < 能 U+80FD);
/// // the line with no left word comes first.
/// let mut lines = vec![line(&["务实", "能源"]), line(&[]), line(&["务实", "经贸"]), line(&["加强"])];
/// sort_lines(&mut lines, KwicSort::L1, str::cmp);
/// let order: Vec<String> = lines.iter().map(|l| l.left_tokens.join(" ")).collect();
/// assert_eq!(order, ["", "加强", "务实 经贸", "务实 能源"]);
/// // By reversed code point instead: the comparison is the caller's (a line
/// // with no word there still comes first).
/// sort_lines(&mut lines, KwicSort::L1, |a, b| b.cmp(a));
/// let order: Vec<String> = lines.iter().map(|l| l.left_tokens.join(" ")).collect();
/// assert_eq!(order, ["", "务实 能源", "务实 经贸", "加强"]);
/// ```
pub fn sort_lines(
    lines: &mut [KwicLine],
    sort: KwicSort,
    mut compare: impl FnMut(&str, &str) -> std::cmp::Ordering,
) {
    let (right, first) = match sort {
        KwicSort::Position => return,
        KwicSort::L1 => (false, 0),
        KwicSort::L2 => (false, 1),
        KwicSort::R1 => (true, 0),
        KwicSort::R2 => (true, 1),
    };
    // The chosen word, then the side's other words outwards; "" when missing.
    let key = |l: &KwicLine| -> Vec<String> {
        let side = if right { &l.right_tokens } else { &l.left_tokens };
        let mut key = vec![side.get(first).cloned().unwrap_or_default()];
        key.extend(side.iter().enumerate().filter(|(i, _)| *i != first).map(|(_, w)| w.clone()));
        key
    };
    let mut keyed: Vec<(Vec<String>, KwicLine)> =
        lines.iter().map(|l| (key(l), l.clone())).collect();
    keyed.sort_by(|(a, _), (b, _)| {
        for (x, y) in a.iter().zip(b) {
            match (x.is_empty(), y.is_empty()) {
                (true, true) => continue,
                (true, false) => return std::cmp::Ordering::Less,
                (false, true) => return std::cmp::Ordering::Greater,
                _ => {}
            }
            let order = compare(x, y);
            if order != std::cmp::Ordering::Equal {
                return order;
            }
        }
        a.len().cmp(&b.len())
    });
    for (slot, (_, line)) in lines.iter_mut().zip(keyed) {
        *slot = line;
    }
}
