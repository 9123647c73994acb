// How the audit trail reads in French: field labels and values by kind.
import type { FieldChange } from './bindings';
import * as fmt from './format';

type Kind = 'text' | 'money' | 'etp' | 'date' | 'bool' | 'list' | 'contacts' | 'hidden';

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
	requester: ['Demandeur', 'text'],
	referral_source: ['Connu par', 'text'],
	request_text: ['Demande initiale', 'text'],
	stage: ['Étape', 'text'],
	officer: ['Chargé·e de mission', 'text'],
	reference: ['Référence', 'text']
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
	'epci_name'
]);

function show(kind: Kind, v: unknown): string {
	if (v === null || v === undefined || v === '') return '—';
	switch (kind) {
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
