//! The segmenter face, built for a Web Worker: jieba-rs with the shipped
//! dictionaries, kept out of the page's own wasm and loaded only when
//! something needs segmentation (search mode, HMM off, a user's word or
//! text). It answers the page's typed requests
//! (`cijing_view::worker_protocol`) with token streams
//! (`corpus::tokens`), which the page turns into a corpus without a
//! segmenter of its own. It also reads the files users add
//! (`text::import`: encoding detection, .docx unzipping, Traditional
//! folding), so those crates stay out of the page's wasm.

#[cfg(target_arch = "wasm32")]
mod worker {
    use cijing_engine::corpus::paragraph_list::ParagraphList;
    use cijing_engine::corpus::selection::Selection;
    use cijing_engine::corpus::tokens::encode;
    use cijing_engine::statistics::discover::{discover, DiscoverOptions};
    use cijing_engine::text::import::{
        import, import_pdf_text, paragraphs_script, segment_texts_telling, ImportedText,
    };
    use cijing_engine::text::lexicon::DictEntry;
    use cijing_engine::text::options::Choice;
    use cijing_engine::text::script::Script;
    use cijing_engine::text::segment::{Mode, SegmentOptions, Segmenter};
    use cijing_view::worker_protocol::{Reply, Request, Settings, Suggestion, Word, WordEntry};
    use serde::Serialize;
    use std::cell::RefCell;
    use wasm_bindgen::prelude::*;

    thread_local! {
        static SEGMENTER: RefCell<Option<Segmenter>> = const { RefCell::new(None) };
        /// The user's words the segmenter holds now (beyond the shipped ones).
        static USER_WORDS: RefCell<Vec<WordEntry>> = const { RefCell::new(Vec::new()) };
    }

    fn with_segmenter<T>(f: impl FnOnce(&Segmenter) -> T) -> T {
        SEGMENTER.with(|cell| {
            let mut slot = cell.borrow_mut();
            f(slot.get_or_insert_with(cijing_seeds::segmenter))
        })
    }

    /// Loads the dictionaries now (the first request would).
    #[wasm_bindgen]
    pub fn load() {
        with_segmenter(|_| ());
    }

    /// The segment options of `settings`, after making the user's
    /// dictionary exactly its words on top of the shipped dictionaries: a
    /// word dropped since the last request is gone (the segmenter is
    /// rebuilt), the same list costs nothing.
    fn apply(settings: &Settings) -> Result<SegmentOptions, String> {
        let mode = Mode::parse(&settings.mode)
            .ok_or_else(|| format!("mode \"{}\": use one of {}", settings.mode, Mode::codes()))?;
        let same = USER_WORDS.with(|u| *u.borrow() == settings.words);
        if !same || SEGMENTER.with(|s| s.borrow().is_none()) {
            let entries: Vec<DictEntry> = settings
                .words
                .iter()
                .enumerate()
                .map(|(i, w)| DictEntry {
                    word: w.word.clone(),
                    freq: None,
                    pos: (!w.tag.is_empty()).then(|| w.tag.clone()),
                    line: i + 1,
                })
                .collect();
            let mut segmenter = cijing_seeds::segmenter();
            segmenter.add_words(&entries);
            SEGMENTER.with(|cell| *cell.borrow_mut() = Some(segmenter));
            USER_WORDS.with(|u| *u.borrow_mut() = settings.words.clone());
        }
        Ok(SegmentOptions { mode, hmm: settings.hmm })
    }

    /// A reply and the bytes that travel beside it.
    struct Answer {
        reply: Reply,
        bytes: Vec<Vec<u8>>,
        /// Whether the page keeps the bytes (the worker sends blobs of them too).
        keep: bool,
    }

    impl Answer {
        fn plain(reply: Reply) -> Answer {
            Answer { reply, bytes: Vec::new(), keep: false }
        }
    }

    /// Answers one request of the page (`{ request, payload }`, see
    /// `cijing_view::worker_protocol`): `{ reply, bytes, keep }`, the bytes
    /// as `Uint8Array`s to hand over. A request that cannot be answered
    /// answers `Reply::Failed` with why. `progress(done, total)` hears how
    /// far a build has got, in bytes.
    #[wasm_bindgen]
    pub fn answer(
        request: JsValue,
        payload: Vec<js_sys::Uint8Array>,
        progress: js_sys::Function,
    ) -> JsValue {
        let answer = serde_wasm_bindgen::from_value::<Request>(request)
            .map_err(|e| format!("the worker cannot read the request: {e}"))
            .and_then(|request| run(request, payload, &progress))
            .unwrap_or_else(|error| Answer::plain(Reply::Failed { error }));
        let out = js_sys::Object::new();
        let reply = to_js(&answer.reply)
            .unwrap_or_else(|e| to_js(&Reply::Failed { error: e }).unwrap_or(JsValue::NULL));
        let bytes: js_sys::Array =
            answer.bytes.iter().map(|b| js_sys::Uint8Array::from(&b[..])).collect();
        let _ = js_sys::Reflect::set(&out, &"reply".into(), &reply);
        let _ = js_sys::Reflect::set(&out, &"bytes".into(), &bytes);
        let _ = js_sys::Reflect::set(&out, &"keep".into(), &answer.keep.into());
        out.into()
    }

    fn run(
        request: Request,
        payload: Vec<js_sys::Uint8Array>,
        progress: &js_sys::Function,
    ) -> Result<Answer, String> {
        match request {
            Request::Build { seeds, scripts, settings } => {
                let options = apply(&settings)?;
                build(seeds, &scripts, payload, options, progress)
            }
            Request::Import { name, encoding } => {
                let bytes = payload.first().ok_or("no file bytes in the request")?.to_vec();
                let text = import(&name, &bytes, Some(encoding.as_str()).filter(|l| !l.is_empty()))
                    .map_err(|e| e.to_string())?;
                Ok(read(text))
            }
            Request::Pdf { name, text } => {
                Ok(read(import_pdf_text(&name, &text).map_err(|e| e.to_string())?))
            }
            Request::Discover { limit, settings } => {
                let options = apply(&settings)?;
                let mut candidates = with_segmenter(|s| {
                    let corpus = cijing_seeds::corpus(s, options);
                    discover(&corpus, &Selection::all(&corpus), &DiscoverOptions::default(), s)
                });
                candidates.truncate(limit);
                let candidates = candidates
                    .into_iter()
                    .map(|c| Suggestion { word: c.word, count: c.count, score: c.score })
                    .collect();
                Ok(Answer::plain(Reply::Suggested { candidates }))
            }
            Request::Words { text, settings } => {
                let options = apply(&settings)?;
                Ok(Answer::plain(Reply::Words {
                    words: with_segmenter(|s| words(s, &text, options)),
                }))
            }
        }
    }

    /// One text's words (white space left out) with POS tags and spans in
    /// UTF-16 code units, counted as the tokens go (linear in the text).
    fn words(segmenter: &Segmenter, text: &str, options: SegmentOptions) -> Vec<Word> {
        let (mut byte, mut unit) = (0, 0);
        let mut utf16 = |to: usize| {
            unit += text[byte..to].encode_utf16().count();
            byte = to;
            unit
        };
        let mut words = Vec::new();
        for token in segmenter.segment(text, options) {
            let start = utf16(token.start);
            let end = utf16(token.end);
            let word = &text[token.start..token.end];
            if !word.trim().is_empty() {
                words.push(Word { word: word.to_string(), pos: token.pos.to_string(), start, end });
            }
        }
        words
    }

    /// A read text for the page: its fields, with its paragraphs as bytes
    /// ([`ParagraphList::to_bytes`]) beside it (one buffer crosses to the
    /// page however long the text is), kept by the page as a blob.
    fn read(mut text: ImportedText) -> Answer {
        let paragraphs = ParagraphList::from(std::mem::take(&mut text.paragraphs));
        let chars =
            paragraphs.iter().map(|p| p.chars().filter(|c| !c.is_whitespace()).count()).sum();
        Answer {
            reply: Reply::Read { text, chars },
            bytes: vec![paragraphs.to_bytes()],
            keep: true,
        }
    }

    /// The shipped documents (when `seeds`) and the user's documents (each
    /// its paragraphs' bytes, [`ParagraphList::to_bytes`], in its script as
    /// its import judged it, else judged again from its paragraphs),
    /// segmented (`text::import::segment_texts`, as the CLI's `--add`): a
    /// token stream each, and the `[traditional, simplified]` pairs of the
    /// Traditional words for the page's alias groups, so the page needs no
    /// conversion table of its own. Progress about every 256 KB.
    fn build(
        seeds: bool,
        scripts: &[String],
        payload: Vec<js_sys::Uint8Array>,
        options: SegmentOptions,
        progress: &js_sys::Function,
    ) -> Result<Answer, String> {
        const EVERY_BYTES: usize = 256 * 1024;
        let mut bytes = Vec::new();
        if seeds {
            let docs = cijing_seeds::documents();
            bytes.push(with_segmenter(|s| {
                let tokens: Vec<Vec<_>> = docs
                    .iter()
                    .map(|d| d.paragraphs.iter().map(|p| s.segment(p, options)).collect())
                    .collect();
                encode(&tokens)
            }));
        }
        let docs = payload
            .iter()
            .enumerate()
            .map(|(i, doc)| {
                ParagraphList::from_bytes(&doc.to_vec())
                    .map_err(|e| format!("document {}: {e}", i + 1))
            })
            .collect::<Result<Vec<ParagraphList>, String>>()?;
        let mut spellings = Vec::new();
        if !docs.is_empty() {
            let total: usize = docs.iter().flat_map(|d| d.iter()).map(String::len).sum();
            let (mut done, mut told) = (0, 0);
            let tell = |p: &str| {
                done += p.len();
                if done - told >= EVERY_BYTES {
                    told = done;
                    let _ = progress.call2(
                        &JsValue::NULL,
                        &(done as f64).into(),
                        &(total as f64).into(),
                    );
                }
            };
            let texts = docs.iter().enumerate().map(|(i, paragraphs)| {
                let script = scripts
                    .get(i)
                    .and_then(|s| Script::parse(s))
                    .unwrap_or_else(|| paragraphs_script(paragraphs));
                (&paragraphs[..], script)
            });
            let segmented = with_segmenter(|s| segment_texts_telling(s, texts, options, tell));
            bytes.push(encode(&segmented.tokens));
            spellings = segmented.spellings;
        }
        Ok(Answer { reply: Reply::Built { spellings }, bytes, keep: false })
    }

    fn to_js<T: Serialize>(value: &T) -> Result<JsValue, String> {
        value
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(|e| e.to_string())
    }

    /// Segments the shipped documents `rounds` times; JSON with the
    /// characters and the median and fastest time in ms (for the benchmark).
    #[wasm_bindgen]
    pub fn bench_segment_corpus(rounds: u32) -> String {
        let docs = cijing_seeds::documents();
        let chars: usize = docs.iter().flat_map(|d| &d.paragraphs).map(|p| p.chars().count()).sum();
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
        format!("{{\"median_ms\":{:.2},\"min_ms\":{:.2}}}", times[times.len() / 2], times[0])
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("cijing-segmenter is the browser's segmenter worker; see scripts/build.sh.");
    std::process::exit(2);
}
