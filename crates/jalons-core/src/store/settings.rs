use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use ts_rs::TS;

use crate::values::required_text;
use crate::{Result, Store};

/// Local preferences kept in the database itself, so they travel with it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct Settings {
    /// The local user's name, asked once at first start; it signs the audit trail.
    pub user_name: Option<String>,
    /// A desktop notification lists what is due, at start and once a day; on unless
    /// turned off.
    pub notify_due: bool,
    /// The notification names the structures and tasks (they stay in the desktop's history
    /// of notifications); off unless turned on: it then only says how many.
    pub notify_names: bool,
}

const USER_NAME: &str = "user_name";
const NOTIFY_DUE: &str = "notify_due";
const NOTIFY_NAMES: &str = "notify_names";

impl Settings {
    pub fn load(conn: &Connection) -> Result<Self> {
        let value = |key: &str| -> Result<Option<String>> {
            Ok(conn.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| r.get(0)).optional()?)
        };
        Ok(Self {
            user_name: value(USER_NAME)?,
            notify_due: value(NOTIFY_DUE)?.as_deref() != Some("off"),
            notify_names: value(NOTIFY_NAMES)?.as_deref() == Some("on"),
        })
    }
}

impl Store {
    pub fn settings(&self) -> Result<Settings> {
        Settings::load(self.conn())
    }

    pub fn set_user_name(&mut self, raw: &str) -> Result<Settings> {
        let name = required_text("user_name", "Votre nom", raw, 120)?;
        let before = self.settings()?;
        self.write(|w| {
            w.tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![USER_NAME, name],
            )?;
            // The audit row is signed with the new name: the person is naming themselves.
            crate::store::audit::record(
                w,
                &name,
                "settings",
                USER_NAME,
                "update",
                Some(&serde_json::json!({ USER_NAME: before.user_name })),
                Some(&serde_json::json!({ USER_NAME: name })),
            )
        })?;
        self.settings()
    }
}

impl Store {
    pub fn set_notify_due(&mut self, on: bool) -> Result<Settings> {
        let before = self.settings()?.notify_due;
        self.set_flag(NOTIFY_DUE, before, on)
    }

    pub fn set_notify_names(&mut self, on: bool) -> Result<Settings> {
        let before = self.settings()?.notify_names;
        self.set_flag(NOTIFY_NAMES, before, on)
    }

    fn set_flag(&mut self, key: &str, before: bool, on: bool) -> Result<Settings> {
        self.write(|w| {
            w.tx.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![key, if on { "on" } else { "off" }],
            )?;
            w.audit("settings", key, "update", Some(&serde_json::json!({ key: before })), Some(&serde_json::json!({ key: on })))
        })?;
        self.settings()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_name_is_kept_and_audited() {
        let mut s = Store::open_in_memory().unwrap();
        assert_eq!(s.settings().unwrap().user_name, None);
        s.set_user_name("  Camille Martin ").unwrap();
        assert_eq!(s.settings().unwrap().user_name.as_deref(), Some("Camille Martin"));
        let h = crate::store::audit::history(s.conn(), &["settings"], USER_NAME, crate::paging::PageRequest::LARGEST)
            .unwrap()
            .rows;
        assert_eq!(h.len(), 1);
        assert_eq!(h[0].actor, "Camille Martin");
        assert!(s.set_user_name("   ").is_err());
    }

    #[test]
    fn due_notifications_are_on_until_turned_off() {
        let mut s = Store::open_in_memory().unwrap();
        assert!(s.settings().unwrap().notify_due);
        assert!(!s.set_notify_due(false).unwrap().notify_due);
        assert!(!s.settings().unwrap().notify_due);
        assert!(s.set_notify_due(true).unwrap().notify_due);
    }

    #[test]
    fn notifications_name_no_one_until_asked() {
        let mut s = Store::open_in_memory().unwrap();
        assert!(!s.settings().unwrap().notify_names);
        assert!(s.set_notify_names(true).unwrap().notify_names);
        assert!(s.settings().unwrap().notify_due, "the other preference is left as it was");
        assert!(!s.set_notify_names(false).unwrap().notify_names);
    }
}
