// The consultant form works on ConsultantInput (what the user types); these convert to it.
import type { Consultant, ConsultantInput } from './bindings';
import { moneyInput } from './format';

export function emptyConsultant(): ConsultantInput {
	return {
		name: '',
		organisation: '',
		siret: '',
		skills: [],
		sectors: '',
		day_rate: '',
		email: '',
		phone: '',
		notes: '',
		lawful_basis: 'contract'
	};
}

export function consultantToInput(c: Consultant): ConsultantInput {
	return {
		name: c.name,
		organisation: c.organisation ?? '',
		siret: c.siret ?? '',
		skills: [...c.skills],
		sectors: c.sectors ?? '',
		day_rate: moneyInput(c.day_rate),
		email: c.email ?? '',
		phone: c.phone ?? '',
		notes: c.notes ?? '',
		lawful_basis: c.lawful_basis
	};
}
