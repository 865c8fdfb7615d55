//! A texts file (`cijing-texts.json`, what My texts exports) checked
//! before any of it joins the page, with the limits every added file has:
//! the file's size, the user's texts' size in all, ids that are the user's
//! own (never empty, never a shipped document's, never one already taken)
//! and titles that cannot pass for a shipped document's.

/// The format name a texts file carries.
pub const FORMAT: &str = "cijing-texts";

/// The largest texts file read: as large as any one file added (50 MB).
pub const MAX_FILE_BYTES: usize = cijing_engine::text::import::MAX_FILE_BYTES;

/// What one text of a file says it is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Claimed<'a> {
    /// Its id in the file.
    pub id: &'a str,
    /// The file it came from (for a new id).
    pub name: &'a str,
    /// Its title.
    pub title: &'a str,
    /// Its paragraphs' bytes of UTF-8.
    pub bytes: usize,
}

/// What becomes of one text of a file.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// It joins the user's texts under this id and title.
    Take {
        /// An id of the user's own.
        id: String,
        /// Its title, marked when it is a shipped document's.
        title: String,
    },
    /// It does not: why, naming the file and the text.
    Refuse(String),
}

/// What to do with each text of the texts file `file`: `shipped` are the
/// shipped documents' (id, title), `taken` the ids of the user's texts,
/// `used` the bytes they hold, `limit` the most all of them may hold;
/// `salt` goes into each new id ([`new_id`]).
///
/// ```
/// use cijing_view::texts_file::{check, Claimed, Verdict};
/// let shipped = [("cn-ru-2019-partnership", "中俄联合声明")];
/// let texts = [
///     Claimed { id: "cn-ru-2019-partnership", name: "a.txt", title: "中俄联合声明", bytes: 10 },
///     Claimed { id: "", name: "b.txt", title: "b", bytes: 10 },
///     Claimed { id: "u-c", name: "c.txt", title: "c", bytes: 100 },
/// ];
/// let verdicts = check("t.json", &texts, &shipped, &[], 0, 50, "k3f9");
/// assert_eq!(verdicts[0], Verdict::Take { id: "u-a-k3f9".into(), title: "中俄联合声明 (imported)".into() });
/// assert_eq!(verdicts[1], Verdict::Take { id: "u-b-k3f9".into(), title: "b".into() });
/// assert!(matches!(&verdicts[2], Verdict::Refuse(why) if why.contains("would pass")));
/// ```
pub fn check(
    file: &str,
    texts: &[Claimed],
    shipped: &[(&str, &str)],
    taken: &[String],
    used: usize,
    limit: usize,
    salt: &str,
) -> Vec<Verdict> {
    let mut taken = taken.to_vec();
    let mut used = used;
    texts
        .iter()
        .map(|text| {
            if used + text.bytes > limit {
                return Verdict::Refuse(format!(
                    "{file}: \"{}\" not added; your texts would pass {} MB in all",
                    text.title,
                    limit / (1024 * 1024)
                ));
            }
            used += text.bytes;
            let own = text.id.starts_with("u-")
                && text.id.len() <= 64
                && !taken.iter().any(|t| t == text.id)
                && !shipped.iter().any(|(id, _)| *id == text.id);
            let id = if own { text.id.to_string() } else { new_id(text.name, salt, &taken) };
            taken.push(id.clone());
            let title = if shipped.iter().any(|(_, title)| *title == text.title) {
                format!("{} (imported)", text.title)
            } else {
                text.title.to_string()
            };
            Verdict::Take { id, title }
        })
        .collect()
}

/// An id for a text named `name`, unique among `taken`: `u-`, the file
/// name's letters and digits and the `salt` (`u-声明-k3f9`), numbered when
/// taken (`u-声明-k3f9-2`). The page's salt is random, so two tabs adding
/// `pasted-1.txt` at once give it two ids, and neither replaces the other.
///
/// ```
/// use cijing_view::texts_file::new_id;
/// assert_eq!(new_id("声明 2024.txt", "k3f9", &[]), "u-声明2024-k3f9");
/// assert_eq!(new_id("声明 2024.txt", "", &["u-声明2024".into()]), "u-声明2024-2");
/// assert_eq!(new_id("...", "", &[]), "u-text");
/// ```
pub fn new_id(name: &str, salt: &str, taken: &[String]) -> String {
    let stem: String = name
        .rsplit_once('.')
        .map_or(name, |(s, _)| s)
        .chars()
        .filter(|c| c.is_alphanumeric())
        .take(24)
        .collect();
    let mut stem = if stem.is_empty() { "text".to_string() } else { stem };
    let salt: String = salt.chars().filter(|c| c.is_ascii_alphanumeric()).take(8).collect();
    if !salt.is_empty() {
        stem = format!("{stem}-{salt}");
    }
    let mut id = format!("u-{stem}");
    let mut n = 2;
    while taken.contains(&id) {
        id = format!("u-{stem}-{n}");
        n += 1;
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claimed<'a>(id: &'a str, title: &'a str, bytes: usize) -> Claimed<'a> {
        Claimed { id, name: "x.txt", title, bytes }
    }

    #[test]
    fn ids_are_the_users_own() {
        let shipped = [("cn-kg-2023-statement", "联合声明")];
        let taken = vec!["u-x".to_string()];
        // (id in the file, what it is)
        let ids_in_file = [
            ("u-x", "taken"),
            ("u-x", "taken again"),
            ("cn-kg-2023-statement", "shipped id"),
            ("", "empty"),
            ("u-new", "fine"),
            ("not-mine", "no prefix"),
        ];
        let texts: Vec<Claimed> =
            ids_in_file.iter().map(|&(id, what)| claimed(id, what, 1)).collect();
        let ids: Vec<String> = check("f.json", &texts, &shipped, &taken, 0, 100, "")
            .into_iter()
            .map(|v| match v {
                Verdict::Take { id, .. } => id,
                Verdict::Refuse(why) => panic!("{why}"),
            })
            .collect();
        assert_eq!(ids, ["u-x-2", "u-x-3", "u-x-4", "u-x-5", "u-new", "u-x-6"]);
    }

    #[test]
    fn the_total_limit_counts_what_is_there_and_what_came_before() {
        let texts = [claimed("u-a", "a", 30), claimed("u-b", "b", 30), claimed("u-c", "c", 10)];
        let verdicts = check("f.json", &texts, &[], &[], 40, 80, "");
        assert!(matches!(verdicts[0], Verdict::Take { .. }));
        assert_eq!(
            verdicts[1],
            Verdict::Refuse("f.json: \"b\" not added; your texts would pass 0 MB in all".into())
        );
        // A refused text takes no room: the next, smaller one fits.
        assert!(matches!(verdicts[2], Verdict::Take { .. }));
    }
}
