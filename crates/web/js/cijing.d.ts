// Types of cijing's JS API (cijing-embed.js). The objects are the engine's
// own result types, serialised as plain JSON-like objects.

/** Options every call accepts; each statistic reads the ones it uses. Unknown keys are refused. */
export interface Options {
  doc?: string | string[];
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, inclusive. */
  from?: string;
  to?: string;
  party?: string | string[];
  topic?: string | string[];
  match?: 'any' | 'all';
  exclude?: string | string[];
  threshold?: number;
  /** How many rows (all when absent). */
  top?: number;
  minLen?: number;
  pos?: string | string[];
  keepStopwords?: boolean;
  aliases?: boolean;
  sort?: string;
  reference?: 'rest' | 'whole';
  minG2?: number;
  tokens?: number;
  chars?: number;
  span?: number;
  min?: number;
  minN?: number;
  maxN?: number;
  minCount?: number;
  by?: 'doc' | 'year';
}

export interface DocumentInfo { id: string; title: string; date: string; source: string; place: string; parties: string[]; paragraphs: number; tokens: number }
export interface TermRow { term: string; count: number; per_10k: number; docs: number; tfidf: number }
export interface TermTable { tokens: number; documents: number; paragraphs: number; rows: TermRow[] }
export interface KeynessRow {
  term: string; target_count: number; reference_count: number; target_per_10k: number; reference_per_10k: number;
  g2: number; log_ratio: number; significance: string; direction: 'over' | 'under';
}
export interface KeynessTable { target_tokens: number; reference_tokens: number; reference: 'rest' | 'whole'; min_g2: number; rows: KeynessRow[] }
export interface KwicLine {
  doc: string; date: string; paragraph: number; position: number; start: number; end: number;
  left: string; node: string; right: string; left_tokens: string[]; right_tokens: string[];
}
export interface CollocateRow { term: string; observed: number; expected: number; frequency: number; mi: number; log_likelihood: number; t_score: number }
export interface CollocateTable { node_hits: number; window_slots: number; tokens: number; rows: CollocateRow[] }
export interface NgramRow { ngram: string; n: number; count: number; docs: number }
export interface TrendPoint { term: string; key: string; date: string; count: number; tokens: number; per_10k: number }
export interface TopicShare { doc: string; date: string; topic: string; paragraphs: number; of: number; share: number }
/** A word with its POS tag; `start`/`end` are UTF-16 offsets, so `text.slice(start, end) === word`. */
export interface Word { word: string; pos: string; start: number; end: number }

export interface Cijing {
  documents(): DocumentInfo[];
  terms(options?: Options): TermTable;
  keyness(options?: Options): KeynessTable;
  kwic(term: string, options?: Options): KwicLine[];
  collocates(term: string, options?: Options): CollocateTable;
  ngrams(options?: Options): NgramRow[];
  trends(terms: string | string[], options?: Options): TrendPoint[];
  topics(options?: Options): TopicShare[];
  /** Segments text with jieba in a worker (its dictionary loads on first use). */
  segment(text: string, options?: { mode?: 'precise' | 'search'; hmm?: boolean }): Promise<Word[]>;
}

/**
 * Loads cijing's wasm once (shared by every <cijing-view> on the page) and
 * the module that answers the API (split out of it, fetched on the first
 * call), then resolves to the API, whose calls answer synchronously. Rejects
 * with an Error that says so when that module cannot be fetched; a later
 * call tries again.
 */
export function ready(): Promise<Cijing>;

/** Fired by <cijing-view> when a term is clicked. */
export interface CijingSelectDetail { term: string; view: string }
