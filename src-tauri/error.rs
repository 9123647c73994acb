//! Commands return the core's error as is: it already serialises to the one IPC error
//! shape `{ code, message, field? }`. This module only adds what the shell itself can fail at.

pub use jalons_core::Error;

pub type CmdResult<T> = Result<T, Error>;

pub fn poisoned() -> Error {
    Error::internal("Jalons a rencontré une erreur interne\u{a0}: redémarrez l'application.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_errors_use_the_same_shape() {
        let v = serde_json::to_value(poisoned()).unwrap();
        assert_eq!(v["code"], "internal");
        assert!(v["message"].as_str().unwrap().contains("redémarrez"));
        assert!(v.get("field").is_none());
    }
}
