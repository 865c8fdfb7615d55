//! Alias groups: spellings counted as one canonical term when merging is
//! on (`上合组织` and `上合` as `上海合作组织`). File format, one group a line:
//! `canonical = alias alias …`, `#` starts a comment.

use crate::text::lexicon::{content_lines, LexiconError};

/// Alias groups as read from a file; give them to a corpus with
/// [`Corpus::set_aliases`](crate::corpus::Corpus::set_aliases). The
/// default has no group (nothing is merged).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AliasGroups {
    /// (canonical, aliases), in file order; no word is in two groups.
    pub groups: Vec<(String, Vec<String>)>,
}

impl AliasGroups {
    /// Parses an alias file. Every malformed line is reported with its
    /// number in `file`, and then nothing is returned: a line without `=`,
    /// a canonical term that is empty or has a space, no alias after `=`,
    /// or a word already in an earlier group.
    ///
    /// ```
    /// use cijing_engine::text::aliases::AliasGroups;
    ///
    /// let groups = AliasGroups::parse("# SCO\n上海合作组织 = 上合组织 上合\n", "aliases.txt").unwrap();
    /// assert_eq!(groups.groups, [("上海合作组织".to_string(), vec!["上合组织".to_string(), "上合".to_string()])]);
    ///
    /// let errors = AliasGroups::parse("上海合作组织 = 上合\n上合组织 = 上合\n", "aliases.txt").unwrap_err();
    /// assert_eq!(errors[0].to_string(), "aliases.txt line 2: \"上合\" is already in the group on line 1");
    /// ```
    pub fn parse(text: &str, file: &str) -> Result<AliasGroups, Vec<LexiconError>> {
        let mut groups: Vec<(String, Vec<String>)> = Vec::new();
        let mut errors = Vec::new();
        let mut seen: std::collections::HashMap<String, usize> = Default::default();
        for (line, content) in content_lines(text) {
            let err = |message: String| LexiconError { file: file.to_string(), line, message };
            let Some((canonical, aliases)) = content.split_once('=') else {
                errors.push(err(format!(
                    "expected `canonical = alias alias …`, found \"{content}\""
                )));
                continue;
            };
            let canonical = canonical.trim();
            let aliases: Vec<String> = aliases.split_whitespace().map(str::to_string).collect();
            if canonical.is_empty() || canonical.contains(char::is_whitespace) {
                errors.push(err(format!(
                    "the canonical term before '=' must be one word, found \"{canonical}\""
                )));
                continue;
            }
            if aliases.is_empty() {
                errors.push(err(format!("no aliases after '=' for \"{canonical}\"")));
                continue;
            }
            for word in std::iter::once(canonical).chain(aliases.iter().map(String::as_str)) {
                if let Some(prev) = seen.insert(word.to_string(), line) {
                    errors.push(err(format!("\"{word}\" is already in the group on line {prev}")));
                }
            }
            groups.push((canonical.to_string(), aliases));
        }
        if errors.is_empty() {
            Ok(AliasGroups { groups })
        } else {
            Err(errors)
        }
    }

    /// These groups with other spellings of their words added, each
    /// `(spelling, standard form)` — Traditional spellings and their
    /// Simplified forms, as
    /// [`traditional_spellings`](crate::text::script::traditional_spellings)
    /// gives them. A spelling whose standard form is a word of a group
    /// (canonical or alias) joins that group, so 上合組織 counts as
    /// 上海合作组织 when 上合组织 is its alias; otherwise the standard form
    /// heads a new group. A spelling already in a group stays where it is.
    ///
    /// ```
    /// use cijing_engine::text::aliases::AliasGroups;
    /// let groups = AliasGroups::parse("上海合作组织 = 上合组织", "aliases.txt").unwrap();
    /// let pairs = [("上合組織", "上合组织"), ("經濟", "经济"), ("上海合作组织", "上海合作组织")];
    /// let groups = groups.add_spellings(pairs.map(|(a, b)| (a.to_string(), b.to_string())));
    /// assert_eq!(groups.groups, [
    ///     ("上海合作组织".to_string(), vec!["上合组织".to_string(), "上合組織".to_string()]),
    ///     ("经济".to_string(), vec!["經濟".to_string()]),
    /// ]);
    /// ```
    pub fn add_spellings(
        mut self,
        spellings: impl IntoIterator<Item = (String, String)>,
    ) -> AliasGroups {
        let mut group_of: std::collections::HashMap<String, usize> = Default::default();
        for (i, (head, members)) in self.groups.iter().enumerate() {
            group_of.insert(head.clone(), i);
            for m in members {
                group_of.insert(m.clone(), i);
            }
        }
        for (spelling, standard) in spellings {
            if spelling == standard || group_of.contains_key(&spelling) {
                continue;
            }
            let i = match group_of.get(&standard) {
                Some(&i) => i,
                None => {
                    self.groups.push((standard.clone(), Vec::new()));
                    group_of.insert(standard, self.groups.len() - 1);
                    self.groups.len() - 1
                }
            };
            group_of.insert(spelling.clone(), i);
            self.groups[i].1.push(spelling);
        }
        self
    }
}
