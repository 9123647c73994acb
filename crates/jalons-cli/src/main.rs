//! `jalons-cli`: the same core as the app, without a window.

mod bench;
mod crash_test;
mod export;
mod export_bench;
mod generate;
mod safety;
mod safety_bench;
mod search_bench;
mod size_bench;
mod unlock;

use std::path::PathBuf;

use clap::{Parser, Subcommand};
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
    /// Ajoute des structures générées à une base, pour essayer Jalons à grande échelle.
    Generer {
        #[arg(long, env = "JALONS_DB")]
        db: PathBuf,
        /// Nombre de structures ajoutées.
        #[arg(long, default_value_t = 2_000)]
        structures: usize,
        /// Nom du chargé de mission qui signe les fiches.
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
    /// Sauvegarde la base (et ses pièces jointes), même pendant que Jalons est ouvert.
    Sauvegarde {
        #[arg(long, env = "JALONS_DB")]
        db: PathBuf,
        /// Dossier des sauvegardes (par défaut « <nom>-sauvegardes » à côté de la base).
        #[arg(long)]
        vers: Option<PathBuf>,
    },
    /// Remplace la base par une sauvegarde, après une sauvegarde de l'état actuel.
    Restaurer {
        #[arg(long, env = "JALONS_DB")]
        db: PathBuf,
        /// Fichier de sauvegarde, dans son dossier de sauvegardes.
        #[arg(long)]
        depuis: PathBuf,
    },
    /// Vérifie la base (intégrité, liens entre fiches) et ses pièces jointes.
    Verifier {
        #[arg(long, env = "JALONS_DB")]
        db: PathBuf,
    },
    /// Tue un processus d'écriture au hasard, N fois, et vérifie après chaque coupure que
    /// rien de confirmé n'est perdu ; affiche un tableau.
    Coupures {
        #[arg(long, default_value_t = 200)]
        coupures: usize,
        #[arg(long, default_value_t = 1)]
        graine: u64,
    },
    /// Le processus d'écriture du test des coupures.
    #[command(hide = true)]
    CrashWriter {
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        graine: u64,
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
        /// Dossier vide où garder la base et les mesures, pour le banc de l'application.
        #[arg(long)]
        garder: Option<PathBuf>,
        /// Dossier gardé par un banc précédent (--garder) : mesurer à nouveau sur sa base, sans la générer.
        #[arg(long, conflicts_with = "garder")]
        reprendre: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Xlsx,
    Ods,
    /// Une ligne par accompagnement, pour Excel en français.
    Csv,
    /// Agrégats anonymisés par territoire et secteur, sur des trimestres entiers.
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

/// A failure is said in French, what was being done first, then why; never a backtrace.
fn main() -> std::process::ExitCode {
    match run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            let why: Vec<String> = e.chain().map(ToString::to_string).collect();
            eprintln!("Erreur\u{a0}: {}", why.join("\u{a0}: "));
            std::process::ExitCode::FAILURE
        }
    }
}

fn run() -> anyhow::Result<()> {
    match Cli::parse().command {
        Command::Demo { db, user } => {
            let mut store = unlock::open(&db)?;
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
        Command::Generer { db, structures, user } => {
            let mut store = unlock::open(&db)?;
            if let Some(name) = user {
                store.set_user_name(&name)?;
            }
            let made = generate::structures(&mut store, structures)?;
            println!("{} structures générées dans {}", made.len(), db.display());
        }
        Command::Fiche { db, case, sortie, sans_notes, constats, finances, noms } => {
            let store = unlock::open(&db)?;
            let parts = DossierParts { scores: !sans_notes, findings: constats, finances, people: noms };
            export::summary(&store, &case, parts, &sortie)?;
        }
        Command::Bilan { db, du, au, financeur, format, sortie } => {
            let store = unlock::open(&db)?;
            export::report(&store, &du, &au, financeur.as_deref(), format.into(), &sortie)?;
        }
        Command::Sauvegarde { db, vers } => safety::backup(&db, vers)?,
        Command::Restaurer { db, depuis } => safety::restore(&db, &depuis)?,
        Command::Verifier { db } => {
            if !safety::verify(&db)? {
                std::process::exit(1);
            }
        }
        Command::Coupures { coupures, graine } => crash_test::run(coupures, graine)?,
        Command::CrashWriter { db, graine } => crash_test::writer(&db, graine)?,
        Command::Bench { reprendre: Some(dir), runs, .. } => bench::again(&dir, runs)?,
        Command::Bench { structures, journal, runs, garder, reprendre: None } => {
            bench::run(structures, journal, runs, garder.as_deref())?
        }
    }
    Ok(())
}
