//! One written definition per indicator, with the rule that ties it to a period: printed on
//! the reports' « Définitions » sheet and in the user guide. The code that counts each one
//! says which definition it follows.

use serde::Serialize;
use ts_rs::TS;

/// How a figure belongs to a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PeriodRule {
    /// Counted over the cases open for at least one day of the period: two periods that
    /// overlap a case both count it.
    Stock,
    /// Counted from what happened on one of its days: two consecutive periods add up to
    /// the two together.
    Flow,
    /// What the other figures are read with.
    Frame,
}

impl PeriodRule {
    pub const ALL: [PeriodRule; 3] = [PeriodRule::Stock, PeriodRule::Flow, PeriodRule::Frame];

    pub fn label(self) -> &'static str {
        match self {
            PeriodRule::Stock => "Stock",
            PeriodRule::Flow => "Flux",
            PeriodRule::Frame => "Cadre",
        }
    }

    pub fn meaning(self) -> &'static str {
        match self {
            PeriodRule::Stock => {
                "compté sur les accompagnements ouverts au moins un jour de la période\u{202f}; deux périodes qui se chevauchent comptent les mêmes."
            }
            PeriodRule::Flow => {
                "compté d'après ce qui est daté d'un jour de la période\u{202f}; deux périodes qui se suivent s'additionnent, et le chiffre d'une période passée ne change plus."
            }
            PeriodRule::Frame => "ce qui délimite ou décrit les autres chiffres.",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct Definition {
    pub family: &'static str,
    pub indicator: &'static str,
    pub rule: PeriodRule,
    pub definition: &'static str,
}

use PeriodRule::{Flow, Frame, Stock};

const fn d(family: &'static str, indicator: &'static str, rule: PeriodRule, definition: &'static str) -> Definition {
    Definition { family, indicator, rule, definition }
}

pub const DEFINITIONS: &[Definition] = &[
    d(
        "Période",
        "Accompagnements de la période",
        Stock,
        "Les accompagnements ouverts au moins un jour de la période, d'après leur historique\u{a0}: un accompagnement est ouvert de sa demande, ou de sa réouverture, jusqu'à l'étape qui le termine (clôture, orientation, non-éligibilité ou abandon), ce jour compris. Un accompagnement clos puis rouvert ne compte pas dans les périodes où il était clos.",
    ),
    d(
        "Période",
        "Ligne de financement",
        Frame,
        "Avec une ligne de financement, le bilan porte sur les accompagnements qu'elle finance directement, ou par l'une de ses ingénieries non annulée avant le premier jour de la période. Un accompagnement cofinancé figure en entier sous chacune de ses lignes\u{a0}: les totaux de deux lignes ne s'additionnent pas. La part de la ligne compare le coût HT des ingénieries qu'elle paie, engagées dans la période, à celui de toutes les ingénieries engagées dans la période pour ces accompagnements.",
    ),
    d(
        "Période",
        "Demandes reçues, accompagnements terminés",
        Flow,
        "Accompagnements dont la demande est datée de la période\u{202f}; étapes qui ont terminé un accompagnement (clôture, orientation, non-éligibilité, abandon) datées de la période.",
    ),
    d(
        "Structures",
        "Structures accueillies",
        Stock,
        "Nombre de structures distinctes ayant un accompagnement dans la période\u{a0}: une structure accompagnée deux fois compte une fois.",
    ),
    d(
        "Structures",
        "Premier accompagnement / retour",
        Stock,
        "Chaque structure une fois, d'après son premier accompagnement de la période\u{a0}: premier accompagnement si elle n'avait fait aucune demande avant lui dans Jalons, retour sinon. Les deux s'additionnent en nombre de structures accueillies.",
    ),
    d(
        "Structures",
        "Structures avec au moins une ingénierie",
        Stock,
        "Structures dont un accompagnement de la période compte une ingénierie dont le consultant a été retenu au plus tard le dernier jour de la période, et qui n'était pas annulée ce jour-là.",
    ),
    d(
        "Structures",
        "Diagnostics validés",
        Flow,
        "Diagnostics partagés validés par l'instance de gouvernance de la structure à une date de la période.",
    ),
    d(
        "Structures",
        "Forme juridique, secteur, tranches",
        Frame,
        "Forme juridique et secteur (code NAF, type culturel) de la fiche de la structure\u{202f}; tranche de budget (moins de 50 k€, 50 à 200 k€, 200 à 500 k€, 500 k€ à 1 M€, plus de 1 M€) et tranche d'effectif salarié INSEE d'après ses chiffres actuels.",
    ),
    d(
        "Territoire",
        "Département, EPCI, région",
        Frame,
        "Ceux de la commune du siège de la structure, d'après le Code officiel géographique de l'INSEE livré avec Jalons.",
    ),
    d(
        "Territoire",
        "QPV, FRR / FRR+",
        Stock,
        "Structures accueillies dont le siège est en quartier prioritaire de la politique de la ville, ou dans une commune classée France Ruralités Revitalisation (FRR ou FRR+), comme indiqué sur leur fiche (la liste de l'ANCT chargée dans Paramètres propose ce classement d'après la commune)\u{202f}; chaque structure une fois.",
    ),
    d(
        "Territoire",
        "Rurale",
        Stock,
        "Structures accueillies dont la commune du siège est rurale d'après la grille communale de densité de l'INSEE (niveaux 5 à 7 de la grille à 7 niveaux\u{a0}: bourgs ruraux, rural à habitat dispersé, rural à habitat très dispersé), chargée dans Paramètres avec son millésime\u{202f}; sans grille chargée, les communes de moins de 2\u{a0}000 habitants, et le bilan le dit. Chaque structure une fois.",
    ),
    d(
        "Emploi",
        "Effectif et ETP au diagnostic",
        Stock,
        "Salariés et équivalents temps plein relevés au diagnostic, pour chaque structure accueillie une fois, d'après son dernier diagnostic validé au plus tard le dernier jour de la période. Ce sont les «\u{a0}emplois consolidés\u{a0}» des bilans nationaux\u{a0}: l'effectif des structures accompagnées.",
    ),
    d(
        "Emploi",
        "Emploi avant et après, au suivi",
        Flow,
        "Pour les suivis réalisés dans la période dont les deux relevés sont connus\u{a0}: l'effectif et les ETP au diagnostic (avant) et au suivi (après) des mêmes structures, et leur différence.",
    ),
    d(
        "Emploi",
        "Part des CDI",
        Stock,
        "Salariés en CDI divisés par l'ensemble des salariés (CDI, CDD, contrats aidés, intermittents) des structures accueillies, chacune une fois, d'après leurs fiches.",
    ),
    d(
        "Ingénieries",
        "Ingénieries engagées, individuelles, collectives",
        Flow,
        "Ingénieries dont le consultant a été retenu à une date de la période (avec une ligne de financement\u{a0}: celles qu'elle paie), même annulées depuis\u{a0}: leur annulation compte dans la période où elle a lieu. Une ingénierie collective compte une fois, quel que soit le nombre de structures.",
    ),
    d(
        "Ingénieries",
        "Jours et coûts",
        Flow,
        "Jours de consultant, coût HT (jours × prix de journée) et TTC (avec la TVA du consultant) des ingénieries engagées dans la période.",
    ),
    d(
        "Ingénieries",
        "Ingénieries achevées, annulées",
        Flow,
        "Ingénieries dont le rapport final, ou l'annulation, est daté de la période.",
    ),
    d(
        "Financements solidaires",
        "Demandes déposées, accordées, refusées",
        Flow,
        "Par outil, pour les accompagnements de la ligne de financement s'il y en a une\u{a0}: déposé = demandes déposées dans la période (date de dépôt, à défaut de décision), avec le montant demandé, qu'elles aient été abandonnées depuis ou non\u{202f}; les demandes en préparation ne comptent pas. Obtenu = montants accordés par une décision de la période\u{202f}; refusé = demandes refusées par une décision de la période.",
    ),
    d(
        "Suivi",
        "Suivis réalisés",
        Flow,
        "Suivis réalisés à une date de la période, dont ceux faits dans la fenêtre de 12 à 18 mois après la validation du diagnostic\u{202f}; un suivi compte une seule fois, dans la période où il a été fait.",
    ),
    d(
        "Suivi",
        "Critères 2017",
        Flow,
        "Au suivi, l'évolution depuis le diagnostic de quatre critères (emploi, santé économique et financière, vision stratégique, partenariats locaux), notée en recul (−), stable (=) ou en progrès (+)\u{202f}; comptée sur les suivis réalisés dans la période.",
    ),
    d(
        "Observation territoriale",
        "Agrégats anonymisés",
        Stock,
        "Par territoire et secteur (type culturel, sinon division NAF), chaque structure accueillie une fois\u{a0}: nombres de structures accompagnées, diagnostiquées, avec ingénierie, et ETP au diagnostic. Aucun nom ni identifiant. Un département de moins de 5 structures est regroupé avec les autres de sa région, une région de moins de 5 structures dans «\u{a0}Autres régions\u{a0}», un secteur de moins de 5 structures dans «\u{a0}Autres secteurs\u{a0}». Un nombre de 0 à 4 est remplacé par «\u{a0}< 5\u{a0}»\u{202f}; quand les totaux du bilan permettraient de le retrouver par différence, d'autres nombres sont masqués («\u{a0}secret\u{a0}»). L'ETP d'un groupe n'est donné que pour au moins 5 structures dont l'ETP est connu, et les ETP masqués couvrent ensemble au moins 5 structures. La période d'un fichier partagé est élargie aux trimestres entiers.",
    ),
];
