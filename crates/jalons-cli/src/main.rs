//! `jalons-cli`: the same core as the app, without a window.

mod bench;
mod export;
mod export_bench;
mod search_bench;

use std::path::PathBuf;

use anyhow::Context;
use clap::{Parser, Subcommand};
use jalons_core::Store;
use jalons_core::dossier::DossierParts;

#[derive(Parser)]
#[command(name = "jalons-cli", version, about = "Jalons en ligne de commande")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Charge les données de démonstration dans une base vide.
    Demo {
        /// Fichier SQLite (créé s'il n'existe pas).
        #[arg(long, env = "JALONS_DB")]
        db: PathBuf,
        /// Nom du chargé de mission qui signe les accompagnements de démonstration.
        #[arg(long)]
        user: Option<String>,
    },
    /// Écrit la fiche de synthèse d'un accompagnement (PDF/A).
    Fiche {
        #[arg(long, env = "JALONS_DB")]
        db: PathBuf,
        /// Référence (2026-014) ou identifiant de l'accompagnement.
        #[arg(long = "accompagnement")]
        case: String,
        /// Fichier PDF à écrire.
        #[arg(long)]
        sortie: PathBuf,
        /// Sans les notes du diagnostic.
        #[arg(long)]
        sans_notes: bool,
        /// Avec le constat de chaque domaine du diagnostic.
        #[arg(long)]
        constats: bool,
        /// Avec le budget, les fonds propres, la trésorerie et les financements solidaires.
        #[arg(long)]
        finances: bool,
        /// Avec les noms des personnes.
        #[arg(long)]
        noms: bool,
    },
    /// Écrit le bilan d'une période : classeur XLSX ou ODS, CSV des accompagnements, ou
    /// agrégats anonymisés.
    Bilan {
        #[arg(long, env = "JALONS_DB")]
        db: PathBuf,
        /// Premier jour de la période (25/11/2026 ou 2026-11-25).
        #[arg(long)]
        du: String,
        /// Dernier jour de la période.
        #[arg(long)]
        au: String,
        /// Ligne de financement : identifiant, nom du financeur ou « financeur — programme ».
        #[arg(long)]
        financeur: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Xlsx)]
        format: Format,
        #[arg(long)]
        sortie: PathBuf,
    },
    /// Mesure les requêtes courantes sur une base générée et affiche un tableau.
    Bench {
        /// Nombre de structures générées.
        #[arg(long, default_value_t = 20_000)]
        structures: usize,
        /// Nombre d'entrées de journal générées pour la recherche globale.
        #[arg(long, default_value_t = 400_000)]
        journal: usize,
        /// Nombre de mesures par requête.
        #[arg(long, default_value_t = 30)]
        runs: usize,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Xlsx,
    Ods,
    /// Une ligne par accompagnement, pour Excel en français.
    Csv,
    /// Agrégats anonymisés par département et secteur.
    Agregats,
}

impl From<Format> for jalons_core::indicators::ReportFormat {
    fn from(f: Format) -> Self {
        match f {
            Format::Xlsx => Self::Xlsx,
            Format::Ods => Self::Ods,
            Format::Csv => Self::CasesCsv,
            Format::Agregats => Self::AggregatesCsv,
        }
    }
}

fn main() -> anyhow::Result<()> {
    match Cli::parse().command {
        Command::Demo { db, user } => {
            let mut store = Store::open(&db).with_context(|| format!("ouverture de {}", db.display()))?;
            if let Some(name) = user {
                store.set_user_name(&name)?;
            }
            let loaded = store.load_demo()?;
            println!(
                "{} structures, {} accompagnements, {} consultants, {} ingénieries, {} partenaires et {} coopérations de démonstration chargés dans {}",
                loaded.structures,
                loaded.cases,
                loaded.consultants,
                loaded.engagements,
                loaded.partners,
                loaded.cooperations,
                db.display()
            );
        }
        Command::Fiche { db, case, sortie, sans_notes, constats, finances, noms } => {
            let store = Store::open(&db).with_context(|| format!("ouverture de {}", db.display()))?;
            let parts = DossierParts { scores: !sans_notes, findings: constats, finances, people: noms };
            export::summary(&store, &case, parts, &sortie)?;
        }
        Command::Bilan { db, du, au, financeur, format, sortie } => {
            let store = Store::open(&db).with_context(|| format!("ouverture de {}", db.display()))?;
            export::report(&store, &du, &au, financeur.as_deref(), format.into(), &sortie)?;
        }
        Command::Bench { structures, journal, runs } => bench::run(structures, journal, runs)?,
    }
    Ok(())
}
