//! Runs of word bytes (ASCII letters, digits, `_`) found 64 bytes at a time: each block
//! becomes a bit mask in a loop without branches, and runs are read off the mask's
//! transitions. A byte-by-byte scanner mispredicts a branch at nearly every word boundary;
//! this one branches once per run.

/// True for the bytes of words on the fast path: ASCII letters, digits and `_`.
fn is_word_byte(b: u8) -> bool {
    (b | 0x20).wrapping_sub(b'a') < 26 || b.wrapping_sub(b'0') < 10 || b == b'_'
}

/// Bit `k` set when byte `k` of a block (64 bytes at most) is a word byte.
fn word_mask(block: &[u8]) -> u64 {
    let mut mask = 0u64;
    for (k, &b) in block.iter().enumerate() {
        mask |= u64::from(is_word_byte(b)) << k;
    }
    mask
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

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

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
    fn word_bytes() {
        for b in 0..=255u8 {
            let expected = b.is_ascii_alphanumeric() || b == b'_';
            assert_eq!(is_word_byte(b), expected, "{b}");
        }
    }

    proptest! {
        #[test]
        fn masks_agree_with_a_byte_scan(text in "[a-c0-9_ .’é\n]{0,200}") {
            prop_assert_eq!(runs(text.as_bytes()), reference(text.as_bytes()));
        }
    }
}
