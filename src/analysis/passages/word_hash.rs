//! Word hashes for shared-passage search: one hash per normalised word (NFKC, case fold,
//! one apostrophe, one dash, plain spaces), and the 32-bit word id made from it.
//!
//! Every word of a corpus is hashed (about 100 million at 100,000 articles), so the ASCII
//! words that make up nearly all of an English text never leave registers: they are read
//! eight bytes at a time, lowercased eight bytes at a time, and mixed. A word with any other
//! character goes through NFKC, lowercasing and `fold` into a string first, whose bytes
//! are mixed alike, so `Don’t`, `don't` and `DON'T` hash the same.

use unicode_normalization::UnicodeNormalization;

/// Folds the characters that vary between outlets for the same text.
fn fold(c: char) -> char {
    match c {
        '’' | '‘' | 'ʼ' | '′' | '`' | '´' => '\'',
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        '\u{a0}' | '\u{202f}' | '\u{2007}' => ' ',
        c => c,
    }
}

/// Hash of the normalised form of a word.
pub fn norm_hash(word: &str) -> u64 {
    if word.is_ascii() {
        mix_bytes(word.as_bytes(), fold_ascii)
    } else {
        let folded: String = word.nfkc().flat_map(char::to_lowercase).map(fold).collect();
        mix_bytes(folded.as_bytes(), |x| x)
    }
}

/// True when two words have the same normalised form (what [`norm_hash`] hashes): the
/// exact test behind a verbatim label, where equal ids may still be two words.
pub fn same_word(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        let f = |c: u8| {
            if c == b'`' {
                b'\''
            } else {
                c.to_ascii_lowercase()
            }
        };
        return a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| f(x) == f(y));
    }
    let norm = |w: &str| -> String {
        if w.is_ascii() {
            w.bytes()
                .map(|c| {
                    if c == b'`' {
                        '\''
                    } else {
                        char::from(c.to_ascii_lowercase())
                    }
                })
                .collect()
        } else {
            w.nfkc().flat_map(char::to_lowercase).map(fold).collect()
        }
    };
    norm(a) == norm(b)
}

/// The id of a word: the hash of its normalised form folded to 32 bits (see
/// [`super::tokens`] for why a hash serves as an id).
pub fn word_id(word: &str) -> u32 {
    id_of(norm_hash(word))
}

/// A word hash folded to a word id.
pub fn id_of(h: u64) -> u32 {
    (h ^ (h >> 32)) as u32
}

const LOW: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// Eight ASCII bytes lowercased, with a backtick read as an apostrophe (as [`fold`] does),
/// all at once: a byte's high bit is set after adding `0x80 - c` exactly when it is at
/// least `c`, and no byte carries into the next since every byte is below `0x80`.
fn fold_ascii(x: u64) -> u64 {
    let upper = (x + LOW * (0x80 - u64::from(b'A'))) & !(x + LOW * (0x80 - u64::from(b'Z') - 1));
    let lowered = x | ((upper & HIGH) >> 2);
    // a backtick (0x60) is the only byte whose xor with 0x60 is zero
    let t = lowered ^ (LOW * 0x60);
    let zero = !(((t & !HIGH) + !HIGH) | t) & HIGH;
    lowered ^ ((zero >> 7) * (0x60 ^ u64::from(b'\'')))
}

/// Mixes the bytes of a word eight at a time (the last chunk padded with zeros, each chunk
/// passed through `map` first), then its length.
fn mix_bytes(bytes: &[u8], map: impl Fn(u64) -> u64) -> u64 {
    const K: u64 = 0xF135_7AEA_2E62_A9C5;
    let mut h = 0u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let x = c.try_into().map_or(0, u64::from_le_bytes);
        h = (h ^ map(x)).wrapping_mul(K).rotate_left(26);
    }
    let tail = chunks.remainder();
    if !tail.is_empty() {
        h = (h ^ map(load_short(tail))).wrapping_mul(K).rotate_left(26);
    }
    finish(h ^ bytes.len() as u64)
}

/// One to seven bytes as a little-endian word, read as two overlapping loads rather than
/// byte by byte (and never through a buffer in memory, which stalls the read after it).
fn load_short(t: &[u8]) -> u64 {
    let n = t.len();
    let two = |a: &[u8]| a.try_into().map_or(0, u16::from_le_bytes) as u64;
    let four = |a: &[u8]| a.try_into().map_or(0, u32::from_le_bytes) as u64;
    match n {
        0 => 0,
        1 => u64::from(t[0]),
        2..4 => two(&t[..2]) | (two(&t[n - 2..]) << (8 * (n - 2))),
        _ => four(&t[..4]) | (four(&t[n - 4..]) << (8 * (n - 4))),
    }
}

/// The final avalanche (MurmurHash3's), so that every bit of every byte reaches both
/// halves of the hash, and so the word id.
fn finish(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    h ^= h >> 33;
    h = h.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    h ^ (h >> 33)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn normalises_case_apostrophes_and_width() {
        assert_eq!(norm_hash("Don’t"), norm_hash("don't"));
        assert_eq!(norm_hash("ＵＮ"), norm_hash("un"));
        assert_eq!(norm_hash("Путин"), norm_hash("путин"));
        assert_ne!(norm_hash("union"), norm_hash("unions"));
        let long = "internationalisation-and-standardisation";
        assert_eq!(norm_hash(long), norm_hash(&long.to_uppercase()));
        assert_eq!(norm_hash("`quoted`"), norm_hash("‘QUOTED’"));
    }

    #[test]
    fn the_same_word_test_reads_the_words_not_their_ids() {
        assert!(same_word("Don’t", "DON'T"));
        assert!(same_word("ＵＮ", "un"));
        assert!(same_word("Путин", "путин"));
        assert!(!same_word("23100", "55405"));
        assert!(!same_word("union", "unions"));
    }

    #[test]
    fn short_loads_read_every_byte_in_place() {
        let bytes = b"abcdefg";
        for n in 0..=7 {
            let mut want = [0u8; 8];
            want[..n].copy_from_slice(&bytes[..n]);
            assert_eq!(
                load_short(&bytes[..n]),
                u64::from_le_bytes(want),
                "{n} bytes"
            );
        }
    }

    #[test]
    fn words_that_differ_in_one_byte_differ_in_id() {
        let words = [
            "a",
            "b",
            "ab",
            "ba",
            "abc",
            "abd",
            "abcdefgh",
            "abcdefgi",
            "abcdefghi",
        ];
        for (i, a) in words.iter().enumerate() {
            for b in &words[i + 1..] {
                assert_ne!(word_id(a), word_id(b), "{a} {b}");
            }
        }
    }

    proptest! {
        /// The register path gives the hash of the bytes `fold` gives, for any ASCII word.
        #[test]
        fn ascii_words_hash_as_their_folded_bytes(word in "[ -~]{0,40}") {
            let folded: String = word.chars().flat_map(char::to_lowercase).map(fold).collect();
            prop_assert_eq!(norm_hash(&word), mix_bytes(folded.as_bytes(), |x| x));
        }
    }
}
