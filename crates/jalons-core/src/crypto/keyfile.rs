//! The key file `<database>-cle`: the data key sealed under a key derived from the
//! passphrase with Argon2id. It holds nothing readable without the passphrase; a key file
//! from elsewhere is hostile input, read within bounds and refused in French.

use std::path::{Path, PathBuf};

use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use data_encoding::HEXLOWER;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use super::key::{DataKey, KEY_LEN};
use crate::{Error, ErrorCode, Result, durable};

const FORMAT: &str = "jalons-cle";
const VERSION: u32 = 1;
/// Binds the sealed key to this format, so that no other sealed value can pass for it.
const AAD: &[u8] = b"jalons-cle-1";

/// RFC 9106's second recommended setting: 64 MiB, three passes, one lane.
const MEMORY_KIB: u32 = 64 * 1024;
const PASSES: u32 = 3;
/// What a key file may ask of this computer at most: a crafted one must not freeze it.
const MAX_MEMORY_KIB: u32 = 1024 * 1024;
const MAX_PASSES: u32 = 16;
const MAX_FILE: u64 = 4096;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Argon2Settings {
    memory_kib: u32,
    passes: u32,
    lanes: u32,
    salt: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyFile {
    format: String,
    version: u32,
    argon2id: Argon2Settings,
    nonce: String,
    sealed: String,
}

/// Where the key file of a database lives.
pub fn path_of(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push("-cle");
    PathBuf::from(name)
}

fn random<const N: usize>() -> Result<[u8; N]> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|_| Error::internal("Le système n'a pas fourni de nombres aléatoires."))?;
    Ok(bytes)
}

fn wrong_file(path: &Path) -> Error {
    Error::new(
        ErrorCode::NotJalons,
        format!(
            "Le fichier de clé {} n'est pas celui d'une base Jalons (il a peut-être été remplacé ou abîmé). \
             Ouvrez la base avec sa clé de secours.",
            path.display()
        ),
    )
}

fn wrong_phrase() -> Error {
    Error::validation(
        "passphrase",
        "Phrase secrète incorrecte. Vérifiez les majuscules et les accents, puis réessayez.",
    )
}

impl KeyFile {
    /// Seals `key` under `phrase` with a new salt.
    pub fn seal(key: &DataKey, phrase: &str) -> Result<Self> {
        let salt = random::<16>()?;
        let settings =
            Argon2Settings { memory_kib: MEMORY_KIB, passes: PASSES, lanes: 1, salt: HEXLOWER.encode(&salt) };
        let wrapping = derive(phrase, &settings)?;
        let nonce = random::<24>()?;
        let sealed = XChaCha20Poly1305::new((&*wrapping).into())
            .encrypt(XNonce::from_slice(&nonce), Payload { msg: key.bytes(), aad: AAD })
            .map_err(|_| Error::internal("La clé n'a pas pu être scellée."))?;
        Ok(Self {
            format: FORMAT.into(),
            version: VERSION,
            argon2id: settings,
            nonce: HEXLOWER.encode(&nonce),
            sealed: HEXLOWER.encode(&sealed),
        })
    }

    /// The data key, if `phrase` is the right one.
    pub fn open(&self, phrase: &str) -> Result<DataKey> {
        let wrapping = derive(phrase, &self.argon2id)?;
        let nonce = HEXLOWER.decode(self.nonce.as_bytes()).ok().filter(|n| n.len() == 24);
        let sealed = HEXLOWER.decode(self.sealed.as_bytes()).ok();
        let (Some(nonce), Some(sealed)) = (nonce, sealed) else {
            return Err(wrong_phrase());
        };
        let plain = Zeroizing::new(
            XChaCha20Poly1305::new((&*wrapping).into())
                .decrypt(XNonce::from_slice(&nonce), Payload { msg: &sealed, aad: AAD })
                .map_err(|_| wrong_phrase())?,
        );
        let bytes: [u8; KEY_LEN] = plain.as_slice().try_into().map_err(|_| wrong_phrase())?;
        Ok(DataKey::from_bytes(bytes))
    }

    /// Reads a key file; one that is too large, malformed or asks for more than this
    /// computer should spend is refused.
    pub fn load(path: &Path) -> Result<Self> {
        let size = std::fs::metadata(path).map_err(|e| Error::io("Le fichier de clé n'a pas pu être lu", &e))?.len();
        if size > MAX_FILE {
            return Err(wrong_file(path));
        }
        let text = std::fs::read_to_string(path).map_err(|_| wrong_file(path))?;
        let file: Self = serde_json::from_str(&text).map_err(|_| wrong_file(path))?;
        let a = &file.argon2id;
        let sane = file.format == FORMAT
            && file.version == VERSION
            && (8..=MAX_MEMORY_KIB).contains(&a.memory_kib)
            && (1..=MAX_PASSES).contains(&a.passes)
            && (1..=4).contains(&a.lanes)
            && HEXLOWER.decode(a.salt.as_bytes()).is_ok_and(|s| s.len() >= 16);
        if !sane {
            return Err(wrong_file(path));
        }
        Ok(file)
    }

    /// Written as the key file of a new database: refused if one appeared meanwhile (two
    /// processes creating the same database), so that a database never gets two keys.
    pub fn create(&self, path: &Path) -> Result<()> {
        // The database's folder, on a first start, may not exist yet.
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| Error::io("Le dossier de la base n'a pas pu être créé", &e))?;
        }
        // A name of this process's own, so that two creators never share the staging file.
        let mut staged = path.as_os_str().to_owned();
        staged.push(format!(".{}.nouvelle", std::process::id()));
        let staged = std::path::PathBuf::from(staged);
        self.save(&staged)?;
        let linked = std::fs::hard_link(&staged, path);
        let _ = std::fs::remove_file(&staged);
        match linked {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(Error::new(
                ErrorCode::InUse,
                "Cette base vient d'être créée par un autre Jalons, qui l'a déjà ouverte\u{a0}: fermez-le, puis \
                 rouvrez-la avec sa phrase secrète.",
            )),
            Err(e) => Err(Error::io("Le fichier de clé n'a pas pu être enregistré", &e)),
        }
    }

    /// Written durably and readable by its owner only.
    pub fn save(&self, path: &Path) -> Result<()> {
        let text = serde_json::to_string_pretty(self)?;
        durable::write_file(path, text.as_bytes(), "Le fichier de clé n'a pas pu être enregistré")
    }
}

fn derive(phrase: &str, settings: &Argon2Settings) -> Result<Zeroizing<[u8; KEY_LEN]>> {
    let salt = HEXLOWER.decode(settings.salt.as_bytes()).map_err(|_| wrong_phrase())?;
    let params = Params::new(settings.memory_kib, settings.passes, settings.lanes, Some(KEY_LEN))
        .map_err(|_| Error::internal("Réglages de dérivation de clé invalides."))?;
    let mut out = Zeroizing::new([0u8; KEY_LEN]);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(phrase.as_bytes(), &salt, &mut *out)
        .map_err(|_| Error::internal("La clé n'a pas pu être dérivée de la phrase secrète."))?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_right_phrase_opens_the_key_and_a_wrong_one_is_refused_on_its_field() {
        let key = DataKey::generate().unwrap();
        let file = KeyFile::seal(&key, "quatre mots bien choisis").unwrap();
        assert_eq!(file.open("quatre mots bien choisis").unwrap(), key);
        let refused = file.open("quatre mots bien choisi").unwrap_err();
        assert_eq!(refused.field.as_deref(), Some("passphrase"));
        assert!(!serde_json::to_string(&file).unwrap().contains(&key.to_hex()));
    }

    #[test]
    fn a_crafted_key_file_is_refused_before_any_work() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("base.sqlite-cle");
        let key = DataKey::generate().unwrap();
        let mut file = KeyFile::seal(&key, "phrase").unwrap();
        file.argon2id.memory_kib = u32::MAX;
        std::fs::write(&path, serde_json::to_string(&file).unwrap()).unwrap();
        assert_eq!(KeyFile::load(&path).unwrap_err().code, ErrorCode::NotJalons);
        std::fs::write(&path, "not json").unwrap();
        assert_eq!(KeyFile::load(&path).unwrap_err().code, ErrorCode::NotJalons);
        std::fs::write(&path, vec![b' '; 10_000]).unwrap();
        assert_eq!(KeyFile::load(&path).unwrap_err().code, ErrorCode::NotJalons);
        KeyFile::seal(&key, "phrase").unwrap().save(&path).unwrap();
        assert_eq!(KeyFile::load(&path).unwrap().open("phrase").unwrap(), key);
    }
}
