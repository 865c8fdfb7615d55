//! Dispersion: how evenly a word is spread over the parts of a corpus (here
//! the selection's documents), from its count in each part and each part's
//! size in word tokens.
//!
//! - **Range**: the number of parts it occurs in.
//! - **Gries' DP** (Gries 2008): with s_i the share of the tokens in part i
//!   and v_i the word's count there out of f, DP = ½ Σ |v_i / f − s_i|.
//!   0 means spread exactly as the parts' sizes; values near 1 mean bunched
//!   in a small part.
//! - **Juilland's D** (Juilland & Chang-Rodríguez 1964), on relative
//!   frequencies so unequal parts compare fairly: with p_i = v_i / size_i,
//!   their mean p̄ and population standard deviation σ over the n parts,
//!   D = 1 − (σ / p̄) / √(n − 1). 1 is perfectly even, 0 all in one part;
//!   undefined for fewer than two parts.

/// Gries' DP of counts over parts of the given sizes (0 when the word never
/// occurs or there are no tokens).
///
/// ```
/// use cijing::engine::dispersion::gries_dp;
/// // Two equal parts, both occurrences in the first: ½ (|1 − ½| + |0 − ½|) = 0.5.
/// assert_eq!(gries_dp(&[2, 0], &[10, 10]), 0.5);
/// // Spread as the sizes are: 0.
/// assert_eq!(gries_dp(&[1, 3], &[5, 15]), 0.0);
/// ```
pub fn gries_dp(counts: &[u64], sizes: &[u64]) -> f64 {
    let f: u64 = counts.iter().sum();
    let total: u64 = sizes.iter().sum();
    if f == 0 || total == 0 {
        return 0.0;
    }
    0.5 * counts.iter().zip(sizes).map(|(&v, &s)| (v as f64 / f as f64 - s as f64 / total as f64).abs()).sum::<f64>()
}

/// Juilland's D of counts over parts of the given sizes, or `None` with
/// fewer than two parts, an empty part or a word that never occurs.
///
/// ```
/// use cijing::engine::dispersion::juilland_d;
/// // Rates 0.2 and 0: mean 0.1, σ 0.1, so D = 1 − 1 / √1 = 0.
/// assert_eq!(juilland_d(&[2, 0], &[10, 10]), Some(0.0));
/// // Rates 0.1 in both parts: σ = 0, D = 1.
/// assert_eq!(juilland_d(&[1, 3], &[10, 30]), Some(1.0));
/// assert_eq!(juilland_d(&[1], &[10]), None);
/// ```
pub fn juilland_d(counts: &[u64], sizes: &[u64]) -> Option<f64> {
    let n = counts.len();
    if n < 2 || sizes.len() != n || sizes.contains(&0) || counts.iter().all(|&c| c == 0) {
        return None;
    }
    let rates: Vec<f64> = counts.iter().zip(sizes).map(|(&v, &s)| v as f64 / s as f64).collect();
    let mean = rates.iter().sum::<f64>() / n as f64;
    let sd = (rates.iter().map(|p| (p - mean).powi(2)).sum::<f64>() / n as f64).sqrt();
    Some(1.0 - (sd / mean) / ((n - 1) as f64).sqrt())
}
