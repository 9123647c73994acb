// The ingénierie form works on EngagementInput (what the user types); these convert to it.
import type { Engagement, EngagementInput } from './bindings';
import { dateInput, etpInput, moneyInput } from './format';

export function emptyEngagement(caseId: string): EngagementInput {
	return {
		title: '',
		theme: '',
		mode: 'individual',
		case_ids: [caseId],
		consultant_id: '',
		days: '',
		day_rate: '',
		vat_rate: '2000',
		funder_id: '',
		terms_date: '',
		consultation_date: '',
		decision_date: '',
		kickoff_date: '',
		restitution_date: '',
		final_report_date: '',
		cancelled_on: '',
		cancel_reason: '',
		results: '',
		offers: [],
		plan_action_id: ''
	};
}

export function engagementToInput(e: Engagement): EngagementInput {
	return {
		title: e.title,
		theme: e.theme,
		mode: e.mode,
		case_ids: e.cases.map((c) => c.case_id),
		consultant_id: e.consultant_id ?? '',
		days: etpInput(e.days),
		day_rate: moneyInput(e.day_rate),
		vat_rate: e.vat_rate === null ? 'exempt' : String(e.vat_rate),
		funder_id: e.funder_id ?? '',
		terms_date: dateInput(e.terms_date),
		consultation_date: dateInput(e.consultation_date),
		decision_date: dateInput(e.decision_date),
		kickoff_date: dateInput(e.kickoff_date),
		restitution_date: dateInput(e.restitution_date),
		final_report_date: dateInput(e.final_report_date),
		cancelled_on: dateInput(e.cancelled_on),
		cancel_reason: e.cancel_reason ?? '',
		results: e.results ?? '',
		offers: e.offers.map((o) => ({
			consultant_id: o.consultant_id,
			amount_ht: moneyInput(o.amount_ht),
			score: o.score === null ? '' : String(o.score)
		})),
		plan_action_id: ''
	};
}

/** The lifecycle's dates, in order, with their labels. */
export const MILESTONES = [
	['terms_date', 'Cahier des charges rédigé le'],
	['consultation_date', 'Consultants consultés le'],
	['decision_date', 'Consultant·e retenu·e (décision) le'],
	['kickoff_date', 'Démarrage le'],
	['restitution_date', 'Restitution le'],
	['final_report_date', 'Rapport final reçu le']
] as const;
