//! Generated records at scale, for the bench and for the end-to-end test of a large list:
//! made by the same validated, audited commands as the app's, names and places repeating
//! as in a real region.

use jalons_core::Store;
use jalons_core::structures::StructureInput;

const NAMES: &[&str] =
    &["Compagnie", "Théâtre", "Festival", "Collectif", "Ensemble", "Atelier", "Fabrique", "Scène", "Maison", "Radio"];
const PLACES: &[&str] =
    &["du Sillon", "des Canuts", "de la Courte Échelle", "du Vivarais", "des Tisserands", "du Port", "des Champs"];
const COMMUNES: &[&str] = &["26113", "26362", "07186", "38185", "69123", "63113", "23096", "33063", "35238", "29019"];
const FORMS: &[&str] = &["association", "association", "association", "scic", "scop", "cae"];

/// `count` structures in one transaction (each create nests in it as in the app); their ids.
pub fn structures(store: &mut Store, count: usize) -> jalons_core::Result<Vec<String>> {
    store.all_or_nothing(|store| {
        (0..count)
            .map(|i| {
                store
                    .create_structure(&StructureInput {
                        name: format!("{} {} {i}", NAMES[i % NAMES.len()], PLACES[i % PLACES.len()]),
                        legal_form: FORMS[i % FORMS.len()].into(),
                        commune_code: COMMUNES[i % COMMUNES.len()].into(),
                        budget: format!("{}", 20_000 + (i * 7919) % 1_500_000),
                        etp: format!("{}", (i % 12) + 1),
                        employees_cdi: "12".into(),
                        ..Default::default()
                    })
                    .map(|s| s.id)
            })
            .collect()
    })
}
