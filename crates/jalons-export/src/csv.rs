//! A sheet as CSV for French Excel: `;` between fields, UTF-8 with a byte order mark (without
//! it Excel reads the accents wrong), decimals with a comma.

use jalons_core::{Error, Result};

use crate::table::Sheet;

pub fn csv(sheet: &Sheet) -> Result<Vec<u8>> {
    let failed = |e: csv::Error| Error::internal(format!("Le fichier CSV n'a pas pu être écrit\u{a0}: {e}"));
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut w = csv::WriterBuilder::new().delimiter(b';').from_writer(&mut out);
        w.write_record(sheet.columns.iter().map(|c| c.title)).map_err(failed)?;
        for row in &sheet.rows {
            w.write_record(row.iter().map(|c| c.plain())).map_err(failed)?;
        }
        w.flush().map_err(|e| Error::internal(format!("Le fichier CSV n'a pas pu être écrit\u{a0}: {e}")))?;
    }
    Ok(out)
}
