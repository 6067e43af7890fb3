use super::*;

const ENGLISH: &str = "The council’s budget — €4.2 million for the harbour wall — was \
    approved on Tuesday after a long café debate. “We are not sure it will be enough,” said \
    Renée Dubois, who chairs the committee. Fishermen’s groups welcomed the vote.";

const RUSSIAN: &str = "Городской совет утвердил бюджет на ремонт набережной во вторник \
    после долгих споров. «Мы не уверены, что этого хватит», — сказала председатель комиссии. \
    Рыбаки приветствовали решение совета.";

/// Russian without the guillemets and dash KOI8-R lacks.
const RUSSIAN_PLAIN: &str = "Городской совет утвердил бюджет на ремонт набережной во вторник \
    после долгих споров. Председатель комиссии сказала, что денег может не хватить. \
    Рыбаки приветствовали решение совета.";

const JAPANESE: &str = "市議会は火曜日、長い議論の末に港の防波堤の修理予算を承認した。\
    委員長は「これで十分かどうかは分からない」と述べた。漁業関係者は決定を歓迎した。";

const CHINESE: &str = "市议会周二在长时间辩论后批准了港口防波堤的维修预算。委员会主席表示：\
    “我们不确定这是否足够。”渔民团体对这一决定表示欢迎。";

fn encode(text: &str, encoding: &'static Encoding) -> Vec<u8> {
    let (bytes, _, unmappable) = encoding.encode(text);
    assert!(!unmappable, "{} cannot encode the sample", encoding.name());
    bytes.into_owned()
}

fn ok(bytes: &[u8]) -> Decoded<'_> {
    decode(bytes).unwrap()
}

#[test]
fn plain_utf8_and_bom() {
    let d = ok(b"hello");
    assert_eq!(
        (d.text.as_ref(), d.encoding, d.warning),
        ("hello", "UTF-8", None)
    );
    let d = ok(b"\xEF\xBB\xBFhello");
    assert_eq!(
        (d.text.as_ref(), d.encoding, d.warning),
        ("hello", "UTF-8", None)
    );
    let d = ok(ENGLISH.as_bytes());
    assert!(
        matches!(d.text, Cow::Borrowed(_)),
        "valid UTF-8 is not copied"
    );
}

#[test]
fn utf16_with_bom_is_decoded() {
    for (bom, be) in [([0xFF, 0xFE], false), ([0xFE, 0xFF], true)] {
        let mut bytes = bom.to_vec();
        for u in "Привет, world".encode_utf16() {
            bytes.extend_from_slice(&if be { u.to_be_bytes() } else { u.to_le_bytes() });
        }
        let d = ok(&bytes);
        assert_eq!(d.text, "Привет, world");
        assert_eq!(d.encoding, if be { "UTF-16BE" } else { "UTF-16LE" });
        assert_eq!(d.warning, None);
    }
}

#[test]
fn utf32_with_bom_is_decoded() {
    let le: Vec<u8> = [0xFEFF_u32]
        .into_iter()
        .chain("Grüße, мир 🌍".chars().map(u32::from))
        .flat_map(u32::to_le_bytes)
        .collect();
    let d = ok(&le);
    assert_eq!((d.text.as_ref(), d.encoding), ("Grüße, мир 🌍", "UTF-32LE"));
    let mut be: Vec<u8> = [0xFEFF_u32, 0x41, 0xD800, 0x42]
        .into_iter()
        .flat_map(u32::to_be_bytes)
        .collect();
    be.push(0);
    let d = ok(&be);
    assert_eq!(
        (d.text.as_ref(), d.encoding),
        ("A\u{FFFD}B\u{FFFD}", "UTF-32BE")
    );
    assert_eq!(
        d.warning.as_deref(),
        Some("2 invalid UTF-32BE sequence(s) replaced with U+FFFD")
    );
}

#[test]
fn legacy_encodings_are_detected() {
    let cases = [
        (ENGLISH, encoding_rs::WINDOWS_1252),
        (RUSSIAN, encoding_rs::WINDOWS_1251),
        (RUSSIAN_PLAIN, encoding_rs::KOI8_R),
        (JAPANESE, encoding_rs::SHIFT_JIS),
        (JAPANESE, encoding_rs::EUC_JP),
        (CHINESE, encoding_rs::GBK),
    ];
    for (text, encoding) in cases {
        let bytes = encode(text, encoding);
        let d = ok(&bytes);
        assert_eq!(d.encoding, encoding.name());
        assert_eq!(d.text, text, "{}", encoding.name());
        assert_eq!(d.warning, None, "{}", encoding.name());
    }
}

#[test]
fn latin1_text_is_read() {
    let d = ok(b"Caf\xE9 cr\xE8me br\xFBl\xE9e, na\xEFve fa\xE7ade, \xFCber sch\xF6n.");
    assert_eq!(d.text, "Café crème brûlée, naïve façade, über schön.");
    assert_eq!(d.encoding, "windows-1252");
    assert_eq!(d.warning, None);
}

#[test]
fn a_declared_charset_is_followed() {
    let mut page = b"<html><head><meta charset=\"koi8-r\"></head><body><p>".to_vec();
    page.extend(encode("Короткий текст.", encoding_rs::KOI8_R));
    let d = ok(&page);
    assert_eq!(d.encoding, "KOI8-R");
    assert!(d.text.contains("Короткий текст."));
    assert_eq!(d.warning, None);
    let mut feed = b"<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><rss>".to_vec();
    feed.extend(encode("Le prix: 5 €.", encoding_rs::ISO_8859_15));
    let d = ok(&feed);
    assert_eq!(d.encoding, "ISO-8859-15");
    assert!(d.text.contains("5 €"));
}

#[test]
fn a_declaration_the_bytes_contradict_is_overruled() {
    // declared latin1, written in UTF-8
    let page = format!("<html><meta charset=iso-8859-1><p>{ENGLISH}</p>");
    let d = ok(page.as_bytes());
    assert_eq!(d.encoding, "UTF-8");
    assert!(d.text.contains(ENGLISH));
    let w = d.warning.unwrap();
    assert_eq!(
        w,
        "declared windows-1252 but the bytes are UTF-8; read as UTF-8"
    );
    // declared UTF-8, written in windows-1251
    let mut page = b"<html><meta charset=utf-8><p>".to_vec();
    page.extend(encode(RUSSIAN, encoding_rs::WINDOWS_1251));
    let d = ok(&page);
    assert_eq!(d.encoding, "windows-1251");
    assert!(d.text.contains(RUSSIAN));
    let w = d.warning.unwrap();
    assert!(w.starts_with("declared UTF-8 but has "), "{w}");
    assert!(w.ends_with("read as windows-1251"), "{w}");
    // declared Shift_JIS, written in windows-1252
    let mut page = b"<html><meta charset=shift_jis><p>".to_vec();
    page.extend(encode(ENGLISH, encoding_rs::WINDOWS_1252));
    let d = ok(&page);
    assert_eq!(d.encoding, "windows-1252");
    assert!(d.text.contains(ENGLISH));
    let w = d.warning.unwrap();
    assert!(
        w.starts_with("declared Shift_JIS but the bytes are not valid in it"),
        "{w}"
    );
}

#[test]
fn a_pure_ascii_page_keeps_its_declaration() {
    let d = ok(b"<meta charset=windows-1252><p>Plain words.</p>");
    assert_eq!((d.encoding, d.warning), ("windows-1252", None));
}

#[test]
fn a_shaky_guess_is_warned_about() {
    // two non-ASCII bytes: a Central European guess on so little is a shaky one
    let bytes = encode(
        "Coach Ivan Perić and Vasić said.",
        encoding_rs::WINDOWS_1250,
    );
    let d = ok(&bytes);
    assert_eq!(d.text, "Coach Ivan Perić and Vasić said.");
    let w = d.warning.unwrap_or_default();
    assert_eq!(
        w,
        "encoding guessed as windows-1250 with low confidence (2 non-ASCII byte(s))"
    );
    // six Cyrillic letters are enough evidence
    let bytes = encode("Prices rose: Москва, Киев", encoding_rs::WINDOWS_1251);
    let d = ok(&bytes);
    assert_eq!((d.encoding, d.warning), ("windows-1251", None));
}

#[test]
fn utf8_with_a_few_bad_bytes_stays_utf8() {
    let mut text = ENGLISH.as_bytes().to_vec();
    text.push(0xFF);
    text.extend_from_slice(b" more \xC3");
    let d = ok(&text);
    assert_eq!(d.encoding, "UTF-8");
    assert!(d.text.starts_with(ENGLISH));
    assert_eq!(d.text.matches('\u{FFFD}').count(), 2);
    assert_eq!(
        d.warning.as_deref(),
        Some("2 invalid UTF-8 sequence(s) replaced with U+FFFD")
    );
}

#[test]
fn bytes_invalid_in_the_detected_encoding_are_counted() {
    let mut bytes = b"<meta charset=\"shift_jis\">".to_vec();
    bytes.extend(encode(JAPANESE, encoding_rs::SHIFT_JIS));
    bytes.extend_from_slice(b"\x81\x20 and \xA0\x81");
    let d = ok(&bytes);
    let w = d.warning.unwrap_or_default();
    assert_eq!(w, "3 invalid Shift_JIS sequence(s) replaced with U+FFFD");
    assert!(d.text.contains(JAPANESE), "the text is kept");
}

#[test]
fn empty_and_blank_files_are_refused() {
    assert_eq!(decode(b""), Err(DecodeError::Empty));
    assert_eq!(decode(b" \n\t\n"), Err(DecodeError::Empty));
    assert_eq!(decode(b"\xEF\xBB\xBF \n"), Err(DecodeError::Empty));
}

#[test]
fn binary_files_are_refused_by_kind() {
    let err = |b: &[u8]| decode(b).unwrap_err().to_string();
    assert_eq!(
        err(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
        "binary file (a PNG image)"
    );
    assert_eq!(
        err(b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n"),
        "binary file (a PDF document)"
    );
    assert_eq!(err(b"PK\x03\x04\x14\0\0\0"), "binary file (a ZIP archive)");
    assert_eq!(err(b"\x1F\x8B\x08\0\0\0"), "binary file (a gzip archive)");
    assert_eq!(
        err(b"\x00\x01\x02\x03abc"),
        "binary file (contains NUL bytes)"
    );
}

#[test]
fn a_few_nul_bytes_are_removed_with_a_warning() {
    let mut text = "A long enough article body. ".repeat(10).into_bytes();
    text.insert(5, 0);
    let d = ok(&text);
    assert!(!d.text.contains('\0'));
    assert!(d.text.starts_with("A lon"));
    assert_eq!(d.warning.as_deref(), Some("1 NUL byte(s) removed"));
}

#[test]
fn utf16_without_bom_is_read() {
    let bytes: Vec<u8> = "plain words, in a sentence"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let d = ok(&bytes);
    assert_eq!(
        (d.text.as_ref(), d.encoding),
        ("plain words, in a sentence", "UTF-16LE")
    );
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Starts that steer the decoder down each of its paths.
    const PREFIXES: &[&[u8]] = &[
        b"",
        b"\xEF\xBB\xBF",
        b"\xFF\xFE",
        b"\xFE\xFF",
        b"\xFF\xFE\0\0",
        b"\0\0\xFE\xFF",
        b"<meta charset=utf-8>",
        b"<meta charset=shift_jis>",
        b"<?xml version='1.0' encoding='koi8-r'?>",
        b"<html><meta http-equiv=content-type content='text/html; charset=gb18030'>",
    ];

    proptest! {
        #[test]
        fn decode_never_panics_and_keeps_its_promises(
            prefix in 0..PREFIXES.len(),
            body in proptest::collection::vec(any::<u8>(), 0..400),
        ) {
            let mut bytes = PREFIXES[prefix].to_vec();
            bytes.extend_from_slice(&body);
            if let Ok(d) = decode(&bytes) {
                prop_assert!(!d.text.trim().is_empty());
                prop_assert!(!d.encoding.is_empty());
                if let Some(w) = &d.warning {
                    prop_assert!(!w.contains('\n'));
                }
            }
        }

        #[test]
        fn valid_utf8_is_read_as_it_is(text in "\\PC{1,200}") {
            prop_assume!(!text.trim().is_empty() && !text.starts_with('<'));
            let d = decode(text.as_bytes()).unwrap();
            prop_assert_eq!(d.text.as_ref(), text.as_str());
            prop_assert_eq!(d.encoding, "UTF-8");
            prop_assert_eq!(d.warning, None);
        }
    }
}
