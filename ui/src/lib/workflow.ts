// The stage machine as the case page shows it: the main line, and the words of each move.
import type { MoveKind, MoveOption, Stage, TimelineEntry } from './bindings';
import { labelOf } from './session.svelte';

export const MAIN_LINE: Stage[] = ['intake', 'diagnostic', 'plan', 'engineering', 'follow_up', 'closed'];

export const EXITS: Stage[] = ['referred', 'not_eligible', 'abandoned'];

/** Stage names short enough for filter chips. */
export const SHORT_LABELS: Partial<Record<Stage, string>> = {
	diagnostic: 'Diagnostic',
	plan: 'Parcours'
};

export function isFinished(stage: Stage): boolean {
	return stage === 'closed' || EXITS.includes(stage);
}

const FORWARD_LABELS: Partial<Record<Stage, string>> = {
	diagnostic: 'Démarrer le diagnostic',
	plan: 'Passer au parcours',
	engineering: 'Passer à la mise en œuvre',
	follow_up: 'Passer au suivi',
	closed: "Clôturer l'accompagnement"
};

const EXIT_LABELS: Partial<Record<Stage, string>> = {
	referred: 'Orienter vers un autre dispositif',
	not_eligible: 'Déclarer non éligible',
	abandoned: 'Enregistrer un abandon'
};

/** The button text of a move. */
export function moveLabel(m: Pick<MoveOption, 'to' | 'kind'>): string {
	switch (m.kind) {
		case 'forward':
			return FORWARD_LABELS[m.to] ?? labelOf('stages', m.to);
		case 'back':
			return `Revenir à «\u00a0${labelOf('stages', m.to)}\u00a0»`;
		case 'exit':
			return EXIT_LABELS[m.to] ?? labelOf('stages', m.to);
		case 'reopen':
			return "Rouvrir l'accompagnement";
	}
}

/** What a move asks for besides its date. */
export function needs(kind: MoveKind, to: Stage): { comment: boolean; reason: boolean; partner: boolean } {
	return {
		comment: kind === 'back' || kind === 'reopen',
		reason: kind === 'exit',
		partner: kind === 'exit' && to === 'referred'
	};
}

/** One line of the timeline: what happened. */
export function timelineTitle(e: TimelineEntry): string {
	if (!e.from) return 'Demande reçue\u00a0: accueil';
	if (EXITS.includes(e.to)) return labelOf('stages', e.to);
	if (isFinished(e.from)) return `Réouverture\u00a0: ${labelOf('stages', e.to)}`;
	const back = MAIN_LINE.indexOf(e.to) < MAIN_LINE.indexOf(e.from);
	return back
		? `Retour à «\u00a0${labelOf('stages', e.to)}\u00a0»`
		: e.to === 'closed'
			? 'Accompagnement clôturé'
			: `${labelOf('stages', e.to)}`;
}

export type StepState = 'done' | 'current' | 'todo' | 'skipped';

/** Each main-line stage's state and the day the case last reached it. */
export function steps(stage: Stage, timeline: TimelineEntry[]): { stage: Stage; state: StepState; date: string | null }[] {
	const reached = new Map<Stage, string>();
	for (const e of timeline) reached.set(e.to, e.date);
	// An exit interrupts the case where it stood.
	const at = EXITS.includes(stage) ? (timeline.at(-1)?.from ?? 'intake') : stage;
	const atIndex = MAIN_LINE.indexOf(at);
	return MAIN_LINE.map((s, i) => {
		let state: StepState = i < atIndex ? 'done' : i === atIndex ? 'current' : 'todo';
		if (s === 'closed' && stage === 'closed') state = 'done';
		if (state === 'done' && s === 'engineering' && !reached.has('engineering')) state = 'skipped';
		return { stage: s, state, date: state === 'todo' || state === 'skipped' ? null : (reached.get(s) ?? null) };
	});
}
