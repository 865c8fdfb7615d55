//! Extraction cleanup: turns text pulled out of PDFs and web pages into clean
//! paragraphs. Joins hard-wrapped lines (also across blank lines that fall
//! inside a sentence), removes spaces between CJK glyphs, strips front
//! matter, HTML and markdown link syntax, and drops page furniture.
//! Used for the built-in seeds and for texts users add.

/// Front-matter fields found at the top of a text (`key: value` lines
/// between two `---` lines), in order. Values are unquoted.
pub type FrontMatter = Vec<(String, String)>;

/// The result of cleaning one text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CleanText {
    /// The paragraphs in text order, trimmed, none empty; ready for
    /// [`CleanDocument`](crate::corpus::CleanDocument). Empty when the text
    /// had nothing but markup, furniture or white space.
    pub paragraphs: Vec<String>,
    /// The front matter, empty when the text has none.
    pub front_matter: FrontMatter,
}

/// Cleans a whole text (a user's upload, say) into paragraphs: front
/// matter taken off, HTML (when the text looks like it) reduced to its
/// text, markdown links to their text, page numbers and continuation marks
/// dropped, hard-wrapped lines joined and the spaces PDF extraction puts
/// between CJK glyphs removed. Never fails. Lines count as hard-wrapped
/// when most have about the same short width; otherwise each line is a
/// paragraph, except a long line that stops mid-sentence, which runs on.
///
/// ```
/// use cijing_engine::text::clean::clean_text;
///
/// let raw = "---\ntitle: 中哈合作\n---\n\
///            中国和哈萨克斯坦加强能源\n\
///            合作，双方深化能源合作，\n\
///            推动共同发展。（下转第二版）\n\
///            \n\
///            2\n\
///            两 国 人 民 从 中 受 益 。\n";
/// let clean = clean_text(raw);
/// assert_eq!(clean.front_matter, [("title".to_string(), "中哈合作".to_string())]);
/// // The three wrapped lines are one sentence, so one paragraph; the
/// // continuation mark and the page number "2" go; the spaced-out glyphs
/// // close up.
/// assert_eq!(clean.paragraphs, ["中国和哈萨克斯坦加强能源合作，双方深化能源合作，推动共同发展。", "两国人民从中受益。"]);
/// ```
pub fn clean_text(raw: &str) -> CleanText {
    let lines: Vec<Option<&str>> = raw.lines().map(Some).collect();
    clean_lines(&lines)
}

/// Cleans lines of a text as [`clean_text`] does; `None` marks a line that
/// was taken out (a headline or dateline the manifest claims) and counts
/// as blank, so it ends a paragraph only where a blank line would.
pub fn clean_lines(lines: &[Option<&str>]) -> CleanText {
    let mut lines: Vec<String> =
        lines.iter().map(|l| l.unwrap_or("").replace('\u{feff}', "")).collect();
    let front_matter = take_front_matter(&mut lines);
    let mut text = lines.join("\n");
    if looks_like_html(&text) {
        text = html_to_text(&text);
    }
    let text = strip_markdown(&text);
    let lines: Vec<String> = text.lines().map(strip_furniture).collect();
    let paragraphs = assemble_paragraphs(&lines);
    CleanText { paragraphs, front_matter }
}

// ---------------------------------------------------------------- characters

/// Is `c` a CJK glyph: an ideograph, CJK or full-width punctuation, kana,
/// hangul, or one of `“ ” ‘ ’ … — ·`? Such glyphs take two columns and
/// never need a space beside them in Chinese text.
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF | 0x3000..=0x303F | 0x3040..=0x30FF | 0x3100..=0x312F | 0x3190..=0x31FF
        | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x2FA1F)
        || matches!(c, '“' | '”' | '‘' | '’' | '…' | '—' | '·')
}

/// Display width in columns: 2 for CJK glyphs, 1 otherwise.
fn columns(s: &str) -> usize {
    s.chars().map(|c| if is_cjk(c) { 2 } else { 1 }).sum()
}

fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\u{3000}')
}

/// Does the line end a sentence (closing quotes and brackets aside)?
fn ends_sentence(line: &str) -> bool {
    let last = line
        .trim_end_matches(|c: char| "”’」』）)》〉】\"'".contains(c) || c.is_whitespace())
        .chars()
        .last();
    matches!(last, Some('。' | '！' | '？' | '!' | '?' | '：' | ':' | '…'))
}

/// Does the line open a new item: `一、`, `（三）`, `——`, `1、`, or a bare
/// section numeral?
fn starts_item(line: &str) -> bool {
    const NUMERALS: &str = "一二三四五六七八九十百";
    let mut chars = line.chars().peekable();
    match chars.peek() {
        Some('—') => line.starts_with("——"),
        Some('（') | Some('(') => {
            chars.next();
            let n =
                chars.by_ref().take_while(|c| NUMERALS.contains(*c) || c.is_ascii_digit()).count();
            n > 0 && line.chars().nth(n + 1).is_some_and(|c| c == '）' || c == ')')
        }
        Some(c) if NUMERALS.contains(*c) || c.is_ascii_digit() => {
            let rest =
                line.trim_start_matches(|c: char| NUMERALS.contains(c) || c.is_ascii_digit());
            rest.starts_with('、') || rest.is_empty()
        }
        _ => false,
    }
}

// ------------------------------------------------------------- front matter

fn take_front_matter(lines: &mut [String]) -> FrontMatter {
    let Some(start) = lines.iter().position(|l| !trim(l).is_empty()) else {
        return Vec::new();
    };
    if trim(&lines[start]) != "---" {
        return Vec::new();
    }
    let Some(len) = lines[start + 1..].iter().take(60).position(|l| trim(l) == "---") else {
        return Vec::new();
    };
    let end = start + 1 + len;
    let fields = lines[start + 1..end]
        .iter()
        .filter_map(|l| {
            let (k, v) = l.split_once(':')?;
            let v = v.trim().trim_matches('"').trim_matches('\'');
            Some((k.trim().to_string(), v.to_string()))
        })
        .collect();
    for l in &mut lines[start..=end] {
        l.clear();
    }
    fields
}

// --------------------------------------------------------------------- HTML

fn looks_like_html(text: &str) -> bool {
    ["<p>", "<p ", "<div", "<br", "<span", "<img", "</p>", "<!--"].iter().any(|t| text.contains(t))
}

/// Elements whose content is not article text.
const SKIPPED_ELEMENTS: &[&str] =
    &["script", "style", "figcaption", "figure", "noscript", "template", "svg", "button"];
/// Elements that end a paragraph.
const BLOCK_ELEMENTS: &[&str] = &[
    "p",
    "div",
    "br",
    "section",
    "article",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "tr",
    "table",
    "blockquote",
    "header",
    "footer",
    "hr",
    "pre",
];

/// Reduces HTML to its text: tags and attributes go, block elements (`p`,
/// `div`, `br`, headings, list items, …) become blank lines, `script`,
/// `style`, `figure`, `figcaption` and the like go with their content, and
/// entities are decoded. A `<` that does not open a tag stays as text.
///
/// ```
/// use cijing_engine::text::clean::html_to_text;
/// let text = html_to_text("<p>中国&amp;哈萨克斯坦</p><script>track()</script><p>合作</p>");
/// assert_eq!(text.split_whitespace().collect::<Vec<_>>(), ["中国&哈萨克斯坦", "合作"]);
/// ```
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut skip_depth = 0usize;
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        if skip_depth == 0 {
            out.push_str(&rest[..lt]);
        }
        rest = &rest[lt..];
        if rest.starts_with("<!--") {
            rest = rest.find("-->").map_or("", |e| &rest[e + 3..]);
            continue;
        }
        let Some(tag_end) = tag_end(rest) else {
            // A lone '<' in text.
            if skip_depth == 0 {
                out.push('<');
            }
            rest = &rest[1..];
            continue;
        };
        let tag = &rest[1..tag_end];
        rest = &rest[tag_end + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if SKIPPED_ELEMENTS.contains(&name.as_str()) && !tag.ends_with('/') {
            if closing {
                skip_depth = skip_depth.saturating_sub(1);
            } else {
                skip_depth += 1;
            }
        } else if skip_depth == 0 && BLOCK_ELEMENTS.contains(&name.as_str()) {
            out.push_str("\n\n");
        }
    }
    if skip_depth == 0 {
        out.push_str(rest);
    }
    decode_entities(&out)
}

/// Index of the `>` closing the tag that starts `s` (at `<`), or `None` when
/// `s` does not start a tag. Quoted attribute values may contain `>`.
fn tag_end(s: &str) -> Option<usize> {
    let second = s[1..].chars().next()?;
    if !(second.is_ascii_alphabetic() || second == '/' || second == '!') {
        return None;
    }
    let mut quote = None;
    for (i, c) in s.char_indices().skip(1) {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(i),
            (None, '<') => return None,
            _ => {}
        }
    }
    None
}

fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest.find(';').filter(|&semi| semi <= 10).and_then(|semi| {
            let name = &rest[1..semi];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" | "#39" => Some('\''),
                "nbsp" => Some(' '),
                "mdash" => Some('—'),
                "hellip" => Some('…'),
                _ if name.starts_with("#x") || name.starts_with("#X") => {
                    u32::from_str_radix(&name[2..], 16).ok().and_then(char::from_u32)
                }
                _ if name.starts_with('#') => name[1..].parse().ok().and_then(char::from_u32),
                _ => None,
            };
            c.map(|c| (c, semi))
        });
        match decoded {
            Some((c, semi)) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

// ----------------------------------------------------------------- markdown

/// Markdown links become their text, images go, underline rules and heading
/// marks go.
fn strip_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let t = trim(line);
        if t.len() >= 3
            && (t.chars().all(|c| c == '-')
                || t.chars().all(|c| c == '=')
                || t.chars().all(|c| c == '*'))
        {
            continue;
        }
        let line = t.trim_start_matches('#');
        let line = if line.len() != t.len() && line.starts_with(' ') { line } else { t };
        out.push_str(&strip_links(line));
    }
    out
}

fn strip_links(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find("](").map(|c| open + c) else {
            break;
        };
        let Some(end) = rest[close..].find(')').map(|e| close + e) else {
            break;
        };
        let is_image = rest[..open].ends_with('!');
        out.push_str(&rest[..if is_image { open - 1 } else { open }]);
        if !is_image {
            out.push_str(&rest[open + 1..close]);
        }
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

// ------------------------------------------------------------ page furniture

/// Removes page furniture from one line: bare page numbers and
/// continuation marks such as `（上接一版）` or `（下转第二版）`.
fn strip_furniture(line: &str) -> String {
    let t = trim(line);
    if !t.is_empty() && t.len() <= 3 && t.chars().all(|c| c.is_ascii_digit()) {
        return String::new();
    }
    let mut out = t.to_string();
    for mark in ["（上接", "（下转", "(上接", "(下转"] {
        while let Some(start) = out.find(mark) {
            let after = &out[start + mark.len()..];
            let Some(close) = after.find(['）', ')']) else {
                break;
            };
            let inner = &after[..close];
            if inner.chars().count() > 6 || !inner.ends_with('版') {
                break;
            }
            let close_len = after[close..].chars().next().map_or(0, char::len_utf8);
            out.replace_range(start..start + mark.len() + close + close_len, "");
        }
    }
    trim(&out).to_string()
}

// --------------------------------------------------------------- paragraphs

/// Joins lines into paragraphs. The text is "hard-wrapped" when most lines
/// have about the same, short width; then a sentence end on a short line
/// or before a blank line ends a paragraph, a clearly short line that stops
/// mid-sentence is a heading, and every other line break (blank lines
/// included) is a wrap. Otherwise each
/// line is a paragraph, except a long line that stops mid-sentence, which
/// runs on into the next. Either way a short line without end punctuation
/// after a finished sentence is a heading, and a numbered item (`一、`,
/// `（二）`, `——`) starts a paragraph.
fn assemble_paragraphs(lines: &[String]) -> Vec<String> {
    let mut widths: Vec<usize> =
        lines.iter().filter(|l| !l.is_empty()).map(|l| columns(l)).collect();
    if widths.is_empty() {
        return Vec::new();
    }
    widths.sort_unstable();
    let wrap_width = widths[(widths.len() * 4 / 5).min(widths.len() - 1)];
    let hard_wrapped = widths.len() >= 3 && wrap_width <= 100;
    let full = |l: &str| {
        let w = columns(l);
        if hard_wrapped {
            w * 5 >= wrap_width * 4
        } else {
            w >= 60
        }
    };

    let mut paragraphs: Vec<Vec<&str>> = Vec::new();
    let mut prev: Option<&str> = None;
    let mut blank_before = false;
    for line in lines {
        if line.is_empty() {
            blank_before = true;
            continue;
        }
        let new_paragraph = match prev {
            None => true,
            Some(p) => {
                let heading_follows = ends_sentence(p) && !full(line) && !ends_sentence(line);
                starts_item(line)
                    || heading_follows
                    || if hard_wrapped {
                        if ends_sentence(p) {
                            !full(p) || blank_before
                        } else {
                            // Mid-sentence: only a clearly short line (a heading) ends here.
                            columns(p) * 5 < wrap_width * 3
                        }
                    } else {
                        ends_sentence(p) || !full(p)
                    }
            }
        };
        if new_paragraph {
            paragraphs.push(vec![line]);
        } else if let Some(last) = paragraphs.last_mut() {
            last.push(line);
        }
        prev = Some(line);
        blank_before = false;
    }
    paragraphs
        .into_iter()
        .map(|parts| {
            let heading = parts.len() == 1 && !ends_sentence(parts[0]) && !full(parts[0]);
            fix_spacing(&join_wrapped(&parts), heading)
        })
        .filter(|p| !p.is_empty())
        .collect()
}

fn join_wrapped(parts: &[&str]) -> String {
    let mut out = String::new();
    for part in parts {
        let needs_space = out.chars().last().is_some_and(|c| c.is_ascii_alphanumeric())
            && part.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
        if needs_space {
            out.push(' ');
        }
        out.push_str(part);
    }
    out
}

/// Removes the spaces PDF extraction puts between CJK glyphs
/// (`全 国 代 表` → `全国代表`, `于 2023 年` → `于2023年`), folds other
/// runs of white space (the ideographic space U+3000 included) to one space
/// and trims both ends. With `heading`, a space between two multi-glyph
/// words (`坚持可持续发展 共创繁荣美好世界`) is kept; only spaced-out single
/// glyphs are joined. A space next to a Latin letter is always kept.
///
/// ```
/// use cijing_engine::text::clean::fix_spacing;
/// assert_eq!(fix_spacing("全 国 代 表 于 2023 年", false), "全国代表于2023年");
/// assert_eq!(fix_spacing("坚持可持续发展 共创繁荣美好世界", true), "坚持可持续发展 共创繁荣美好世界");
/// assert_eq!(fix_spacing("坚持可持续发展 共创繁荣美好世界", false), "坚持可持续发展共创繁荣美好世界");
/// ```
pub fn fix_spacing(text: &str, heading: bool) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if !(c.is_whitespace() || c == '\u{3000}') {
            out.push(c);
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && (chars[i].is_whitespace() || chars[i] == '\u{3000}') {
            i += 1;
        }
        let (Some(&before), Some(&after)) =
            (start.checked_sub(1).and_then(|b| chars.get(b)), chars.get(i))
        else {
            continue; // leading or trailing space
        };
        let cjk_pair = (is_cjk(before) || is_cjk(after))
            && !(before.is_ascii_alphabetic() || after.is_ascii_alphabetic());
        let drop = cjk_pair && {
            if heading && is_cjk(before) && is_cjk(after) {
                // Keep the space only between two words of two or more glyphs.
                let single_before = start < 2 || !is_cjk(chars[start - 2]);
                let single_after = chars.get(i + 1).is_none_or(|c| !is_cjk(*c));
                single_before || single_after
            } else {
                true
            }
        };
        if !drop {
            out.push(' ');
        }
    }
    out
}
