//! The database's key without a window: the passphrase from `JALONS_PHRASE_SECRETE` or
//! typed at a prompt (never an argument, which other users of the machine could read in
//! the process list), or the recovery key from `JALONS_CLE_SECOURS`.

use std::path::Path;

use anyhow::{Context, bail};
use jalons_core::Store;
use jalons_core::backup::default_folder;
use jalons_core::crypto::{self, DataKey, LockNeed};

const PHRASE_VAR: &str = "JALONS_PHRASE_SECRETE";
const RECOVERY_VAR: &str = "JALONS_CLE_SECOURS";

fn typed(prompt: &str) -> anyhow::Result<String> {
    if let Ok(phrase) = std::env::var(PHRASE_VAR) {
        return Ok(phrase);
    }
    rpassword::prompt_password(prompt)
        .with_context(|| format!("Phrase secrète illisible (sans terminal, donnez-la par {PHRASE_VAR})"))
}

fn chosen() -> anyhow::Result<String> {
    if let Ok(phrase) = std::env::var(PHRASE_VAR) {
        return Ok(phrase);
    }
    let phrase = typed("Choisissez la phrase secrète de la base\u{a0}: ")?;
    let again = rpassword::prompt_password("Saisissez-la une seconde fois\u{a0}: ")?;
    if phrase != again {
        bail!("Les deux saisies de la phrase secrète ne sont pas identiques.");
    }
    Ok(phrase)
}

/// The key of `db`: asked, or chosen for a new database (and a plain one, then encrypted).
pub fn key_for(db: &Path) -> anyhow::Result<DataKey> {
    crypto::convert::finish_interrupted(db)?;
    let spare = default_folder(db);
    match crypto::need(db)? {
        LockNeed::Create | LockNeed::Convert => {
            let phrase = chosen()?;
            let key = crypto::protect(db, &phrase, &phrase, &spare)?;
            eprintln!(
                "Base chiffrée. Clé de secours, à garder hors de l'ordinateur (elle ouvre la base si la phrase \
                 secrète est oubliée)\u{a0}:\n{}",
                key.to_recovery()
            );
            Ok(key)
        }
        LockNeed::Unlock => {
            if let Ok(recovery) = std::env::var(RECOVERY_VAR) {
                return Ok(DataKey::from_recovery(&recovery)?);
            }
            Ok(crypto::key_from_phrase(db, &typed("Phrase secrète de la base\u{a0}: ")?)?)
        }
        LockNeed::RecoveryOnly => {
            let recovery = match std::env::var(RECOVERY_VAR) {
                Ok(r) => r,
                Err(_) => rpassword::prompt_password("Fichier de clé absent. Clé de secours\u{a0}: ")?,
            };
            Ok(DataKey::from_recovery(&recovery)?)
        }
    }
}

pub fn open(db: &Path) -> anyhow::Result<Store> {
    let key = key_for(db)?;
    Store::open(db, &key).with_context(|| format!("Impossible d'ouvrir {}", db.display()))
}
