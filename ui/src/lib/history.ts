// How the audit trail reads in French: field labels and values by kind.
import type { FieldChange, ReferenceData } from './bindings';
import * as fmt from './format';
import * as french from './french';
import { labelOf } from './session.svelte';

type Kind =
	| 'text'
	| 'money'
	| 'etp'
	| 'date'
	| 'bool'
	| 'list'
	| 'contacts'
	| 'hidden'
	| 'count'
	| 'scored'
	| 'titles'
	| 'names'
	| 'structures'
	| 'vat'
	| CodeKind;

/** A coded value, read through one of the reference lists. */
type CodeKind = { list: keyof ReferenceData };

const FIELDS: Record<string, [string, Kind]> = {
	name: ['Nom', 'text'],
	acronym: ['Sigle', 'text'],
	siren: ['SIREN', 'text'],
	siret: ['SIRET', 'text'],
	rna: ['RNA', 'text'],
	creation_date: ['Date de création', 'date'],
	legal_form: ['Forme juridique', 'text'],
	insee_category: ['Catégorie juridique INSEE', 'text'],
	naf: ['Code NAF', 'text'],
	idcc: ['IDCC', 'list'],
	ess: ['ESS', 'bool'],
	esus: ['ESUS', 'bool'],
	cultural_type: ['Type culturel', 'text'],
	address: ['Adresse', 'text'],
	postal_code: ['Code postal', 'text'],
	commune_code: ['Code commune', 'text'],
	commune_name: ['Commune', 'text'],
	qpv: ['QPV', 'bool'],
	qpv_code: ['Code QPV', 'text'],
	frr: ['FRR', 'text'],
	frr_vintage: ['Année FRR', 'text'],
	employees_cdi: ['CDI', 'text'],
	employees_cdd: ['CDD', 'text'],
	employees_aided: ['Contrats aidés', 'text'],
	employees_intermittent: ['Intermittents', 'text'],
	etp: ['ETP', 'etp'],
	volunteers: ['Bénévoles', 'text'],
	budget: ['Budget annuel', 'money'],
	own_funds: ['Fonds propres', 'money'],
	cash: ['Trésorerie', 'money'],
	networks: ['Réseaux', 'list'],
	contacts: ['Contacts', 'contacts'],
	archived_at: ['Archivée le', 'date'],
	request_date: ['Date de la demande', 'date'],
	channel: ['Canal', 'text'],
	requester: ['Demande portée par', 'text'],
	referral_source: ['Connu par', 'text'],
	request_text: ['Demande initiale', 'text'],
	stage: ['Étape', { list: 'stages' }],
	officer: ['Chargé·e de mission', 'text'],
	reference: ['Référence', 'text'],
	interviews: ['Entretiens', 'count'],
	scores: ['Grille de diagnostic', 'scored'],
	problem_statement: ['Problématique', 'text'],
	recommendations: ['Préconisations', 'text'],
	validated_on: ['Validé le', 'date'],
	headcount: ['Effectif', 'text'],
	axes: ['Axes du parcours', 'titles'],
	committee_date: ["Comité d'appui", 'date'],
	committee_opinion: ["Avis du comité d'appui", 'text'],
	done_on: ['Date du suivi', 'date'],
	appropriation: ['Appropriation', 'text'],
	new_needs: ['Nouveaux besoins', 'text'],
	jobs: ['Emplois', { list: 'trends' }],
	economic: ['Santé économique et financière', { list: 'trends' }],
	strategy: ['Vision stratégique', { list: 'trends' }],
	partnerships: ['Partenariats locaux', { list: 'trends' }],
	outcome: ['Bilan', 'text'],
	title: ['Intitulé', 'text'],
	theme: ['Thème', { list: 'themes' }],
	mode: ['Mode', { list: 'engagement_modes' }],
	status: ['État', { list: 'engagement_statuses' }],
	cases: ['Structures concernées', 'structures'],
	consultant_name: ['Consultant·e retenu·e', 'text'],
	days: ['Jours', 'etp'],
	day_rate: ['Prix de journée HT', 'money'],
	vat_rate: ['TVA', 'vat'],
	cost_ht: ['Coût HT', 'money'],
	cost_ttc: ['Coût TTC', 'money'],
	funder: ['Ligne de financement', 'text'],
	funders: ['Financé par', 'list'],
	programme: ['Programme ou convention', 'text'],
	period_start: ['Début de la période', 'date'],
	period_end: ['Fin de la période', 'date'],
	area: ['Territoire couvert', 'text'],
	signatory: ['Signataire', 'text'],
	logo: ['Logo', 'text'],
	terms_date: ['Cahier des charges', 'date'],
	consultation_date: ['Consultation', 'date'],
	decision_date: ['Décision', 'date'],
	kickoff_date: ['Démarrage', 'date'],
	restitution_date: ['Restitution', 'date'],
	final_report_date: ['Rapport final', 'date'],
	cancelled_on: ['Annulée le', 'date'],
	cancel_reason: ["Motif d'annulation", 'text'],
	results: ['Résultats', 'text'],
	offers: ['Consultants consultés', 'names'],
	organisation: ['Structure ou cabinet', 'text'],
	skills: ['Compétences', { list: 'themes' }],
	sectors: ['Secteurs', 'text'],
	email: ['E-mail', 'text'],
	phone: ['Téléphone', 'text'],
	notes: ['Notes', 'text'],
	opco: ['OPCO', 'text'],
	kind: ['Type', { list: 'partner_kinds' }],
	website: ['Site web', 'text'],
	territory: ['Territoire', 'text'],
	cooperation_kind: ['Type de coopération', { list: 'cooperation_kinds' }],
	cooperation_stage: ['Étape du projet', { list: 'cooperation_stages' }],
	started_on: ['Démarré le', 'date'],
	members: ['Structures du projet', 'text']
};

// Derived or technical fields that would only repeat another line.
const HIDDEN = new Set([
	'id',
	'created_at',
	'structure_id',
	'structure_name',
	'departement',
	'departement_name',
	'region',
	'region_name',
	'epci',
	'epci_name',
	'case_id',
	'consultant_id',
	'funder_id',
	'logo_type',
	'engagements',
	'referrals'
]);

/** The records a case's history gathers besides the case itself. */
export const ENTITIES: Record<string, string> = {
	diagnostic: 'Diagnostic',
	plan: 'Parcours',
	follow_up: 'Suivi',
	employer: 'Fonction employeur',
	training: 'Formation et compétences'
};

function show(kind: Kind, v: unknown): string {
	if (v === null || v === undefined || v === '') return '—';
	if (typeof kind === 'object') {
		const codes = Array.isArray(v) ? (v as string[]) : [String(v)];
		return codes.map((c) => labelOf(kind.list, c)).join(', ') || '—';
	}
	switch (kind) {
		case 'count':
			return String((v as unknown[]).length);
		case 'scored': {
			const n = (v as { score: number | null }[]).filter((s) => s.score !== null).length;
			return french.count(n, 'domaine noté', 'domaines notés');
		}
		case 'titles':
			return (v as { title: string }[]).map((a) => a.title).join('\u202f; ') || '—';
		case 'names':
			return (v as { consultant_name: string }[]).map((o) => o.consultant_name).join(', ') || '—';
		case 'structures':
			return (v as { structure_name: string }[]).map((c) => c.structure_name).join(', ') || '—';
		case 'vat':
			return `${fmt.etp(v as number)} %`;
		case 'money':
			return fmt.money(v as number);
		case 'etp':
			return fmt.etp(v as number);
		case 'date':
			return fmt.date(String(v));
		case 'bool':
			return v ? 'oui' : 'non';
		case 'list':
			return (v as string[]).join(', ') || '—';
		case 'contacts':
			return (v as { name: string }[]).map((c) => c.name).join(', ') || '—';
		default:
			return String(v);
	}
}

export interface ChangeLine {
	label: string;
	from: string;
	to: string;
}

export function describe(changes: FieldChange[]): ChangeLine[] {
	return changes
		.filter((c) => !HIDDEN.has(c.field))
		.map((c) => {
			const [label, kind] = FIELDS[c.field] ?? [c.field, 'text'];
			return { label, from: show(kind, c.from), to: show(kind, c.to) };
		});
}

export const ACTIONS: Record<string, string> = {
	create: 'Création',
	update: 'Modification',
	archive: 'Archivage',
	restore: 'Restauration'
};
