//! One written definition per indicator: printed on the reports' « Définitions » sheet and
//! in the user guide. The code that counts each one says which definition it follows.

use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct Definition {
    pub family: &'static str,
    pub indicator: &'static str,
    pub definition: &'static str,
}

const fn d(family: &'static str, indicator: &'static str, definition: &'static str) -> Definition {
    Definition { family, indicator, definition }
}

pub const DEFINITIONS: &[Definition] = &[
    d(
        "Période",
        "Accompagnements de la période",
        "Les accompagnements demandés au plus tard le dernier jour de la période et qui n'étaient pas terminés (clôture, orientation, non-éligibilité ou abandon) avant son premier jour. Avec une ligne de financement\u{a0}: ceux qu'elle finance, directement ou par l'une de leurs ingénieries.",
    ),
    d(
        "Structures",
        "Structures accueillies",
        "Nombre de structures distinctes ayant un accompagnement dans la période.",
    ),
    d(
        "Structures",
        "Structures diagnostiquées",
        "Structures dont le diagnostic partagé a été validé par l'instance de gouvernance au plus tard le dernier jour de la période.",
    ),
    d(
        "Structures",
        "Structures avec au moins une ingénierie",
        "Structures dont l'accompagnement compte au moins une ingénierie non annulée dont le consultant a été retenu au plus tard le dernier jour de la période.",
    ),
    d(
        "Structures",
        "Structures suivies",
        "Structures dont le suivi (12 à 18 mois après le diagnostic) a été réalisé au plus tard le dernier jour de la période.",
    ),
    d(
        "Structures",
        "Premier accompagnement / retour",
        "Premier accompagnement\u{a0}: la structure n'avait aucune demande antérieure dans Jalons. Retour\u{a0}: elle en avait au moins une.",
    ),
    d(
        "Structures",
        "Forme juridique, secteur, tranches",
        "Forme juridique et secteur (code NAF, type culturel) de la fiche de la structure\u{202f}; tranche de budget (moins de 50 k€, 50 à 200 k€, 200 à 500 k€, 500 k€ à 1 M€, plus de 1 M€) et tranche d'effectif salarié INSEE d'après ses chiffres actuels.",
    ),
    d(
        "Territoire",
        "Département, EPCI, région",
        "Ceux de la commune du siège de la structure, d'après le Code officiel géographique de l'INSEE livré avec Jalons.",
    ),
    d(
        "Territoire",
        "QPV, FRR / FRR+",
        "Structures dont le siège est en quartier prioritaire de la politique de la ville, ou dans une commune classée France Ruralités Revitalisation (FRR ou FRR+), comme indiqué sur leur fiche.",
    ),
    d(
        "Territoire",
        "Rurale",
        "Structures dont la commune du siège compte moins de 2 000 habitants (définition historique de l'INSEE\u{202f}; la grille communale de densité n'est pas encore livrée avec Jalons).",
    ),
    d(
        "Emploi",
        "Effectif et ETP au diagnostic",
        "Salariés et équivalents temps plein relevés au diagnostic, sommés sur les accompagnements de la période. Ce sont les «\u{a0}emplois consolidés\u{a0}» des bilans nationaux\u{a0}: l'effectif des structures accompagnées.",
    ),
    d(
        "Emploi",
        "Effectif et ETP au suivi, évolution nette",
        "Sur les structures suivies dont les deux relevés sont connus\u{a0}: effectif et ETP au suivi, et leur différence avec le diagnostic.",
    ),
    d(
        "Emploi",
        "Part des CDI",
        "Salariés en CDI divisés par l'ensemble des salariés (CDI, CDD, contrats aidés, intermittents) des structures accompagnées, d'après leurs fiches.",
    ),
    d(
        "Ingénieries",
        "Nombre, individuelles, collectives",
        "Ingénieries non annulées rattachées aux accompagnements de la période (avec une ligne de financement\u{a0}: celles qu'elle paie). Une ingénierie collective compte une fois, quel que soit le nombre de structures.",
    ),
    d(
        "Ingénieries",
        "Jours et coûts",
        "Jours de consultant, coût HT (jours × prix de journée) et TTC (avec la TVA du consultant) des ingénieries non annulées.",
    ),
    d(
        "Financements solidaires",
        "Montants demandés et obtenus",
        "Par outil, sur les demandes des accompagnements de la période\u{a0}: demandé = demandes non abandonnées\u{202f}; obtenu = montants des demandes accordées.",
    ),
    d(
        "Critères de performance",
        "Critères 2017",
        "Au suivi, l'évolution depuis le diagnostic de quatre critères (emploi, santé économique et financière, vision stratégique, partenariats locaux), notée en recul (−), stable (=) ou en progrès (+)\u{202f}; comptée sur les suivis réalisés au plus tard le dernier jour de la période.",
    ),
    d(
        "Observation territoriale",
        "Agrégats anonymisés",
        "Par département et secteur (type culturel, sinon division NAF)\u{a0}: nombres de structures accompagnées, diagnostiquées, avec ingénierie, et ETP au diagnostic. Aucun nom ni identifiant\u{202f}; un nombre de 1 à 4 est remplacé par «\u{a0}< 5\u{a0}» et l'ETP d'un groupe de moins de 5 structures n'est pas donné.",
    ),
];
