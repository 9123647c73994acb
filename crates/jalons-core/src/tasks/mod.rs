//! Tasks and reminders: the chargé de mission's own tasks on a structure or a case, and the
//! agenda that gathers them with what other parts of Jalons find due (follow-ups, final
//! reports awaited, employer obligations).

mod agenda;
mod model;
mod repo;

pub use agenda::{Agenda, AgendaItem, AgendaPage, AgendaShown, AgendaSource, REPORT_DELAY_DAYS, SOON_DAYS};
pub use model::{Task, TaskFilter, TaskInput};
