//! Topic lexicons: the `Topic` type, and reading and checking
//! `seeds/topics.toml`. Also compiled into `build.rs` (via `#[path]`), so
//! the build refuses a topic file the tests would refuse. Uses only `std`,
//! `serde` and `toml`.

/// A problem in a topic file, at a 1-based line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicFileError {
    /// The file, as named to the reader.
    pub file: String,
    /// The 1-based line of the topic the problem is in.
    pub line: usize,
    /// What is wrong, for a person to act on.
    pub message: String,
}

impl std::fmt::Display for TopicFileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// A theme: its names, a colour and the keywords that signal it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Topic {
    /// A short id, unique among the topics in use: lower-case ASCII
    /// letters, digits and `-` in a topic file; `u-` and eight hex digits
    /// for a user's. Filters name topics by it.
    pub id: String,
    /// The name shown in Chinese.
    pub zh: String,
    /// The name shown in English.
    pub en: String,
    /// `#rrggbb`.
    pub color: String,
    /// The strings whose occurrences in a paragraph's text score it for
    /// the topic (see [`KeywordMatcher`](crate::statistics::topics::KeywordMatcher));
    /// no spaces, each once.
    pub keywords: Vec<String>,
    /// Made by the user in the page (not shipped).
    #[serde(default)]
    pub user: bool,
}

/// Is `c` a colour written `#rrggbb` (hex digits of either case)?
pub fn is_color(c: &str) -> bool {
    c.len() == 7 && c.starts_with('#') && c[1..].chars().all(|h| h.is_ascii_hexdigit())
}

/// Problems with a topic's own fields (not its id's uniqueness), one
/// message each, for a person to act on; empty when there is none.
pub fn topic_problems(t: &Topic) -> Vec<String> {
    let mut problems = Vec::new();
    if t.id.is_empty()
        || !t.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        problems.push(format!(
            "topic id \"{}\" must be lower-case ASCII letters, digits and '-'",
            t.id
        ));
    }
    if t.zh.trim().is_empty() || t.en.trim().is_empty() {
        problems.push(format!("topic \"{}\" needs a Chinese and an English name", t.id));
    }
    if !is_color(&t.color) {
        problems.push(format!("topic \"{}\": colour \"{}\" is not #rrggbb", t.id, t.color));
    }
    if t.keywords.is_empty() {
        problems.push(format!("topic \"{}\" has no keywords", t.id));
    }
    let mut seen = std::collections::HashSet::new();
    for k in &t.keywords {
        if k.trim().is_empty() || k.contains(char::is_whitespace) {
            problems
                .push(format!("topic \"{}\": keyword \"{k}\" is empty or contains spaces", t.id));
        } else if !seen.insert(k.as_str()) {
            problems.push(format!("topic \"{}\": keyword \"{k}\" is listed twice", t.id));
        }
    }
    problems
}

/// Writes topics in the format of `seeds/topics.toml`, which
/// [`parse_topics`] reads back: one `[[topic]]` table each, strings escaped
/// as TOML basic strings. The page exports the user's topics with it.
///
/// ```
/// use cijing_engine::statistics::topic_file::{parse_topics, to_topic_file, Topic};
/// let energy = Topic { id: "u-1a2b3c4d".into(), zh: "能源\"转型\"".into(), en: "energy".into(),
///     color: "#3d4a5c".into(), keywords: vec!["光伏".into(), "新能源".into()], user: true };
/// let text = to_topic_file(&[energy.clone()]);
/// assert!(text.contains("zh = \"能源\\\"转型\\\"\""));
/// assert_eq!(parse_topics("mine.toml", &text).unwrap(), vec![Topic { user: false, ..energy }]);
/// ```
pub fn to_topic_file(topics: &[Topic]) -> String {
    fn quoted(s: &str) -> String {
        let mut out = String::from("\"");
        for c in s.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
                c => out.push(c),
            }
        }
        out.push('"');
        out
    }
    let mut out =
        String::from("# cijing topics: one [[topic]] each (id, zh, en, color, keywords)\n");
    for t in topics {
        let keywords: Vec<String> = t.keywords.iter().map(|k| quoted(k)).collect();
        out.push_str(&format!(
            "\n[[topic]]\nid = {}\nzh = {}\nen = {}\ncolor = {}\nkeywords = [{}]\n",
            quoted(&t.id),
            quoted(&t.zh),
            quoted(&t.en),
            quoted(&t.color),
            keywords.join(", ")
        ));
    }
    out
}

#[cfg(not(target_arch = "wasm32"))]
pub use read::parse_topics;

#[cfg(not(target_arch = "wasm32"))]
mod read {
    use super::{topic_problems, Topic, TopicFileError};
    use serde::Deserialize;

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RawFile {
        topic: Vec<toml::Spanned<RawTopic>>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct RawTopic {
        id: String,
        zh: String,
        en: String,
        color: String,
        keywords: Vec<String>,
    }

    fn line_of(text: &str, offset: usize) -> usize {
        text[..offset.min(text.len())].matches('\n').count() + 1
    }

    /// Reads a topic file (TOML: one `[[topic]]` table each with `id`,
    /// `zh`, `en`, `color` and `keywords`, nothing else), in file order;
    /// `file` names it in errors. Every problem is reported with the line
    /// of the topic it is in (or of the TOML error), and then no topic is
    /// returned. Native builds only.
    pub fn parse_topics(file: &str, text: &str) -> Result<Vec<Topic>, Vec<TopicFileError>> {
        let at =
            |line: usize, message: String| TopicFileError { file: file.to_string(), line, message };
        let raw: RawFile = toml::from_str(text).map_err(|e| {
            let line = e.span().map(|s| line_of(text, s.start)).unwrap_or(1);
            vec![at(line, format!("cannot read the topic file: {}", e.message()))]
        })?;
        let mut errors = Vec::new();
        let mut topics: Vec<Topic> = Vec::new();
        for spanned in &raw.topic {
            let line = line_of(text, spanned.span().start);
            let r = spanned.get_ref();
            let t = Topic {
                id: r.id.clone(),
                zh: r.zh.clone(),
                en: r.en.clone(),
                color: r.color.clone(),
                keywords: r.keywords.clone(),
                user: false,
            };
            errors.extend(topic_problems(&t).into_iter().map(|m| at(line, m)));
            if topics.iter().any(|o| o.id == t.id) {
                errors.push(at(line, format!("topic id \"{}\" is used twice", t.id)));
            }
            topics.push(t);
        }
        if errors.is_empty() {
            Ok(topics)
        } else {
            Err(errors)
        }
    }
}
