// The partner and referral forms work on PartnerInput and ReferralInput (what the user
// types); these convert to them.
import type { Partner, PartnerInput, Referral, ReferralFilter, ReferralInput } from './bindings';
import { dateInput, today } from './format';

/** Every referral, of no case, structure, partner, kind or year in particular. */
export const ALL_REFERRALS: ReferralFilter = {
	structure_id: null,
	case_id: null,
	partner_id: null,
	partner_kind: null,
	year: null
};

export function emptyPartner(): PartnerInput {
	return { name: '', kind: '', territory: '', website: '', email: '', phone: '', notes: '', contacts: [] };
}

export function partnerToInput(p: Partner): PartnerInput {
	return {
		name: p.name,
		kind: p.kind,
		territory: p.territory ?? '',
		website: p.website ?? '',
		email: p.email ?? '',
		phone: p.phone ?? '',
		notes: p.notes ?? '',
		contacts: p.contacts.map((c) => ({
			id: c.id,
			name: c.name,
			role: c.role ?? '',
			email: c.email ?? '',
			phone: c.phone ?? '',
			lawful_basis: c.lawful_basis
		}))
	};
}

export function emptyReferral(caseId: string): ReferralInput {
	return { case_id: caseId, partner_id: '', referred_on: today(), reason: '', outcome: 'pending', outcome_note: '' };
}

export function referralToInput(r: Referral): ReferralInput {
	return {
		case_id: r.case_id,
		partner_id: r.partner_id,
		referred_on: dateInput(r.referred_on),
		reason: r.reason,
		outcome: r.outcome,
		outcome_note: r.outcome_note ?? ''
	};
}

/** A website as typed (`www.cress-aura.org`) as a link. */
export function websiteHref(site: string): string {
	return /^https?:\/\//.test(site) ? site : `https://${site}`;
}
