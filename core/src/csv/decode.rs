//! Bytes to text: the encodings spreadsheets save CSV in, and refusing what is not text.

use super::CsvProblem;

/// Turns a file's bytes into text: UTF-8 (with or without a byte-order mark), UTF-16 with a
/// byte-order mark (Excel's "Unicode Text"), otherwise Windows-1252 (Excel's plain "CSV" on a UK
/// PC, where "£" is one byte). Refuses what is plainly not text (a workbook, an image).
pub fn decode_bytes(bytes: &[u8]) -> Result<String, CsvProblem> {
    if bytes.starts_with(b"PK\x03\x04") {
        return Err(CsvProblem::file(XLSX));
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(CsvProblem::file(XLS));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return Ok(String::from_utf8_lossy(rest).into_owned());
    }
    let utf16 = |rest: &[u8], le: bool| -> String {
        let units = rest.chunks_exact(2).map(|c| {
            if le {
                u16::from_le_bytes([c[0], c[1]])
            } else {
                u16::from_be_bytes([c[0], c[1]])
            }
        });
        char::decode_utf16(units)
            .map(|r| r.unwrap_or('\u{fffd}'))
            .collect()
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return Ok(utf16(rest, true));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return Ok(utf16(rest, false));
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(s.to_string());
    }
    if bytes.contains(&0) {
        return Err(CsvProblem::file(BINARY));
    }
    Ok(bytes.iter().map(|&b| windows_1252(b)).collect())
}

fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

const XLSX: &str = "This is an Excel workbook (.xlsx), not a CSV file: in Excel choose File, Save As, \"CSV UTF-8 (Comma delimited)\", and import that file.";
const XLS: &str = "This is an old Excel workbook (.xls), not a CSV file: in Excel choose File, Save As, \"CSV UTF-8 (Comma delimited)\", and import that file.";
const BINARY: &str = "This does not look like a CSV file: it holds binary data, not text. Save the spreadsheet as \"CSV UTF-8 (Comma delimited)\" and import that file.";

/// Refuses text that is plainly not a CSV file, with a message that says what to do.
pub(super) fn check_text(text: &str) -> Result<(), CsvProblem> {
    if text.trim().is_empty() {
        return Err(CsvProblem::file("The file is empty."));
    }
    if text.starts_with("PK\u{3}\u{4}") {
        return Err(CsvProblem::file(XLSX));
    }
    let (mut total, mut bad, mut nul) = (0usize, 0usize, 0usize);
    for c in text.chars() {
        total += 1;
        if c == '\0' {
            nul += 1;
        }
        if c == '\u{fffd}' || (c.is_control() && !matches!(c, '\t' | '\r' | '\n')) {
            bad += 1;
        }
    }
    if nul > 0 && nul * 3 >= total {
        return Err(CsvProblem::file(
            "This file is saved as UTF-16 (\"Unicode Text\") or holds binary data: save the spreadsheet as \"CSV UTF-8 (Comma delimited)\" and import that file.",
        ));
    }
    if nul > 0 || bad * 20 > total {
        return Err(CsvProblem::file(BINARY));
    }
    Ok(())
}
