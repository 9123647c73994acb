//! How an audit row's changes are stored: the JSON text as is when it is short, deflated
//! otherwise. A record's creation lists every field it was given (1.3 KB on average for an
//! ingénierie or a diagnostic, three quarters of the trail at the bench's scale), and JSON
//! that repeats its field names deflates to a third. The chain hashes the JSON text, so a
//! row reads the same whichever way it was stored, and rows written before stay as they are.

use std::borrow::Cow;
use std::io::{Read, Write};

use flate2::Compression;
use flate2::read::DeflateDecoder;
use flate2::write::DeflateEncoder;

/// Below this, deflating saves too little to be worth a second form.
const DEFLATE_FROM: usize = 256;

/// No write of Jalons lists this much; a row that inflates past it is not one of its own.
const LARGEST: u64 = 16 * 1024 * 1024;

/// The two columns to write for these changes: (`changes`, `changes_deflated`).
pub(crate) fn pack(json: &str) -> (&str, Option<Vec<u8>>) {
    if json.len() < DEFLATE_FROM {
        return (json, None);
    }
    let mut encoder = DeflateEncoder::new(Vec::with_capacity(json.len() / 3), Compression::default());
    match encoder.write_all(json.as_bytes()).and_then(|()| encoder.finish()) {
        Ok(deflated) if deflated.len() < json.len() => ("", Some(deflated)),
        _ => (json, None),
    }
}

/// The JSON text of a row read back; None when its columns are not what `pack` writes
/// (both filled, or deflated bytes that do not inflate to text within bounds): a row
/// altered outside Jalons.
pub(crate) fn unpack<'a>(text: &'a str, deflated: Option<&[u8]>) -> Option<Cow<'a, str>> {
    let Some(bytes) = deflated else { return Some(Cow::Borrowed(text)) };
    if !text.is_empty() {
        return None;
    }
    let mut out = String::new();
    DeflateDecoder::new(bytes).take(LARGEST + 1).read_to_string(&mut out).ok()?;
    (out.len() as u64 <= LARGEST).then_some(Cow::Owned(out))
}

/// The changes of the row `r`, whose columns `text_at` and `text_at + 1` are `changes` and
/// `changes_deflated`.
pub(crate) fn read<'r>(r: &'r rusqlite::Row<'_>, text_at: usize) -> rusqlite::Result<Option<Cow<'r, str>>> {
    let text = r.get_ref(text_at)?.as_str().unwrap_or_default();
    let deflated = r.get_ref(text_at + 1)?.as_blob_or_null().ok().flatten();
    Ok(unpack(text, deflated))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_changes_stay_text_and_long_ones_come_back_whole() {
        let short = r#"[{"field":"name","from":"A","to":"B"}]"#;
        assert_eq!(pack(short), (short, None));
        let long = format!("[{}]", vec![r#"{"field":"people","from":null,"to":"Awa Diallo"}"#; 40].join(","));
        let (text, deflated) = pack(&long);
        assert_eq!(text, "");
        let deflated = deflated.unwrap();
        assert!(deflated.len() * 5 < long.len(), "{} bytes for {}", deflated.len(), long.len());
        assert_eq!(unpack(text, Some(&deflated)).unwrap(), long);
    }

    #[test]
    fn rows_not_written_by_pack_are_refused() {
        let (_, deflated) = pack(&"x".repeat(1000));
        assert_eq!(unpack("[]", deflated.as_deref()), None);
        assert_eq!(unpack("", Some(b"not deflate at all")), None);
        let mut bomb = DeflateEncoder::new(Vec::new(), Compression::best());
        bomb.write_all(&vec![b' '; (LARGEST + 10) as usize]).unwrap();
        assert_eq!(unpack("", Some(&bomb.finish().unwrap())), None);
    }
}
