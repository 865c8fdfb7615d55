//! jieba's dictionary in a compact, lossless form, for shipping: 5.1 MB of
//! `word freq tag` text become 2.4 MB, and 1.55 MB brotli become 1.14 MB.
//! The same words, exact frequencies and tags in the same order, so a
//! segmenter loaded from it cuts exactly as one loaded from the text.
//!
//! The file is columns, each of which compresses well on its own:
//!
//! ```text
//! "CJD1"  count: u32  then five section lengths: u32 each (little-endian)
//! tags     the tag names, each followed by '\n' (an entry's tag is an index)
//! shared   per entry, one byte: how many leading characters the word shares
//!          with the word before it (front coding; at most 255)
//! rests    per entry, the rest of the word in GB18030, followed by '\n'
//! freqs    per entry, the frequency as an unsigned LEB128 number (varint)
//! tag ids  per entry, one byte: the index of its tag
//! ```
//!
//! GB18030 stores a Chinese character in two bytes where UTF-8 takes three,
//! and covers all of Unicode; `'\n'` never occurs inside one of its
//! characters.

use std::fmt;

const MAGIC: &[u8; 4] = b"CJD1";
const HEADER_LEN: usize = 4 + 4 * 6;

/// A problem with a dictionary: a text line that cannot be stored (with
/// its 1-based line number) or a compact file that is damaged.
#[derive(Debug, Clone, PartialEq)]
pub struct CompactDictError(pub String);

impl fmt::Display for CompactDictError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The compact form of a jieba dictionary in its text format (`word freq
/// [tag]` a line, UTF-8; blank lines are skipped). An error names the first
/// line that cannot be stored: no frequency, a frequency that is not a whole
/// number, or a word GB18030 cannot carry back unchanged.
pub fn compact(dictionary: &str) -> Result<Vec<u8>, CompactDictError> {
    let mut tags: Vec<&str> = Vec::new();
    let (mut shared, mut rests, mut freqs, mut tag_ids) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut previous = "";
    let mut count: u32 = 0;
    for (i, line) in dictionary.lines().enumerate() {
        let err = |message: String| CompactDictError(format!("line {}: {message}", i + 1));
        let mut fields = line.split_whitespace();
        let Some(word) = fields.next() else { continue };
        let freq = fields.next().ok_or_else(|| err(format!("\"{word}\" has no frequency")))?;
        let freq: u64 = freq
            .parse()
            .map_err(|_| err(format!("the frequency \"{freq}\" is not a whole number")))?;
        let tag = fields.next().unwrap_or("");
        let tag_id = match tags.iter().position(|t| *t == tag) {
            Some(id) => id,
            None => {
                tags.push(tag);
                tags.len() - 1
            }
        };
        let tag_id =
            u8::try_from(tag_id).map_err(|_| err("more than 256 different tags".into()))?;
        let common =
            word.chars().zip(previous.chars()).take_while(|(a, b)| a == b).count().min(255);
        let rest = &word[word.char_indices().nth(common).map_or(word.len(), |(at, _)| at)..];
        let (encoded, _, unmappable) = encoding_rs::GB18030.encode(rest);
        let back =
            encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(&encoded);
        if unmappable || back.as_deref() != Some(rest) {
            return Err(err(format!("\"{word}\" cannot be stored in GB18030 unchanged")));
        }
        shared.push(common as u8);
        rests.extend_from_slice(&encoded);
        rests.push(b'\n');
        crate::text::varint::put(&mut freqs, freq);
        tag_ids.push(tag_id);
        previous = word;
        count += 1;
    }
    let tag_section: String = tags.iter().flat_map(|t| [*t, "\n"]).collect();
    let sections: [&[u8]; 5] = [tag_section.as_bytes(), &shared, &rests, &freqs, &tag_ids];
    let mut out = Vec::with_capacity(HEADER_LEN + sections.iter().map(|s| s.len()).sum::<usize>());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&count.to_le_bytes());
    for section in sections {
        out.extend_from_slice(&(section.len() as u32).to_le_bytes());
    }
    for section in sections {
        out.extend_from_slice(section);
    }
    Ok(out)
}

/// Calls `entry(word, freq, tag)` for every entry of a compact dictionary,
/// in order (`tag` is `""` for an entry without one), and returns how many
/// there were. On damage it stops with an error saying what is wrong; the
/// entries given before it are then to be thrown away.
pub fn for_each_entry(
    compact: &[u8],
    mut entry: impl FnMut(&str, u64, &str),
) -> Result<usize, CompactDictError> {
    let damaged =
        |what: &str| CompactDictError(format!("the compact dictionary is damaged: {what}"));
    if compact.len() < HEADER_LEN || &compact[..4] != MAGIC {
        return Err(damaged("it does not start with a CJD1 header"));
    }
    let number = |at: usize| {
        u32::from_le_bytes(compact[at..at + 4].try_into().expect("four bytes")) as usize
    };
    let count = number(4);
    let mut sections = [&compact[..0]; 5];
    let mut at = HEADER_LEN;
    for (i, section) in sections.iter_mut().enumerate() {
        let end = at.checked_add(number(8 + 4 * i)).filter(|&end| end <= compact.len());
        *section =
            &compact[at..end.ok_or_else(|| damaged("it is shorter than its header says"))?];
        at += section.len();
    }
    let [tag_section, shared, rests, freqs, tag_ids] = sections;
    if at != compact.len() {
        return Err(damaged("it is longer than its header says"));
    }
    if shared.len() != count || tag_ids.len() != count {
        return Err(damaged("a column has the wrong number of entries"));
    }
    let tags: Vec<&str> = std::str::from_utf8(tag_section)
        .map_err(|_| damaged("a tag is not UTF-8"))?
        .split_terminator('\n')
        .collect();
    if let Some(&id) = tag_ids.iter().find(|&&id| id as usize >= tags.len()) {
        return Err(damaged(&format!("tag number {id} of {}", tags.len())));
    }
    let rests = encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(rests)
        .ok_or_else(|| damaged("a word is not GB18030"))?;
    // Each word is rebuilt in place from the one before it. The rests are
    // short (three characters on average): a plain scan for their ends beats
    // `split`'s memchr, measured in wasm.
    let (mut rest_at, mut freq_at) = (0, 0);
    let mut word = String::new();
    for i in 0..count {
        let len = rests.as_bytes()[rest_at..]
            .iter()
            .position(|&b| b == b'\n')
            .ok_or_else(|| damaged("there are fewer words than entries"))?;
        let rest = &rests[rest_at..rest_at + len];
        rest_at += len + 1;
        let keep = shared[i] as usize;
        let cut = match keep {
            0 => Some(0),
            _ => word.char_indices().nth(keep - 1).map(|(at, c)| at + c.len_utf8()),
        }
        .ok_or_else(|| {
            damaged(&format!("entry {} shares more characters than the word before it has", i + 1))
        })?;
        word.truncate(cut);
        word.push_str(rest);
        if word.is_empty() {
            return Err(damaged(&format!("entry {} is an empty word", i + 1)));
        }
        let freq = crate::text::varint::take(freqs, &mut freq_at)
            .ok_or_else(|| damaged(&format!("the frequency of entry {} is cut off", i + 1)))?;
        entry(&word, freq, tags[tag_ids[i] as usize]);
    }
    if rest_at != rests.len() || freq_at != freqs.len() {
        return Err(damaged("there is more data than entries"));
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(compact: &[u8]) -> Result<Vec<(String, u64, String)>, CompactDictError> {
        let mut out = Vec::new();
        for_each_entry(compact, |w, f, t| out.push((w.to_string(), f, t.to_string())))?;
        Ok(out)
    }

    #[test]
    fn a_dictionary_comes_back_exactly() {
        let text = "中 100 n\n中国 5000 ns\n中国人 20 n\n中亚 300\n\nA股 3 n\n𠀀字 1 zg\n";
        let compact = compact(text).unwrap();
        let back = entries(&compact).unwrap();
        let expected: Vec<(String, u64, String)> = [
            ("中", 100, "n"),
            ("中国", 5000, "ns"),
            ("中国人", 20, "n"),
            ("中亚", 300, ""),
            ("A股", 3, "n"),
            ("𠀀字", 1, "zg"),
        ]
        .iter()
        .map(|(w, f, t)| (w.to_string(), *f, t.to_string()))
        .collect();
        assert_eq!(back, expected);
        // Tags n, ns, "" and zg, in the order first seen; 中国人 shares two
        // characters with 中国 and stores one: in GB18030 中 is D6 D0, 国
        // B9 FA and 人 C8 CB.
        let tags_len = u32::from_le_bytes(compact[8..12].try_into().unwrap()) as usize;
        assert_eq!(&compact[HEADER_LEN..HEADER_LEN + tags_len], b"n\nns\n\nzg\n");
        let shared = &compact[HEADER_LEN + tags_len..HEADER_LEN + tags_len + 6];
        assert_eq!(shared, &[0, 1, 2, 1, 0, 0]);
        let rests_at = HEADER_LEN + tags_len + 6;
        assert_eq!(
            &compact[rests_at..rests_at + 8],
            &[0xD6, 0xD0, b'\n', 0xB9, 0xFA, b'\n', 0xC8, 0xCB]
        );
    }

    #[test]
    fn a_bad_line_is_named() {
        assert_eq!(compact("中 1 n\n国\n").unwrap_err().0, "line 2: \"国\" has no frequency");
        assert_eq!(
            compact("中 1 n\n\n国 x n\n").unwrap_err().0,
            "line 3: the frequency \"x\" is not a whole number"
        );
    }

    #[test]
    fn damage_is_reported_not_read() {
        let good = compact("中 100 n\n中国 5000 ns\n").unwrap();
        assert!(entries(&good[..good.len() - 1])
            .unwrap_err()
            .0
            .contains("shorter than its header"));
        let mut longer = good.clone();
        longer.push(0);
        assert!(entries(&longer).unwrap_err().0.contains("longer than its header"));
        assert!(entries(b"text").unwrap_err().0.contains("CJD1"));
        // The second word claims to share two characters with 中.
        let mut shares = good.clone();
        let tags_len = u32::from_le_bytes(good[8..12].try_into().unwrap()) as usize;
        shares[HEADER_LEN + tags_len + 1] = 2;
        assert_eq!(
            entries(&shares).unwrap_err().0,
            "the compact dictionary is damaged: entry 2 shares more characters than the word before it has"
        );
        // An entry that rebuilds no word.
        let empty = compact("中 100 n\n").unwrap();
        let mut blank = empty[..HEADER_LEN].to_vec();
        let tags_len = u32::from_le_bytes(empty[8..12].try_into().unwrap()) as usize;
        blank[16..20].copy_from_slice(&1u32.to_le_bytes()); // rests: just '\n'
        blank.extend_from_slice(&empty[HEADER_LEN..HEADER_LEN + tags_len + 1]);
        blank.extend_from_slice(b"\n");
        blank.extend_from_slice(&empty[empty.len() - 2..]);
        assert_eq!(
            entries(&blank).unwrap_err().0,
            "the compact dictionary is damaged: entry 1 is an empty word"
        );
        // A tag id past the table.
        let mut tag = good.clone();
        *tag.last_mut().unwrap() = 9;
        assert!(entries(&tag).unwrap_err().0.contains("tag number 9 of 2"));
    }
}
