// Funder lines and the operator's identity: their forms work on what the user types.
import type { Choice, Funder, FunderInput, Operator, OperatorInput } from './bindings';
import { date, dateInput } from './format';

export function emptyFunder(): FunderInput {
	return { name: '', programme: '', period_start: '', period_end: '' };
}

export function funderToInput(f: Funder): FunderInput {
	return {
		name: f.name,
		programme: f.programme ?? '',
		period_start: dateInput(f.period_start),
		period_end: dateInput(f.period_end)
	};
}

/** « État (DREETS) — Convention DLA 2026 », as the core writes it on documents. */
export function funderLabel(f: Funder): string {
	return f.programme ? `${f.name} — ${f.programme}` : f.name;
}

/** « du 01/01/2026 au 31/12/2026 », or what is known of it. */
export function period(f: Funder): string {
	if (f.period_start && f.period_end) return `du ${date(f.period_start)} au ${date(f.period_end)}`;
	if (f.period_start) return `à partir du ${date(f.period_start)}`;
	if (f.period_end) return `jusqu'au ${date(f.period_end)}`;
	return '';
}

/** The lines offered in a form: the active ones, and the one already chosen even if archived. */
export function funderChoices(funders: Funder[], chosen: string): Choice[] {
	return funders
		.filter((f) => !f.archived || f.id === chosen)
		.map((f) => ({ code: f.id, label: f.archived ? `${funderLabel(f)} (archivée)` : funderLabel(f) }));
}

export function operatorToInput(o: Operator | null): OperatorInput {
	return { name: o?.name ?? '', area: o?.area ?? '', address: o?.address ?? '', signatory: o?.signatory ?? '' };
}
