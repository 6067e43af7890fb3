//! Guessing the legacy encoding of bytes that are not UTF-8 and declare none: `chardetng`
//! (the detector of Firefox), then three corrections for the news it reads:
//!
//! - a Central European or Turkish guess (windows-1250, ISO-8859-2, windows-1254…) whose
//!   differing letters are less plausible than the windows-1252 reading is windows-1252:
//!   `£12` is not `Ł12`, and a text that reads the same in both (`Inês` has no letter that
//!   windows-1254 reads otherwise) is called windows-1252;
//! - a windows-1252 guess with `¤` (byte A4) or `½` inside a word, and none of the bytes
//!   80–9F that windows-1252 uses for punctuation, is ISO-8859-15 (`€`, `cœur`);
//! - KOI8-U, which the detector names for both, is KOI8-R when no letter differs.
//!
//! A guess is low-confidence when the detector preferred it to no other candidate, or when
//! a guess other than windows-1252 (or its ISO-8859-15 reading) rests on fewer than [`LOW_EVIDENCE_BYTES`] non-ASCII
//! bytes (a few accented letters fit many single-byte encodings, and windows-1252, the
//! usual answer, reads them as the common Western letters).

use encoding_rs::Encoding;

/// Fewest non-ASCII bytes a guess other than windows-1252 must rest on.
pub const LOW_EVIDENCE_BYTES: usize = 6;

/// Bytes looked at by the detector: its guess is settled long before. Of those, only the
/// lines with a non-ASCII byte are fed to it: they hold all its evidence, and in Western
/// text they are few (the detector is what makes a legacy file slower to load than a
/// UTF-8 one, some 0.4 ms for 8 KB fed whole).
const DETECT_BYTES: usize = 1 << 20;

/// The bytes where KOI8-U has a Ukrainian letter and KOI8-R a box-drawing character.
const KOI8_U_ONLY: &[u8] = &[0xA4, 0xA6, 0xA7, 0xAD, 0xB4, 0xB6, 0xB7, 0xBD];

/// An encoding guessed for bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Guess {
    pub encoding: &'static Encoding,
    /// Non-ASCII bytes the guess rests on.
    pub evidence: usize,
    pub low_confidence: bool,
}

/// Guesses the encoding of `bytes` as described in the module documentation.
pub fn guess(bytes: &[u8]) -> Guess {
    let sample = &bytes[..bytes.len().min(DETECT_BYTES)];
    let mut detector = chardetng::EncodingDetector::new();
    for line in sample.split_inclusive(|&b| b == b'\n') {
        if !line.is_ascii() {
            detector.feed(line, false);
        }
    }
    detector.feed(&[], true);
    let (detected, confident) = detector.guess_assess(None, true);
    let encoding = corrected(sample, detected);
    let evidence = sample.iter().filter(|b| !b.is_ascii()).count();
    Guess {
        encoding,
        evidence,
        low_confidence: !confident || (!is_western(encoding) && evidence < LOW_EVIDENCE_BYTES),
    }
}

/// windows-1252 and its ISO-8859-15 reading (the € told by its byte).
fn is_western(encoding: &'static Encoding) -> bool {
    encoding == encoding_rs::WINDOWS_1252 || encoding == encoding_rs::ISO_8859_15
}

/// The detector's guess with the corrections of the module documentation.
fn corrected(bytes: &[u8], detected: &'static Encoding) -> &'static Encoding {
    if detected == encoding_rs::KOI8_U && !bytes.iter().any(|b| KOI8_U_ONLY.contains(b)) {
        return encoding_rs::KOI8_R;
    }
    if detected == encoding_rs::WINDOWS_1252 {
        return if latin9_reads_better(bytes) {
            encoding_rs::ISO_8859_15
        } else {
            detected
        };
    }
    let central = [
        encoding_rs::WINDOWS_1250,
        encoding_rs::ISO_8859_2,
        encoding_rs::ISO_8859_4,
        encoding_rs::ISO_8859_13,
        encoding_rs::WINDOWS_1257,
        encoding_rs::WINDOWS_1254,
        encoding_rs::ISO_8859_3,
    ];
    if central.contains(&detected) && western_reads_better(bytes, detected) {
        return encoding_rs::WINDOWS_1252;
    }
    detected
}

/// Whether windows-1252 reads the bytes at least as plausibly as `other` (a single-byte
/// encoding): where the two differ, a letter next to a letter scores for the encoding that
/// reads it so, and a letter glued to a digit (`Ł12`) scores against it. Identical
/// readings go to windows-1252, a tie to `other`.
fn western_reads_better(bytes: &[u8], other: &'static Encoding) -> bool {
    let (mut western, mut theirs, mut differ) = (0usize, 0usize, false);
    for (i, &b) in bytes.iter().enumerate().filter(|(_, b)| !b.is_ascii()) {
        let w = single(encoding_rs::WINDOWS_1252, b);
        let o = single(other, b);
        if w == o {
            continue;
        }
        differ = true;
        let prev = i.checked_sub(1).and_then(|p| bytes.get(p)).copied();
        let next = bytes.get(i + 1).copied();
        let near_letter = [prev, next]
            .iter()
            .flatten()
            .any(|&n| n.is_ascii_alphabetic() || !n.is_ascii());
        let near_digit = [prev, next].iter().flatten().any(u8::is_ascii_digit);
        // (for, against) of one reading
        let score = |c: char| {
            let letter = c.is_alphabetic();
            (
                usize::from(letter && near_letter),
                usize::from(letter && near_digit),
            )
        };
        let (w_for, w_against) = score(w);
        let (o_for, o_against) = score(o);
        // a tie between letters goes to the one Western languages write often (`Inês`,
        // not `Inęs`); `æ` against `ć` (`Periæ`) stays the other's
        let common = usize::from(w_for == o_for && WESTERN_LETTERS.contains(w));
        western += w_for + o_against + common;
        theirs += o_for + w_against;
    }
    !differ || western > theirs
}

/// Accented letters of French, Portuguese, Spanish, Italian and German: where another
/// single-byte encoding reads the same byte as a letter too, windows-1252's reading is
/// the likelier in news.
const WESTERN_LETTERS: &str = "éèêëàâáãäçíìîïóòôõöúùûüñÉÈÊÀÂÁÃÇÍÎÓÔÕÖÚÜÑ";

/// Whether ISO-8859-15 reads bytes guessed windows-1252 better: none of the bytes 80–9F
/// (windows-1252's quotes and dashes, control characters in ISO-8859-15), and more of its
/// own letters where the two differ (`€`, always; `œ`, `Š`… next to a letter) than
/// windows-1252 symbols next to a digit (`1½`).
fn latin9_reads_better(bytes: &[u8]) -> bool {
    const DIFFER: &[u8] = &[0xA4, 0xA6, 0xA8, 0xB4, 0xB8, 0xBC, 0xBD, 0xBE];
    if bytes.iter().any(|b| (0x80..0xA0).contains(b)) {
        return false;
    }
    let (mut latin9, mut western) = (0usize, 0usize);
    for (i, &b) in bytes.iter().enumerate().filter(|(_, b)| DIFFER.contains(b)) {
        let prev = i.checked_sub(1).and_then(|p| bytes.get(p)).copied();
        let next = bytes.get(i + 1).copied();
        let near = |f: fn(&u8) -> bool| [prev, next].iter().flatten().any(f);
        if b == 0xA4 || near(|n| n.is_ascii_alphabetic() || !n.is_ascii()) {
            latin9 += 1;
        } else if near(u8::is_ascii_digit) {
            western += 1;
        }
    }
    latin9 > western
}

/// The char a single-byte encoding gives one byte.
fn single(encoding: &'static Encoding, byte: u8) -> char {
    let mut buf = [0u8; 1];
    buf[0] = byte;
    let (text, _) = encoding.decode_without_bom_handling(&buf);
    text.chars().next().unwrap_or(char::REPLACEMENT_CHARACTER)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name_of(text: &str, encoding: &'static Encoding) -> (&'static str, bool) {
        let (bytes, _, _) = encoding.encode(text);
        let g = guess(&bytes);
        (g.encoding.name(), g.low_confidence)
    }

    #[test]
    fn pounds_are_not_polish_letters() {
        let text = "The fine was £12 million, and a further £3 million was set aside.";
        assert_eq!(
            name_of(text, encoding_rs::WINDOWS_1252),
            ("windows-1252", false)
        );
        let text = "It’s over, said Holubová, “and I am glad.”";
        assert_eq!(
            name_of(text, encoding_rs::WINDOWS_1252),
            ("windows-1252", false)
        );
    }

    #[test]
    fn central_european_text_stays_central_european() {
        let text = "Łukasz Żak i Paweł Śliwiński powiedzieli, że źródło jest pewne.";
        assert_eq!(
            name_of(text, encoding_rs::WINDOWS_1250),
            ("windows-1250", false)
        );
        // two letters are too little to be sure
        let text = "Coach Ivan Perić and Vasić said.";
        assert_eq!(
            name_of(text, encoding_rs::WINDOWS_1250),
            ("windows-1250", true)
        );
    }

    #[test]
    fn letters_western_languages_write_are_western() {
        // `ê` is byte EA in windows-1252 and windows-1254 alike: nothing says Turkish
        let text = "Dr Inês Carvalhal, the port health officer, said the ship was clean.";
        assert_eq!(
            name_of(text, encoding_rs::WINDOWS_1252),
            ("windows-1252", false)
        );
        // `ê` (ę in windows-1250) and `â` (the same in both) in an English text are Western
        let text = "Dr Inês Carvalhal met the crew at the Alcântara terminal. “We are going \
                    to be here for days,” she said. “It is going to be hard.”";
        assert_eq!(
            name_of(text, encoding_rs::WINDOWS_1252),
            ("windows-1252", false)
        );
        let text = "Ağır yağış nedeniyle İstanbul'da okullar kapatıldı, şehirde ulaşım durdu.";
        assert_eq!(name_of(text, encoding_rs::WINDOWS_1254).0, "windows-1254");
    }

    #[test]
    fn euro_signs_mean_latin9() {
        let text = "Le billet passe à 12 € et l'abonnement à 40 €.";
        assert_eq!(
            name_of(text, encoding_rs::ISO_8859_15),
            ("ISO-8859-15", false)
        );
        // the same text in windows-1252 has its € at byte 80
        assert_eq!(
            name_of(text, encoding_rs::WINDOWS_1252),
            ("windows-1252", false)
        );
    }

    #[test]
    fn koi8_r_is_named_when_no_ukrainian_letter_appears() {
        let text = "Городской совет утвердил бюджет на ремонт набережной.";
        assert_eq!(name_of(text, encoding_rs::KOI8_R), ("KOI8-R", false));
    }
}
