//! The user guide's page of indicator definitions is written from the code's, so the two
//! never drift apart.

use std::path::PathBuf;

use jalons_core::indicators::{DEFINITIONS, PeriodRule};

fn page() -> String {
    let mut out = String::from(
        "# Les indicateurs et leur définition\n\n\
         Page écrite à partir des définitions du code (`crates/jalons-core/src/indicators/definitions.rs`)\u{202f};\n\
         les mêmes figurent dans l'onglet «\u{a0}Définitions\u{a0}» de chaque bilan. Chaque chiffre dit comment\n\
         il se rattache à la période\u{a0}:\n\n",
    );
    for rule in PeriodRule::ALL {
        out.push_str(&format!("- **{}**\u{a0}: {}\n", rule.label(), rule.meaning()));
    }
    let mut family = "";
    for d in DEFINITIONS {
        if d.family != family {
            family = d.family;
            out.push_str(&format!("\n## {family}\n\n"));
        }
        out.push_str(&format!("- **{}** ({})\u{a0}: {}\n", d.indicator, d.rule.label().to_lowercase(), d.definition));
    }
    out
}

#[test]
fn the_guide_states_each_definition_of_the_code() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/indicateurs.md");
    let expected = page();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &expected).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == expected,
        "docs/indicateurs.md is stale: run `UPDATE_BINDINGS=1 cargo test -p jalons-core --test definitions` and commit it"
    );
}
