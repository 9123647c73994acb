//! Durations as a chargé de mission types them: `90`, `1 h 30`, `1h30`, `1,5 h`, `45 min`.

use crate::{Error, Result};

const MAX_MINUTES: i64 = 24 * 60;

fn invalid(raw: &str) -> Error {
    Error::validation(
        "duration",
        format!(
            "Durée invalide (saisi\u{a0}: «\u{a0}{}\u{a0}»). Écrivez par exemple 1 h 30, 45 min ou 90.",
            raw.trim()
        ),
    )
}

/// Minutes, or None when left empty.
pub(crate) fn parse_duration(raw: &str) -> Result<Option<i64>> {
    let t: String = raw.to_lowercase().chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty() {
        return Ok(None);
    }
    let number = |s: &str| -> Option<f64> { s.replace(',', ".").parse::<f64>().ok().filter(|n| *n >= 0.0) };
    let minutes = if let Some(m) = t.strip_suffix("min").or_else(|| t.strip_suffix("mn")) {
        number(m)
    } else if let Some((h, m)) = t.split_once('h') {
        let hours = number(h);
        let extra =
            if m.is_empty() { Some(0.0) } else { number(m).filter(|m| *m < 60.0 && !m.to_string().contains('.')) };
        hours.zip(extra).map(|(h, m)| h * 60.0 + m)
    } else {
        number(&t)
    }
    .ok_or_else(|| invalid(raw))?;
    let minutes = minutes.round() as i64;
    if minutes == 0 || minutes > MAX_MINUTES {
        return Err(Error::validation("duration", "La durée doit être comprise entre 1 minute et 24 heures."));
    }
    Ok(Some(minutes))
}

#[cfg(test)]
mod tests {
    use super::parse_duration;

    #[test]
    fn reads_french_durations() {
        for (raw, minutes) in
            [("90", 90), ("1 h 30", 90), ("1h30", 90), ("1,5 h", 90), ("2h", 120), ("45 min", 45), ("45mn", 45)]
        {
            assert_eq!(parse_duration(raw).unwrap(), Some(minutes), "{raw}");
        }
        assert_eq!(parse_duration("  ").unwrap(), None);
    }

    #[test]
    fn refuses_nonsense_with_the_field() {
        for raw in ["une heure", "1h75", "0", "25 h", "-5"] {
            assert_eq!(parse_duration(raw).unwrap_err().field.as_deref(), Some("duration"), "{raw}");
        }
    }
}
