// Shared test data shaped like what the commands return.
import type { CaseSummary, Page, PageRequest, ReferenceData, StructureSummary } from '$lib/bindings';

export const reference: ReferenceData = {
	legal_forms: [
		{ code: 'association', label: 'Association loi 1901' },
		{ code: 'scic', label: 'SCIC' }
	],
	frr: [
		{ code: 'none', label: 'Hors FRR' },
		{ code: 'frr', label: 'FRR' }
	],
	contact_roles: [{ code: 'president', label: 'Président·e' }],
	lawful_bases: [{ code: 'legitimate_interest', label: 'Intérêt légitime' }],
	typed_people: [{ code: 'requesters', label: "Demandeurs d'un accompagnement" }],
	channels: [{ code: 'phone', label: 'Téléphone' }],
	referral_sources: [{ code: 'cress', label: 'CRESS' }],
	stages: [
		{ code: 'intake', label: 'Accueil' },
		{ code: 'diagnostic', label: 'Diagnostic partagé' },
		{ code: 'plan', label: "Parcours d'accompagnement" },
		{ code: 'engineering', label: 'Mise en œuvre' },
		{ code: 'follow_up', label: 'Suivi' },
		{ code: 'closed', label: 'Clôture' },
		{ code: 'referred', label: 'Orienté vers un autre dispositif' },
		{ code: 'not_eligible', label: 'Non éligible' },
		{ code: 'abandoned', label: 'Abandon' }
	],
	budget_bands: [{ code: '50k_200k', label: '50 à 200 k€' }],
	headcount_bands: [{ code: '6_9', label: '6 à 9 salariés' }],
	departements: [
		{ code: '26', label: '26 – Drôme' },
		{ code: '29', label: '29 – Finistère' }
	],
	diagnostic_domains: [
		{ code: 'project', label: 'Projet et utilité sociale' },
		{ code: 'activities', label: 'Activités et publics' },
		{ code: 'governance', label: 'Gouvernance et bénévolat' }
	],
	score_scale: [
		{ code: '0', label: 'Critique' },
		{ code: '1', label: 'Fragile' },
		{ code: '2', label: 'Satisfaisant' },
		{ code: '3', label: 'Point fort' }
	],
	themes: [{ code: 'economic_model', label: 'Modèle économique' }],
	action_kinds: [{ code: 'internal', label: 'Action interne de la structure' }],
	action_statuses: [{ code: 'planned', label: 'Prévue' }],
	engagement_modes: [
		{ code: 'individual', label: 'Individuelle' },
		{ code: 'collective', label: 'Collective' }
	],
	engagement_statuses: [{ code: 'preparing', label: 'En préparation' }],
	vat_rates: [
		{ code: '2000', label: '20 %' },
		{ code: 'exempt', label: 'Exonéré de TVA' }
	],
	trends: [
		{ code: 'minus', label: '− En recul' },
		{ code: 'equal', label: '= Stable' },
		{ code: 'plus', label: '+ En progrès' }
	],
	appropriation_scale: [{ code: '0', label: 'Non appropriées' }],
	attention: [{ code: 'follow_up_late', label: 'Suivi en retard' }],
	idcc: [{ code: '1285', label: '1285 – Entreprises artistiques et culturelles (CCNEAC)' }],
	idcc_source: 'test',
	obligation_kinds: [
		{ code: 'dpae', label: 'DPAE avant chaque embauche' },
		{ code: 'duerp', label: "DUERP (document unique d'évaluation des risques)" },
		{ code: 'custom', label: 'Autre obligation' }
	],
	finance_tools: [{ code: 'fa_prime', label: 'France Active – prime' }],
	finance_statuses: [
		{ code: 'submitted', label: 'Déposée' },
		{ code: 'granted', label: 'Accordée' }
	],
	partner_kinds: [
		{ code: 'cress', label: 'CRESS' },
		{ code: 'solidarity_finance', label: 'Financeur solidaire (France Active…)' }
	],
	cooperation_kinds: [{ code: 'shared_place', label: 'Lieu partagé / tiers-lieu' }],
	cooperation_stages: [{ code: 'idea', label: 'Émergence' }],
	journal_kinds: [
		{ code: 'meeting', label: 'Rendez-vous' },
		{ code: 'call', label: 'Appel' }
	],
	search_kinds: [
		{ code: 'structure', label: 'Structures' },
		{ code: 'journal', label: 'Journal' }
	],
	opcos: [
		{ code: 'afdas', label: 'AFDAS (culture, médias, sport, loisirs)' },
		{ code: 'uniformation', label: 'Uniformation (cohésion sociale)' }
	],
	training_statuses: [
		{ code: 'planned', label: 'Prévue' },
		{ code: 'done', label: 'Réalisée' }
	],
	referral_outcomes: [
		{ code: 'pending', label: 'En attente' },
		{ code: 'taken_up', label: 'Prise en charge' }
	],
	obligation_statuses: [
		{ code: 'to_do', label: 'À faire' },
		{ code: 'up_to_date', label: 'À jour' },
		{ code: 'not_applicable', label: 'Non concerné' }
	],
	territory_source: 'test'
};

export function summary(over: Partial<StructureSummary>): StructureSummary {
	return {
		id: '01900000-0000-7000-8000-000000000001',
		name: 'Compagnie du Sillon',
		acronym: null,
		legal_form: 'association',
		siret: '73282932000074',
		commune_name: 'Die',
		departement: '26',
		departement_name: 'Drôme',
		etp: 340,
		budget: 18650000,
		open_cases: 1,
		employer_late: 0,
		archived: false,
		updated_at: '2026-11-25T10:00:00Z',
		...over
	};
}

export function caseSummary(over: Partial<CaseSummary>): CaseSummary {
	return {
		id: '01900000-0000-7000-8000-0000000000c1',
		reference: '2026-014',
		structure_id: '01900000-0000-7000-8000-000000000001',
		structure_name: 'Compagnie du Sillon',
		commune_name: 'Die',
		departement: '26',
		stage: 'diagnostic',
		request_date: '2026-09-14',
		stage_since: '2026-10-01',
		officer: 'Camille Martin',
		attention: [],
		follow_up_from: null,
		...over
	};
}

/** The page a list of `total` rows made by `row` gives, as the core would cut it. */
export function pageOf<T>(total: number, row: (index: number) => T, page: PageRequest): Page<T> {
	const rows = Array.from({ length: Math.max(0, Math.min(page.limit, total - page.offset)) }, (_, i) => row(page.offset + i));
	return { rows, offset: page.offset, total };
}
