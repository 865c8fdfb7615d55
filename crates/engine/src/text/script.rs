//! Traditional and Simplified Chinese: which script a text is in, and a
//! character-by-character Traditional → Simplified fold (`fast2s`), so a
//! Traditional text segments like its Simplified form and 上海合作組織
//! can count as 上海合作组织. The fold maps one character to one
//! character, so spans in the folded copy map back to the original.

use serde::{Deserialize, Serialize};

/// The script of a text's Chinese characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Script {
    /// Simplified characters only, or only characters both scripts share.
    Simplified,
    /// Traditional characters, with at most a stray Simplified-only one.
    Traditional,
    /// Both scripts' own characters in quantity.
    Mixed,
    /// No Chinese character at all.
    None,
}

impl Script {
    /// The lower-case name: `simplified`, `traditional`, `mixed`, `none`.
    pub fn code(self) -> &'static str {
        match self {
            Script::Simplified => "simplified",
            Script::Traditional => "traditional",
            Script::Mixed => "mixed",
            Script::None => "none",
        }
    }

    /// The script named by its [`code`](Script::code).
    ///
    /// ```
    /// use cijing_engine::text::script::Script;
    /// assert_eq!(Script::parse("traditional"), Some(Script::Traditional));
    /// assert_eq!(Script::parse(Script::Mixed.code()), Some(Script::Mixed));
    /// assert_eq!(Script::parse("Traditional"), None);
    /// ```
    pub fn parse(code: &str) -> Option<Script> {
        [Script::Simplified, Script::Traditional, Script::Mixed, Script::None]
            .into_iter()
            .find(|s| s.code() == code)
    }

    /// Does segmentation go through the Simplified fold?
    pub fn needs_fold(self) -> bool {
        matches!(self, Script::Traditional | Script::Mixed)
    }
}

/// Is `c` a Han ideograph (the unified blocks and compatibility ideographs)?
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Is `c` a Traditional character that has a different Simplified form
/// (發, 經, 與, 國)? Characters both scripts share (中, 合, 作) are not.
pub fn is_traditional_only(c: char) -> bool {
    is_han(c) && fold_char(c) != c
}

/// Is `c` a Simplified character that Traditional text does not use (发,
/// 经, 与, 国): a Han character the fold leaves alone that Big5, the
/// Traditional character set, cannot encode. Rare characters outside Big5
/// count too, which is why [`detect_script`] goes by proportions.
pub fn is_simplified_only(c: char) -> bool {
    if !matches!(c as u32, 0x4E00..=0x9FFF) || fold_char(c) != c {
        return false;
    }
    let mut buf = [0u8; 4];
    let (_, _, unmappable) = encoding_rs::BIG5.encode(c.encode_utf8(&mut buf));
    unmappable
}

fn fold_char(c: char) -> char {
    let mut buf = [0u8; 4];
    fast2s::convert(c.encode_utf8(&mut buf)).chars().next().unwrap_or(c)
}

/// The script of a text: [`Script::None`] without a Han character;
/// Simplified when under one Han character in a hundred is
/// Traditional-only; Traditional when
/// Simplified-only characters are under a tenth of the Traditional-only
/// ones; otherwise Mixed.
///
/// ```
/// use cijing_engine::text::script::{detect_script, Script};
/// assert_eq!(detect_script("上海合作组织成员国加强经济合作"), Script::Simplified);
/// assert_eq!(detect_script("上海合作組織成員國加強經濟合作"), Script::Traditional);
/// assert_eq!(detect_script("上海合作組織与经济发展"), Script::Mixed);
/// assert_eq!(detect_script("合作"), Script::Simplified); // shared characters only
/// assert_eq!(detect_script("SCO 2024"), Script::None);
/// ```
pub fn detect_script(text: &str) -> Script {
    let (mut han, mut traditional, mut simplified) = (0usize, 0usize, 0usize);
    // Each distinct character is judged once: asking Big5 whether it can
    // encode a character is slow (it was 3/4 of reading a 10 MB text).
    let mut kinds: std::collections::HashMap<char, u8> = std::collections::HashMap::new();
    for c in text.chars().filter(|&c| is_han(c)) {
        han += 1;
        let kind = *kinds.entry(c).or_insert_with(|| {
            if is_traditional_only(c) {
                1
            } else if is_simplified_only(c) {
                2
            } else {
                0
            }
        });
        match kind {
            1 => traditional += 1,
            2 => simplified += 1,
            _ => {}
        }
    }
    if han == 0 {
        Script::None
    } else if traditional * 100 < han {
        // A stray one (乾 of 乾隆, which Simplified keeps) does not make a text Traditional.
        Script::Simplified
    } else if simplified * 10 < traditional {
        Script::Traditional
    } else {
        Script::Mixed
    }
}

/// Folds a text (or a term) to Simplified, character by character: the
/// result has exactly as many characters as `text`, so the i-th character
/// of one is the i-th of the other. Simplified text comes back unchanged
/// but for the few characters `fast2s` folds in context (乾隆 stays).
///
/// ```
/// use cijing_engine::text::script::to_simplified;
/// assert_eq!(to_simplified("上海合作組織"), "上海合作组织");
/// assert_eq!(to_simplified("發展與經濟"), "发展与经济");
/// assert_eq!(to_simplified("上海合作组织"), "上海合作组织");
/// ```
pub fn to_simplified(text: &str) -> String {
    let folded = fast2s::convert(text);
    // fast2s pushes one character per character; keep the promise even if
    // a future table broke it.
    if folded.chars().count() == text.chars().count() {
        folded
    } else {
        text.to_string()
    }
}

/// The Traditional spellings among `terms` — those whose [`to_simplified`]
/// fold differs — each once with its Simplified form, in the order first
/// seen. Give them to
/// [`AliasGroups::add_spellings`](crate::text::aliases::AliasGroups::add_spellings)
/// to count 上海合作組織 as 上海合作组织; they are plain pairs, so whoever
/// holds them needs no conversion table (the page gets them from the
/// segmenter worker).
///
/// ```
/// use cijing_engine::text::script::traditional_spellings;
/// let pairs = traditional_spellings(["上海合作組織", "合作", "經濟", "经济", "經濟"]);
/// assert_eq!(pairs, [
///     ("上海合作組織".to_string(), "上海合作组织".to_string()),
///     ("經濟".to_string(), "经济".to_string()),
/// ]);
/// ```
pub fn traditional_spellings<'a>(
    terms: impl IntoIterator<Item = &'a str>,
) -> Vec<(String, String)> {
    let mut seen = std::collections::HashSet::new();
    let mut pairs = Vec::new();
    for term in terms {
        if !seen.insert(term) {
            continue;
        }
        let folded = to_simplified(term);
        if folded != term {
            pairs.push((term.to_string(), folded));
        }
    }
    pairs
}

/// Maps byte spans in `folded` (the [`to_simplified`] copy of `original`)
/// back to byte spans in `original`, by character position. A span that
/// does not fall on character boundaries of `folded`, or a `folded` with
/// another character count, gives `None`.
///
/// ```
/// use cijing_engine::text::script::{map_span, to_simplified};
/// let original = "經濟a合作";
/// let folded = to_simplified(original); // 经济a合作
/// // 经济 is bytes 0..6 in both; here every character keeps its length.
/// assert_eq!(map_span(original, &folded, 0, 6), Some((0, 6)));
/// assert_eq!(map_span(original, &folded, 6, 7), Some((6, 7)));
/// assert_eq!(map_span(original, &folded, 1, 3), None);
/// ```
pub fn map_span(original: &str, folded: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    SpanMap::new(original, folded)?.map(start, end)
}

/// Character boundaries of an original text and its fold, for mapping many
/// spans ([`map_span`] builds one per call).
#[derive(Debug, Clone)]
pub struct SpanMap {
    original: Vec<usize>,
    folded: Vec<usize>,
}

impl SpanMap {
    /// The map, or `None` when the two texts have different character counts.
    pub fn new(original: &str, folded: &str) -> Option<SpanMap> {
        let bounds = |s: &str| {
            s.char_indices().map(|(i, _)| i).chain(std::iter::once(s.len())).collect::<Vec<_>>()
        };
        let (original, folded) = (bounds(original), bounds(folded));
        (original.len() == folded.len()).then_some(SpanMap { original, folded })
    }

    /// The original span of a folded span, or `None` off character boundaries.
    pub fn map(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let s = self.folded.binary_search(&start).ok()?;
        let e = self.folded.binary_search(&end).ok()?;
        Some((self.original[s], self.original[e]))
    }
}
