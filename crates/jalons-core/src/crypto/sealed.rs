//! Attached files sealed with XChaCha20-Poly1305 in 64 KiB chunks (the STREAM construction:
//! a chunk cut, swapped or dropped fails to open), under a key derived from the data key.
//! Their names stay content addresses: a keyed hash of the plaintext's SHA-256, so that a
//! file attached twice is stored once and a known document cannot be spotted by its hash.

use std::io::{Read, Write};

use chacha20poly1305::XChaCha20Poly1305;
use chacha20poly1305::aead::KeyInit;
use chacha20poly1305::aead::stream::{DecryptorBE32, EncryptorBE32};
use data_encoding::HEXLOWER;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::DataKey;

const MAGIC: &[u8; 8] = b"JLNSF\x001\0";
const NONCE_LEN: usize = 19;
const CHUNK: usize = 64 * 1024;
const TAG: usize = 16;

fn cipher(key: &DataKey) -> XChaCha20Poly1305 {
    XChaCha20Poly1305::new((&key.derive("fichiers/chiffrement")).into())
}

/// The name under which a file with this SHA-256 is stored: 64 hex digits, like the hash.
pub(crate) fn address(key: &DataKey, sha256: &str) -> String {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(&key.derive("fichiers/adresse")).expect("any key length");
    mac.update(sha256.as_bytes());
    HEXLOWER.encode(&mac.finalize().into_bytes())
}

fn broken() -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, "fichier chiffré illisible ou modifié")
}

/// Fills `buf` as far as the source allows; the count read.
fn fill(source: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match source.read(&mut buf[n..])? {
            0 => break,
            read => n += read,
        }
    }
    Ok(n)
}

/// Seals everything `source` holds into `target`.
pub(crate) fn seal(key: &DataKey, source: &mut impl Read, target: &mut impl Write) -> std::io::Result<()> {
    let mut nonce = [0u8; NONCE_LEN];
    getrandom::fill(&mut nonce).map_err(|_| std::io::Error::other("aléa indisponible"))?;
    target.write_all(MAGIC)?;
    target.write_all(&nonce)?;
    let mut stream = EncryptorBE32::from_aead(cipher(key), (&nonce).into());
    let mut current = vec![0u8; CHUNK];
    let mut next = vec![0u8; CHUNK];
    let mut len = fill(source, &mut current)?;
    loop {
        let next_len = if len == CHUNK { fill(source, &mut next)? } else { 0 };
        if next_len == 0 {
            let last = stream.encrypt_last(&current[..len]).map_err(|_| broken())?;
            return target.write_all(&last);
        }
        target.write_all(&stream.encrypt_next(&current[..len]).map_err(|_| broken())?)?;
        std::mem::swap(&mut current, &mut next);
        len = next_len;
    }
}

/// Opens a sealed file into `target`; a file that was not sealed with this key, or was
/// changed in any way, fails before its last chunk is written.
pub(crate) fn open(key: &DataKey, source: &mut impl Read, target: &mut impl Write) -> std::io::Result<()> {
    let mut head = [0u8; MAGIC.len() + NONCE_LEN];
    if fill(source, &mut head)? != head.len() || &head[..MAGIC.len()] != MAGIC {
        return Err(broken());
    }
    let nonce: [u8; NONCE_LEN] = head[MAGIC.len()..].try_into().expect("19 bytes");
    let mut stream = DecryptorBE32::from_aead(cipher(key), (&nonce).into());
    let mut current = vec![0u8; CHUNK + TAG];
    let mut next = vec![0u8; CHUNK + TAG];
    let mut len = fill(source, &mut current)?;
    loop {
        let next_len = if len == CHUNK + TAG { fill(source, &mut next)? } else { 0 };
        if next_len == 0 {
            let last = stream.decrypt_last(&current[..len]).map_err(|_| broken())?;
            return target.write_all(&last);
        }
        target.write_all(&stream.decrypt_next(&current[..len]).map_err(|_| broken())?)?;
        std::mem::swap(&mut current, &mut next);
        len = next_len;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(size: usize) {
        let key = DataKey::generate().unwrap();
        let plain: Vec<u8> = (0..size).map(|i| (i * 7 % 251) as u8).collect();
        let mut sealed = Vec::new();
        seal(&key, &mut plain.as_slice(), &mut sealed).unwrap();
        let mut back = Vec::new();
        open(&key, &mut sealed.as_slice(), &mut back).unwrap();
        assert_eq!(back, plain, "size {size}");
        if size >= 16 {
            assert!(!sealed.windows(16).any(|w| w == &plain[..16]));
        }
        let other = DataKey::generate().unwrap();
        assert!(open(&other, &mut sealed.as_slice(), &mut Vec::new()).is_err());
        let mut cut = sealed.clone();
        cut.truncate(sealed.len() - 1);
        assert!(open(&key, &mut cut.as_slice(), &mut Vec::new()).is_err());
        if sealed.len() > CHUNK + TAG + 27 {
            let mut dropped = sealed[..27].to_vec();
            dropped.extend_from_slice(&sealed[27 + CHUNK + TAG..]);
            assert!(open(&key, &mut dropped.as_slice(), &mut Vec::new()).is_err());
        }
    }

    #[test]
    fn sealed_files_open_only_whole_and_with_their_key() {
        for size in [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 17] {
            round_trip(size);
        }
    }

    #[test]
    fn the_address_is_keyed() {
        let (a, b) = (DataKey::generate().unwrap(), DataKey::generate().unwrap());
        let hash = "ab".repeat(32);
        assert_eq!(address(&a, &hash), address(&a, &hash));
        assert_ne!(address(&a, &hash), address(&b, &hash));
        assert_eq!(address(&a, &hash).len(), 64);
    }
}
