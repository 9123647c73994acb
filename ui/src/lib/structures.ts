// The structure form works on StructureInput (what the user types); these convert to it.
import type { ContactInput, Structure, StructureInput } from './bindings';
import { count, dateInput, etpInput, moneyInput } from './format';


export function emptyStructure(): StructureInput {
	return {
		name: '',
		acronym: '',
		siren: '',
		siret: '',
		rna: '',
		creation_date: '',
		legal_form: 'association',
		insee_category: '',
		naf: '',
		idcc: [],
		ess: true,
		esus: false,
		cultural_type: '',
		address: '',
		postal_code: '',
		commune_code: '',
		qpv: false,
		qpv_code: '',
		frr: 'none',
		frr_vintage: '',
		employees_cdi: '',
		employees_cdd: '',
		employees_aided: '',
		employees_intermittent: '',
		etp: '',
		volunteers: '',
		budget: '',
		own_funds: '',
		cash: '',
		networks: [],
		contacts: []
	};
}

export function emptyContact(): ContactInput {
	return { id: '', name: '', role: 'president', email: '', phone: '', lawful_basis: 'legitimate_interest' };
}

export function structureToInput(s: Structure): StructureInput {
	return {
		name: s.name,
		acronym: s.acronym ?? '',
		siren: s.siren ?? '',
		siret: s.siret ?? '',
		rna: s.rna ?? '',
		creation_date: dateInput(s.creation_date),
		legal_form: s.legal_form,
		insee_category: s.insee_category ?? '',
		naf: s.naf ?? '',
		idcc: [...s.idcc],
		ess: s.ess,
		esus: s.esus,
		cultural_type: s.cultural_type ?? '',
		address: s.address ?? '',
		postal_code: s.postal_code ?? '',
		commune_code: s.commune_code ?? '',
		qpv: s.qpv,
		qpv_code: s.qpv_code ?? '',
		frr: s.frr,
		frr_vintage: s.frr_vintage ? String(s.frr_vintage) : '',
		employees_cdi: count(s.employees_cdi),
		employees_cdd: count(s.employees_cdd),
		employees_aided: count(s.employees_aided),
		employees_intermittent: count(s.employees_intermittent),
		etp: etpInput(s.etp),
		volunteers: count(s.volunteers),
		budget: moneyInput(s.budget),
		own_funds: moneyInput(s.own_funds),
		cash: moneyInput(s.cash),
		networks: [...s.networks],
		contacts: s.contacts.map((c) => ({
			id: c.id,
			name: c.name,
			role: c.role,
			email: c.email ?? '',
			phone: c.phone ?? '',
			lawful_basis: c.lawful_basis
		}))
	};
}

/** "1285, 3090" ↔ ["1285", "3090"] for list fields typed in one input. */
export const splitList = (text: string): string[] =>
	text
		.split(/[,;]/)
		.map((s) => s.trim())
		.filter((s) => s !== '');
export const joinList = (items: string[]): string => items.join(', ');

/** Suggestions for Opale's cultural types; the field stays free text. */
export const CULTURAL_TYPES = [
	'Compagnie de spectacle vivant',
	'Lieu de création et de diffusion',
	'Lieu intermédiaire et friche',
	'Festival',
	'Musiques actuelles',
	'Arts de la rue',
	'Arts visuels et métiers d\u2019art',
	'Arts numériques',
	'Cinéma et audiovisuel',
	'Livre et lecture',
	'Patrimoine',
	'Éducation artistique',
	'Radio associative',
	'Lieu partagé et tiers-lieu'
];
