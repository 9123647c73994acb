// The diagnostic form works on DiagnosticInput (what the user types); this converts to it.
import type { Diagnostic, DiagnosticInput, Structure } from './bindings';
import { count, dateInput, etpInput } from './format';

/** The saved diagnostic as the form edits it; a first diagnostic takes the structure's size. */
export function diagnosticToInput(d: Diagnostic, structure: Structure | null): DiagnosticInput {
	const first = d.updated_at === null;
	const headcount = structure
		? [structure.employees_cdi, structure.employees_cdd, structure.employees_aided, structure.employees_intermittent]
				.filter((n): n is number => n !== null)
				.reduce<number | null>((a, b) => (a ?? 0) + b, null)
		: null;
	return {
		interviews: d.interviews.map((i) => ({
			date: dateInput(i.date),
			contact_ids: i.contacts.map((k) => k.id),
			people: i.people,
			place: i.place ?? '',
			notes: i.notes ?? ''
		})),
		scores: d.scores.map((s) => ({
			domain: s.domain,
			score: s.score === null ? '' : String(s.score),
			finding: s.finding ?? '',
			priority: s.priority
		})),
		problem_statement: d.problem_statement ?? '',
		recommendations: d.recommendations ?? '',
		validated_on: dateInput(d.validated_on),
		headcount: first ? count(headcount) : count(d.headcount),
		etp: first ? etpInput(structure?.etp) : etpInput(d.etp)
	};
}
