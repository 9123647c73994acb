// What every screen needs, loaded once at start: the user's settings and the reference lists.
import { api } from './api';
import type { Choice, ReferenceData, Settings, Startup } from './bindings';

export const session = $state<{
	settings: Settings | null;
	reference: ReferenceData | null;
	startup: Startup | null;
	/** Counts the times the data was replaced (a restore): every page is mounted anew. */
	generation: number;
}>({
	settings: null,
	reference: null,
	startup: null,
	generation: 0
});

/** While the database is locked or could not be opened, only `startup` is loaded: it
 * says what to do. */
export async function loadSession(): Promise<void> {
	const startup = await api.startup();
	session.startup = startup;
	if (startup.lock || startup.problem) return;
	const [settings, reference] = await Promise.all([api.getSettings(), api.getReference()]);
	session.settings = settings;
	session.reference = reference;
}

let atStart: Promise<void> | null = null;

/** The session the app starts with: asked once, from the app's first script
 * (hooks.client.ts), while the first screen's code is still on its way. */
export function sessionAtStart(): Promise<void> {
	atStart ??= loadSession();
	return atStart;
}

/** The database was found damaged after the first screen: the recovery screen replaces it. */
export async function reportDamage(): Promise<void> {
	session.startup = await api.startup();
}

/** After a restore: everything is read again, and every screen mounted anew on `hash`. */
export async function reopen(hash: string): Promise<void> {
	await loadSession();
	session.generation += 1;
	location.hash = hash;
}

/** The French label of a code in one of the reference lists. */
export function labelOf(list: keyof ReferenceData, code: string | null | undefined): string {
	if (!code) return '—';
	const choices = session.reference?.[list];
	if (!Array.isArray(choices)) return code;
	return (choices as Choice[]).find((c) => c.code === code)?.label ?? code;
}
