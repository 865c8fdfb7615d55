//! The segmenter face, built for a Web Worker: jieba-rs with the shipped
//! dictionaries, kept out of the page's own wasm and loaded only when
//! something needs segmentation (search mode, HMM off, a user's word or
//! text). It answers with token streams (`engine::tokens`), which the page
//! turns into a corpus without a segmenter of its own. It also reads the
//! files users add (`engine::import`: encoding detection, .docx unzipping,
//! Traditional folding), so those crates stay out of the page's wasm.

#[cfg(target_arch = "wasm32")]
mod worker {
    use cijing_engine::corpus::paragraph_list::ParagraphList;
    use cijing_engine::corpus::tokens::encode;
    use cijing_engine::text::import::{
        import, import_pdf_text, paragraphs_script, segment_texts_telling, ImportedText,
    };
    use cijing_engine::text::lexicon::DictEntry;
    use cijing_engine::text::options::Choice;
    use cijing_engine::text::script::Script;
    use cijing_engine::text::segment::{Mode, SegmentOptions, Segmenter};
    use std::cell::RefCell;
    use wasm_bindgen::prelude::*;

    thread_local! {
        static SEGMENTER: RefCell<Option<Segmenter>> = const { RefCell::new(None) };
        /// The user's words the segmenter holds now (beyond the shipped ones).
        static USER_WORDS: RefCell<Vec<(String, String)>> = const { RefCell::new(Vec::new()) };
    }

    fn with_segmenter<T>(f: impl FnOnce(&Segmenter) -> T) -> T {
        SEGMENTER.with(|cell| {
            let mut slot = cell.borrow_mut();
            f(slot.get_or_insert_with(cijing_seeds::segmenter))
        })
    }

    fn options(mode: &str, hmm: bool) -> Result<SegmentOptions, JsError> {
        let mode = Mode::parse(mode).ok_or_else(|| {
            JsError::new(&format!("mode \"{mode}\": use one of {}", Mode::codes()))
        })?;
        Ok(SegmentOptions { mode, hmm })
    }

    /// Loads the dictionaries now (the first call of anything else would).
    #[wasm_bindgen]
    pub fn load() {
        with_segmenter(|_| ());
    }

    /// Adds words (`word`, optional POS) to the dictionary; later
    /// segmentation uses them. Returns how many were added.
    #[wasm_bindgen]
    pub fn add_words(words: Vec<String>, tags: Vec<String>) -> usize {
        let entries: Vec<DictEntry> = words
            .iter()
            .enumerate()
            .map(|(i, w)| DictEntry {
                word: w.clone(),
                freq: None,
                pos: tags.get(i).filter(|t| !t.is_empty()).cloned(),
                line: i + 1,
            })
            .collect();
        SEGMENTER.with(|cell| {
            cell.borrow_mut()
                .get_or_insert_with(cijing_seeds::segmenter)
                .add_words(&entries)
        });
        entries.len()
    }

    /// Makes the user's dictionary exactly these words (with tags, `""` for
    /// none) on top of the shipped dictionaries: a word dropped since the
    /// last call is gone (the segmenter is rebuilt), the same list costs
    /// nothing. Returns how many words it holds.
    #[wasm_bindgen]
    pub fn set_words(words: Vec<String>, tags: Vec<String>) -> usize {
        let wanted: Vec<(String, String)> = words
            .iter()
            .enumerate()
            .map(|(i, w)| (w.clone(), tags.get(i).cloned().unwrap_or_default()))
            .collect();
        if USER_WORDS.with(|u| *u.borrow() == wanted) && SEGMENTER.with(|s| s.borrow().is_some()) {
            return wanted.len();
        }
        let entries: Vec<DictEntry> = wanted
            .iter()
            .enumerate()
            .map(|(i, (w, t))| DictEntry {
                word: w.clone(),
                freq: None,
                pos: (!t.is_empty()).then(|| t.clone()),
                line: i + 1,
            })
            .collect();
        let mut segmenter = cijing_seeds::segmenter();
        segmenter.add_words(&entries);
        SEGMENTER.with(|cell| *cell.borrow_mut() = Some(segmenter));
        let n = wanted.len();
        USER_WORDS.with(|u| *u.borrow_mut() = wanted);
        n
    }

    /// The shipped documents segmented with these settings, as a token stream.
    #[wasm_bindgen]
    pub fn segment_seeds(mode: &str, hmm: bool) -> Result<Vec<u8>, JsError> {
        let options = options(mode, hmm)?;
        let docs = cijing_seeds::documents();
        Ok(with_segmenter(|s| {
            let tokens: Vec<Vec<_>> = docs
                .iter()
                .map(|d| d.paragraphs.iter().map(|p| s.segment(p, options)).collect())
                .collect();
            encode(&tokens)
        }))
    }

    #[derive(serde::Serialize)]
    struct Word<'a> {
        word: &'a str,
        pos: &'a str,
        start: usize,
        end: usize,
    }

    /// One text's words (white space left out) with POS tags and spans in
    /// UTF-16 code units, so `text.slice(start, end)` in JS is the word.
    #[wasm_bindgen]
    pub fn segment_words(text: &str, mode: &str, hmm: bool) -> Result<JsValue, JsError> {
        let options = options(mode, hmm)?;
        let tokens = with_segmenter(|s| s.segment(text, options));
        let words: Vec<Word> = tokens
            .iter()
            .filter(|t| !text[t.start..t.end].trim().is_empty())
            .map(|t| {
                let utf16 = |byte: usize| text[..byte].encode_utf16().count();
                Word {
                    word: &text[t.start..t.end],
                    pos: &t.pos,
                    start: utf16(t.start),
                    end: utf16(t.end),
                }
            })
            .collect();
        serde::Serialize::serialize(&words, &serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(|e| JsError::new(&e.to_string()))
    }

    /// Segments the shipped documents `rounds` times; JSON with the
    /// characters and the median and fastest time in ms (for the benchmark).
    #[wasm_bindgen]
    pub fn bench_segment_corpus(rounds: u32) -> String {
        let docs = cijing_seeds::documents();
        let chars: usize = docs
            .iter()
            .flat_map(|d| &d.paragraphs)
            .map(|p| p.chars().count())
            .sum();
        let now = || js_sys::Date::now();
        let mut times: Vec<f64> = (0..rounds.max(1))
            .map(|_| {
                let t = now();
                with_segmenter(|s| {
                    for p in docs.iter().flat_map(|d| &d.paragraphs) {
                        std::hint::black_box(s.segment(p, SegmentOptions::default()));
                    }
                });
                now() - t
            })
            .collect();
        times.sort_by(|a, b| a.total_cmp(b));
        format!(
            "{{\"chars\":{chars},\"median_ms\":{:.2},\"min_ms\":{:.2}}}",
            times[times.len() / 2],
            times[0]
        )
    }

    /// For the benchmark: building the segmenter from the dictionaries in
    /// this wasm (jieba's compact one, the domain words, the stopwords),
    /// `rounds` times, as `{"median_ms":…,"min_ms":…}`.
    #[wasm_bindgen]
    pub fn bench_load_dictionaries(rounds: u32) -> String {
        let mut times: Vec<f64> = (0..rounds.max(1))
            .map(|_| {
                let t = js_sys::Date::now();
                std::hint::black_box(cijing_seeds::segmenter());
                js_sys::Date::now() - t
            })
            .collect();
        times.sort_by(|a, b| a.total_cmp(b));
        format!(
            "{{\"median_ms\":{:.2},\"min_ms\":{:.2}}}",
            times[times.len() / 2],
            times[0]
        )
    }

    /// Candidate new words in the shipped documents (`engine::discover`,
    /// default options) that the dictionaries, the user's words included,
    /// lack: the `limit` best, as `{ word, count, pmi, left_entropy,
    /// right_entropy, score }`.
    #[wasm_bindgen]
    pub fn discover_words(mode: &str, hmm: bool, limit: usize) -> Result<JsValue, JsError> {
        use cijing_engine::corpus::selection::Selection;
        use cijing_engine::statistics::discover::{discover, DiscoverOptions};
        let options = options(mode, hmm)?;
        let mut candidates = with_segmenter(|s| {
            let corpus = cijing_seeds::corpus(s, options);
            discover(
                &corpus,
                &Selection::all(&corpus),
                &DiscoverOptions::default(),
                s,
            )
        });
        candidates.truncate(limit);
        to_js(&candidates)
    }

    fn to_js<T: serde::Serialize>(value: &T) -> Result<JsValue, JsError> {
        value
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(|e| JsError::new(&e.to_string()))
    }

    /// A read text for the page: its fields, with its paragraphs as `body`
    /// bytes ([`ParagraphList::to_bytes`]) instead of a string each (one
    /// value crosses to the page however long the text is).
    fn text_to_js(mut text: ImportedText) -> Result<JsValue, JsError> {
        let paragraphs = ParagraphList::from(std::mem::take(&mut text.paragraphs));
        let chars: usize = paragraphs
            .iter()
            .map(|p| p.chars().filter(|c| !c.is_whitespace()).count())
            .sum();
        let value = to_js(&text)?;
        let _ = js_sys::Reflect::set(&value, &"chars".into(), &(chars as f64).into());
        js_sys::Reflect::set(
            &value,
            &"body".into(),
            &js_sys::Uint8Array::from(paragraphs.to_bytes().as_slice()),
        )
        .map_err(|_| JsError::new("the text could not be handed to the page"))?;
        Ok(value)
    }

    /// Reads a file a user adds: its name (the extension tells the format),
    /// its bytes and an optional encoding label overriding detection. Returns
    /// the imported text — `{ name, encoding, format, script, title, date
    /// (YYYY-MM-DD or null), parties, meta, paragraphs: [], chars, body }`
    /// (chars: characters but white space), the
    /// paragraphs in `body` ([`ParagraphList::to_bytes`]) — or an error
    /// whose message names the file.
    #[wasm_bindgen]
    pub fn import_file(
        name: &str,
        bytes: &[u8],
        encoding: Option<String>,
    ) -> Result<JsValue, JsError> {
        let text = import(name, bytes, encoding.as_deref().filter(|l| !l.is_empty()))
            .map_err(|e| JsError::new(&e.to_string()))?;
        text_to_js(text)
    }

    /// Reads the text pdf.js extracted from a PDF (hard-wrapped lines, page
    /// numbers and all), as [`import_file`] reads a file.
    #[wasm_bindgen]
    pub fn import_pdf(name: &str, text: &str) -> Result<JsValue, JsError> {
        text_to_js(import_pdf_text(name, text).map_err(|e| JsError::new(&e.to_string()))?)
    }

    /// Users' documents (each document's paragraphs, in the original
    /// script, as [`ParagraphList::to_bytes`] bytes, or a string of lines
    /// or a list), each in its script (`scripts`, a [`Script`] code each,
    /// as the import judged it; judged from the paragraphs when missing),
    /// segmented with these settings
    /// (`engine::import::segment_texts`, as the CLI's `--add`): `{ tokens,
    /// spellings }`, a token stream like [`segment_seeds`]'s (Traditional
    /// text is segmented through its Simplified fold, with spans in the
    /// original text) and the `[traditional, simplified]` pairs of the
    /// Traditional words, for the page's alias groups — so the page needs
    /// no conversion table of its own. `progress`, when given, is called
    /// with (bytes segmented, bytes in all) every 256 KB or so.
    #[wasm_bindgen]
    pub fn segment_documents(
        docs: JsValue,
        scripts: Vec<String>,
        mode: &str,
        hmm: bool,
        progress: Option<js_sys::Function>,
    ) -> Result<JsValue, JsError> {
        const EVERY_BYTES: usize = 256 * 1024;
        let options = options(mode, hmm)?;
        let docs = js_sys::Array::from(&docs)
            .iter()
            .enumerate()
            .map(|(i, doc)| match doc.dyn_ref::<js_sys::Uint8Array>() {
                Some(bytes) => ParagraphList::from_bytes(&bytes.to_vec())
                    .map_err(|e| format!("document {}: {e}", i + 1)),
                None => serde_wasm_bindgen::from_value(doc)
                    .map_err(|e| format!("document {}: expected its paragraphs ({e})", i + 1)),
            })
            .collect::<Result<Vec<ParagraphList>, String>>()
            .map_err(|e| JsError::new(&e))?;
        let total: usize = docs.iter().flat_map(|d| d.iter()).map(String::len).sum();
        let (mut done, mut told) = (0, 0);
        let tell = |p: &str| {
            done += p.len();
            if let Some(progress) = progress.as_ref().filter(|_| done - told >= EVERY_BYTES) {
                told = done;
                let _ = progress.call2(
                    &JsValue::NULL,
                    &(done as f64).into(),
                    &(total as f64).into(),
                );
            }
        };
        // Each text's script as its import judged it (title and paragraphs,
        // as the CLI's), else judged again from its paragraphs.
        let texts = docs.iter().enumerate().map(|(i, paragraphs)| {
            let script = scripts
                .get(i)
                .and_then(|s| Script::parse(s))
                .unwrap_or_else(|| paragraphs_script(paragraphs));
            (&paragraphs[..], script)
        });
        let segmented = with_segmenter(|s| segment_texts_telling(s, texts, options, tell));
        let answer = js_sys::Object::new();
        let tokens = js_sys::Uint8Array::from(&encode(&segmented.tokens)[..]);
        js_sys::Reflect::set(&answer, &"tokens".into(), &tokens)
            .map_err(|_| JsError::new("cannot answer"))?;
        js_sys::Reflect::set(&answer, &"spellings".into(), &to_js(&segmented.spellings)?)
            .map_err(|_| JsError::new("cannot answer"))?;
        Ok(answer.into())
    }

    /// Texts (one paragraph each) segmented as one document, as a token stream.
    #[wasm_bindgen]
    pub fn segment_texts(texts: Vec<String>, mode: &str, hmm: bool) -> Result<Vec<u8>, JsError> {
        let options = options(mode, hmm)?;
        Ok(with_segmenter(|s| {
            encode(&[texts.iter().map(|t| s.segment(t, options)).collect()])
        }))
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("cijing-segmenter is the browser's segmenter worker; see scripts/build.sh.");
    std::process::exit(2);
}
