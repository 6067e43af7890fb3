//! Runs of word bytes (ASCII letters, digits, `_`) found 64 bytes at a time: each block
//! becomes a bit mask without branches (eight bytes per step, tested together in one
//! 64-bit word), and runs are read off the mask's transitions. A byte-by-byte scanner
//! mispredicts a branch at nearly every word boundary; this one branches once per run.

/// Bit `k` set when byte `k` of a block (64 bytes at most) is a word byte.
fn word_mask(block: &[u8]) -> u64 {
    let mut padded = [0u8; 64];
    let block = match <&[u8; 64]>::try_from(block) {
        Ok(full) => full,
        Err(_) => {
            // A short last block, padded with bytes that are not word bytes.
            padded[..block.len()].copy_from_slice(block);
            &padded
        }
    };
    let mut mask = 0u64;
    for (j, eight) in block.chunks_exact(8).enumerate() {
        let mut bytes = [0u8; 8];
        bytes.copy_from_slice(eight);
        mask |= word_bits(u64::from_le_bytes(bytes)) << (8 * j);
    }
    mask
}

/// A one in every byte.
const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of each byte.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// Bit `k` set when byte `k` of eight (little-endian) is a word byte (an ASCII letter,
/// digit or `_`), all eight at once, with per-byte range tests that cannot carry across
/// bytes (every byte is below 0x80 when tested; bytes of 0x80 and above are never word
/// bytes).
fn word_bits(v: u64) -> u64 {
    let low = v & !HIGH;
    // The high bit of each byte of `x` in `lo..=hi`.
    let within = |x: u64, lo: u8, hi: u8| {
        let at_least = x + u64::from(0x80 - lo) * ONES;
        let at_most = !(x + u64::from(0x7f - hi) * ONES);
        at_least & at_most & HIGH
    };
    let letters = within(low | (0x20 * ONES), b'a', b'z');
    let word = (letters | within(low, b'0', b'9') | within(low, b'_', b'_')) & !v & HIGH;
    // Gathers the high bit of byte k into bit 56 + k, then down to bit k.
    ((word >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56
}

/// Calls `f(start, end)` for each maximal run of word bytes in `text`, in order.
pub fn for_each_run(text: &[u8], mut f: impl FnMut(usize, usize)) {
    // Whether the byte before the current block is a word byte, and where its run began.
    let (mut carry, mut open) = (0u64, 0usize);
    for (b, block) in text.chunks(64).enumerate() {
        let base = b * 64;
        let len = block.len();
        let word = word_mask(block);
        let before = word << 1 | carry;
        let mut starts = word & !before;
        // Bit k: byte k is the first byte after a run (within this block).
        let in_block = if len == 64 {
            u64::MAX
        } else {
            (1u64 << len) - 1
        };
        let mut ends = !word & before & in_block;
        loop {
            let (s, e) = (starts.trailing_zeros(), ends.trailing_zeros());
            if s < e {
                open = base + s as usize;
                starts &= starts - 1;
            } else if e < 64 {
                f(open, base + e as usize);
                ends &= ends - 1;
            } else {
                break;
            }
        }
        carry = (word >> (len - 1)) & 1;
    }
    if carry == 1 {
        f(open, text.len());
    }
}

/// Number of maximal runs of word bytes in `text`: the run starts of each block, counted
/// without visiting them.
pub fn count_runs(text: &[u8]) -> usize {
    let mut carry = 0u64;
    let mut n = 0;
    for block in text.chunks(64) {
        let word = word_mask(block);
        n += (word & !(word << 1 | carry)).count_ones() as usize;
        carry = word >> 63;
    }
    n
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// True for the bytes of words on the fast path: ASCII letters, digits and `_` (what
    /// [`word_bits`] tests eight at a time).
    fn is_word_byte(b: u8) -> bool {
        b.is_ascii_alphanumeric() || b == b'_'
    }

    /// The runs, byte by byte.
    fn reference(text: &[u8]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < text.len() {
            if !is_word_byte(text[i]) {
                i += 1;
                continue;
            }
            let start = i;
            while i < text.len() && is_word_byte(text[i]) {
                i += 1;
            }
            out.push((start, i));
        }
        out
    }

    fn runs(text: &[u8]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for_each_run(text, |s, e| out.push((s, e)));
        out
    }

    #[test]
    fn runs_across_block_edges() {
        let long = "a".repeat(64);
        assert_eq!(runs(long.as_bytes()), [(0, 64)]);
        let two = format!("{} {}", "b".repeat(63), "c".repeat(70));
        assert_eq!(runs(two.as_bytes()), [(0, 63), (64, 134)]);
        assert_eq!(runs(b""), []);
        assert_eq!(runs(b" x_1 .9"), [(1, 4), (6, 7)]);
    }

    #[test]
    fn eight_bytes_at_once_agree_with_one_at_a_time() {
        let samples = b"azAZ09_@[`{/:\x7f\x80\xff \n";
        for &b in samples
            .iter()
            .chain(&[0u8, 0x20, 0x5f, 0x60, 0x7a, 0x7b, 0xc3])
        {
            for k in 0..8 {
                let mut bytes = *b"........";
                bytes[k] = b;
                let expected = u64::from(is_word_byte(b)) << k;
                assert_eq!(word_bits(u64::from_le_bytes(bytes)), expected, "{b} at {k}");
            }
        }
        for b in 0..=255u8 {
            let all = u64::from_le_bytes([b; 8]);
            let expected = if is_word_byte(b) { 0xff } else { 0 };
            assert_eq!(word_bits(all), expected, "{b}");
        }
    }

    proptest! {
        #[test]
        fn masks_agree_with_a_byte_scan(text in "[a-c0-9_ .’é\n]{0,200}") {
            prop_assert_eq!(runs(text.as_bytes()), reference(text.as_bytes()));
        }

        #[test]
        fn any_bytes_agree(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..150)) {
            prop_assert_eq!(runs(&bytes), reference(&bytes));
            prop_assert_eq!(count_runs(&bytes), reference(&bytes).len());
        }
    }
}
