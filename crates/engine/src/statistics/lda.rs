//! Discovered topics: latent Dirichlet allocation over paragraphs, fitted
//! by collapsed Gibbs sampling with a seeded generator, so the same corpus,
//! selection and settings give the same topics. It runs in sweeps so a
//! page can show progress between them.
//!
//! Each selected paragraph is a document of its terms (word tokens, no
//! stopwords, at least `min_len` characters, in at least `min_paragraphs`
//! paragraphs and at most a `max_share` of them). Sampling: p(z = k) ∝ (n_dk + α)(n_kw + β) / (n_k + Vβ).

use crate::corpus::selection::Selection;
use crate::corpus::{Corpus, TermId};
use crate::statistics::stats::TermOptions;
use crate::text::options::{check_range, OptionError};
use serde::{Deserialize, Serialize};

/// The model's settings.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct LdaOptions {
    /// Number of topics (2 to 50; [`Lda::new`] clamps it there). Default 8.
    pub k: usize,
    /// Dirichlet prior on each paragraph's topics (default 0.1; smaller:
    /// fewer topics per paragraph).
    pub alpha: f64,
    /// Dirichlet prior on each topic's words (default 0.01; smaller: fewer
    /// words per topic).
    pub beta: f64,
    /// Seed of the generator: the same seed gives the same topics.
    pub seed: u64,
    /// Shortest term, in characters (default 2).
    pub min_len: usize,
    /// Leave out terms in fewer selected paragraphs than this (default 3).
    pub min_paragraphs: u32,
    /// Terms in more than this share of the selected paragraphs (合作,
    /// 双方) say little about any one topic and are left out (default 0.1).
    pub max_share: f64,
}

impl Default for LdaOptions {
    fn default() -> Self {
        LdaOptions {
            k: 8,
            alpha: 0.1,
            beta: 0.01,
            seed: 42,
            min_len: 2,
            min_paragraphs: 3,
            max_share: 0.1,
        }
    }
}

impl LdaOptions {
    /// Checks the number of topics (2 to 50).
    pub fn check(&self) -> Result<(), OptionError> {
        check_range("k", self.k, 2..=50, "choose 2 to 50 topics")
    }
}

/// SplitMix64: small, fast, and the same on every platform.
#[derive(Debug, Clone)]
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

/// A topic found: its most probable terms and its most typical paragraphs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LdaTopic {
    /// Terms with their probability in the topic (φ, 0 to 1), most
    /// probable first, ties by first occurrence.
    pub terms: Vec<(String, f64)>,
    /// Global paragraph ids with the topic's share of the paragraph (θ, 0
    /// to 1), largest first; only paragraphs of five or more model words.
    pub paragraphs: Vec<(usize, f64)>,
}

/// A topic model being fitted: make it with [`Lda::new`], run
/// [`Lda::sweep`] as often as wanted, read [`Lda::topics`] at any point.
/// Paragraphs with fewer than three model words are left out.
#[derive(Debug, Clone)]
pub struct Lda {
    options: LdaOptions,
    /// Model word → corpus term.
    words: Vec<TermId>,
    /// (global paragraph id, model words)
    docs: Vec<(usize, Vec<u32>)>,
    z: Vec<Vec<u16>>,
    n_dk: Vec<Vec<u32>>,
    n_kw: Vec<u32>,
    n_k: Vec<u32>,
    rng: Rng,
    sweeps: usize,
}

impl Lda {
    /// Prepares the model over the selection's paragraphs, with a random
    /// (seeded) first assignment of topics.
    pub fn new(corpus: &Corpus, selection: &Selection, options: LdaOptions) -> Lda {
        let k = options.k.clamp(2, 50);
        let term_options = TermOptions { min_len: options.min_len, ..TermOptions::default() };
        // Paragraph frequency of each term over the selection.
        let mut para_freq = vec![0u32; corpus.vocab.len()];
        let mut paragraphs: Vec<(usize, Vec<TermId>)> = Vec::new();
        for (g, place) in corpus.index.paragraphs.iter().enumerate() {
            if !selection.contains(g) {
                continue;
            }
            let para = &corpus.docs[place.doc as usize].paragraphs[place.para as usize];
            let terms: Vec<TermId> = para
                .tokens
                .iter()
                .filter(|t| term_options.admits(corpus, t.term, corpus.vocab.pos(t.pos)))
                .map(|t| t.term)
                .collect();
            let mut distinct = terms.clone();
            distinct.sort_unstable();
            distinct.dedup();
            for t in distinct {
                para_freq[t as usize] += 1;
            }
            paragraphs.push((g, terms));
        }
        let mut model_id = vec![u32::MAX; corpus.vocab.len()];
        let mut words = Vec::new();
        let max_paragraphs = (paragraphs.len() as f64 * options.max_share).ceil() as u32;
        for (t, &f) in para_freq.iter().enumerate() {
            if f >= options.min_paragraphs.max(1) && f <= max_paragraphs.max(options.min_paragraphs)
            {
                model_id[t] = words.len() as u32;
                words.push(t as TermId);
            }
        }
        let docs: Vec<(usize, Vec<u32>)> = paragraphs
            .into_iter()
            .map(|(g, terms)| {
                (
                    g,
                    terms
                        .into_iter()
                        .filter_map(|t| Some(model_id[t as usize]).filter(|&w| w != u32::MAX))
                        .collect::<Vec<u32>>(),
                )
            })
            .filter(|(_, w)| w.len() >= 3)
            .collect();
        let v = words.len();
        let mut rng = Rng(options.seed);
        let mut lda = Lda {
            options: LdaOptions { k, ..options },
            words,
            z: Vec::with_capacity(docs.len()),
            n_dk: vec![vec![0; k]; docs.len()],
            n_kw: vec![0; k * v],
            n_k: vec![0; k],
            docs,
            rng: Rng(0),
            sweeps: 0,
        };
        for (d, (_, ws)) in lda.docs.iter().enumerate() {
            let mut zs = Vec::with_capacity(ws.len());
            for &w in ws {
                let topic = (rng.next_u64() % k as u64) as usize;
                zs.push(topic as u16);
                lda.n_dk[d][topic] += 1;
                lda.n_kw[topic * v + w as usize] += 1;
                lda.n_k[topic] += 1;
            }
            lda.z.push(zs);
        }
        lda.rng = rng;
        lda
    }

    /// Gibbs sweeps run so far.
    pub fn sweeps(&self) -> usize {
        self.sweeps
    }

    /// Paragraphs and distinct words the model covers. With no paragraph
    /// (too little text selected) sweeps do nothing and topics have no
    /// paragraphs.
    pub fn size(&self) -> (usize, usize) {
        (self.docs.len(), self.words.len())
    }

    /// Runs `n` Gibbs sweeps over every word.
    pub fn sweep(&mut self, n: usize) {
        let k = self.options.k;
        let v = self.words.len();
        let (alpha, beta) = (self.options.alpha, self.options.beta);
        let vbeta = v as f64 * beta;
        let mut p = vec![0.0f64; k];
        for _ in 0..n {
            for d in 0..self.docs.len() {
                for i in 0..self.docs[d].1.len() {
                    let w = self.docs[d].1[i] as usize;
                    let old = self.z[d][i] as usize;
                    self.n_dk[d][old] -= 1;
                    self.n_kw[old * v + w] -= 1;
                    self.n_k[old] -= 1;
                    let mut total = 0.0;
                    for (t, cumulative) in p.iter_mut().enumerate() {
                        total += (self.n_dk[d][t] as f64 + alpha)
                            * (self.n_kw[t * v + w] as f64 + beta)
                            / (self.n_k[t] as f64 + vbeta);
                        *cumulative = total;
                    }
                    let u = self.rng.next_f64() * total;
                    let new = p.iter().position(|&c| u < c).unwrap_or(k - 1);
                    self.z[d][i] = new as u16;
                    self.n_dk[d][new] += 1;
                    self.n_kw[new * v + w] += 1;
                    self.n_k[new] += 1;
                }
            }
            self.sweeps += 1;
        }
    }

    /// The topics, `k` of them: `terms` most probable terms and
    /// `paragraphs` most typical paragraphs each (fewer when there are
    /// fewer). `corpus` must be the one the model was made from.
    pub fn topics(&self, corpus: &Corpus, terms: usize, paragraphs: usize) -> Vec<LdaTopic> {
        let k = self.options.k;
        let v = self.words.len();
        let (alpha, beta) = (self.options.alpha, self.options.beta);
        (0..k)
            .map(|t| {
                let denom = self.n_k[t] as f64 + v as f64 * beta;
                let mut phi: Vec<(usize, f64)> =
                    (0..v).map(|w| (w, (self.n_kw[t * v + w] as f64 + beta) / denom)).collect();
                phi.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
                let mut theta: Vec<(usize, f64)> = self
                    .docs
                    .iter()
                    .enumerate()
                    .filter(|(_, (_, ws))| ws.len() >= 5)
                    .map(|(d, (g, ws))| {
                        (
                            *g,
                            (self.n_dk[d][t] as f64 + alpha) / (ws.len() as f64 + k as f64 * alpha),
                        )
                    })
                    .collect();
                theta.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
                LdaTopic {
                    terms: phi
                        .into_iter()
                        .take(terms)
                        .map(|(w, p)| (corpus.vocab.term(self.words[w]).text.clone(), p))
                        .collect(),
                    paragraphs: theta.into_iter().take(paragraphs).collect(),
                }
            })
            .collect()
    }
}
