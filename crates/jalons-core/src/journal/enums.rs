use crate::labels::labelled_enum;

labelled_enum!(
    JournalKind, "le type d'entrée" {
        Meeting => "meeting", "Rendez-vous";
        Call => "call", "Appel";
        SiteVisit => "site_visit", "Visite sur site";
        Email => "email", "E-mail";
        CollectiveMeeting => "collective_meeting", "Réunion collective";
        Note => "note", "Note";
    }
);
