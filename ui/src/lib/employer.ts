// The employer checklist works on ObligationInput rows (what the user types).
import type { Choice, Obligation, ObligationInput } from './bindings';
import { count, dateInput } from './format';

export function obligationToInput(o: Obligation): ObligationInput {
	return {
		kind: o.kind,
		label: o.label ?? '',
		status: o.status,
		last_done: dateInput(o.last_done),
		period_months: count(o.period_months),
		next_due: dateInput(o.due_override),
		note: o.note ?? ''
	};
}

/** One row per listed obligation, to be marked done, to do or not concerned. */
export function standardChecklist(kinds: Choice[]): ObligationInput[] {
	return kinds
		.filter((k) => k.code !== 'custom')
		.map((k) => ({ kind: k.code, label: '', status: 'to_do', last_done: '', period_months: '', next_due: '', note: '' }));
}

/** « 1285 – Entreprises artistiques… » for the codes in the bundled list, the code alone otherwise. */
export function idccLabel(code: string, list: Choice[]): string {
	return list.find((c) => c.code === code)?.label ?? code;
}
