// The journal form works on JournalInput (what the user types); these convert to it.
import type { JournalEntry, JournalInput } from './bindings';
import { dateInput, today } from './format';

export function emptyJournal(structureId: string, caseId = ''): JournalInput {
	return {
		structure_id: structureId,
		case_id: caseId,
		kind: 'meeting',
		occurred_on: today(),
		duration: '',
		people: [],
		place: '',
		body: ''
	};
}

/** `90` → `1 h 30`; `45` → `45 min`. */
export function durationLabel(minutes: number | null): string {
	if (minutes === null) return '';
	const h = Math.floor(minutes / 60);
	const m = minutes % 60;
	if (h === 0) return `${m} min`;
	return m === 0 ? `${h} h` : `${h} h ${String(m).padStart(2, '0')}`;
}

export function journalToInput(e: JournalEntry): JournalInput {
	return {
		structure_id: e.structure_id,
		case_id: e.case_id ?? '',
		kind: e.kind,
		occurred_on: dateInput(e.occurred_on),
		duration: durationLabel(e.duration),
		people: [...e.people],
		place: e.place ?? '',
		body: e.body
	};
}

/** The names typed in « Autres personnes », comma or semicolon separated. */
export function splitNames(typed: string): string[] {
	return typed
		.split(/[,;]/)
		.map((n) => n.trim())
		.filter(Boolean);
}
