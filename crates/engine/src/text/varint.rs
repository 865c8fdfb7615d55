//! Unsigned LEB128 numbers (7 bits a byte, low bits first, the high bit
//! set on every byte but the last): how the token streams, paragraph lists
//! and the compact dictionary store their numbers.

/// Writes `n`.
pub fn put(out: &mut Vec<u8>, mut n: u64) {
    loop {
        let low = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(low);
            return;
        }
        out.push(low | 0x80);
    }
}

/// Reads the number written by [`put`] at `*at`, moving `*at` past it;
/// `None` when the bytes end inside it or it does not fit in 64 bits.
pub fn take(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let mut n: u64 = 0;
    for i in 0..10 {
        let byte = *bytes.get(*at + i)?;
        // The tenth byte holds the 64th bit only.
        if i == 9 && byte > 1 {
            return None;
        }
        n |= u64::from(byte & 0x7f) << (7 * i);
        if byte & 0x80 == 0 {
            *at += i + 1;
            return Some(n);
        }
    }
    None
}

/// [`take`] for a count or an offset: `None` too when it is larger than
/// this machine's `usize` (a 32-bit one, in wasm).
pub fn take_usize(bytes: &[u8], at: &mut usize) -> Option<usize> {
    let mut next = *at;
    let n = usize::try_from(take(bytes, &mut next)?).ok()?;
    *at = next;
    Some(n)
}

/// Writes a signed `n` zigzag-encoded (0, −1, 1, −2, … as 0, 1, 2, 3, …),
/// so a small magnitude of either sign takes few bytes.
pub fn put_signed(out: &mut Vec<u8>, n: i64) {
    put(out, ((n << 1) ^ (n >> 63)) as u64);
}

/// Reads the number written by [`put_signed`] at `*at`, as [`take`].
pub fn take_signed(bytes: &[u8], at: &mut usize) -> Option<i64> {
    let zigzag = take(bytes, at)?;
    Some((zigzag >> 1) as i64 ^ -((zigzag & 1) as i64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signed_numbers_round_trip_zigzagged() {
        for (n, zigzag) in [(0i64, 0u8), (-1, 1), (1, 2), (-2, 3), (63, 126), (-64, 127)] {
            let mut bytes = Vec::new();
            put_signed(&mut bytes, n);
            assert_eq!(bytes, [zigzag], "{n}");
            let mut at = 0;
            assert_eq!(take_signed(&bytes, &mut at), Some(n));
        }
        for n in [64, -65, 1 << 40, i64::MAX, i64::MIN] {
            let mut bytes = Vec::new();
            put_signed(&mut bytes, n);
            let mut at = 0;
            assert_eq!(take_signed(&bytes, &mut at), Some(n));
            assert_eq!(at, bytes.len());
        }
    }

    #[test]
    fn numbers_round_trip() {
        for n in [0, 1, 127, 128, 300, 883_634, u64::MAX] {
            let mut bytes = vec![9];
            put(&mut bytes, n);
            let mut at = 1;
            assert_eq!(take(&bytes, &mut at), Some(n));
            assert_eq!(at, bytes.len());
        }
        // 300 = 0b10_0101100: 0xAC (low seven bits, more follows), 0x02.
        let mut bytes = Vec::new();
        put(&mut bytes, 300);
        assert_eq!(bytes, [0xAC, 0x02]);
    }

    #[test]
    fn a_cut_or_oversized_number_is_none_and_moves_nothing() {
        let mut at = 0;
        assert_eq!(take(&[0x80], &mut at), None);
        assert_eq!(
            take(&[0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x02], &mut at),
            None
        );
        assert_eq!(take(&[0xff; 11], &mut at), None);
        assert_eq!(at, 0);
        let mut big = Vec::new();
        put(&mut big, u64::from(u32::MAX) + 1);
        assert_eq!(take_usize(&big, &mut at), usize::try_from(u64::from(u32::MAX) + 1).ok());
    }
}
