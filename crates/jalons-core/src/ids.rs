use uuid::Uuid;

/// Every record id is a UUID v7: sortable by creation time, unique across machines.
pub fn new_id() -> String {
    Uuid::now_v7().to_string()
}

/// Ids arrive from the UI as strings; a malformed one is a caller bug, not user input,
/// but it still gets a French message rather than a panic.
pub fn parse_id(field: &str, raw: &str) -> crate::Result<String> {
    Uuid::parse_str(raw).map(|u| u.to_string()).map_err(|_| crate::Error::validation(field, "Identifiant invalide."))
}
