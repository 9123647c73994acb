// The desktop notification of what is due: at start, then once a day while Jalons is open,
// unless the user turned it off (Aujourd'hui page).
import { isPermissionGranted, requestPermission, sendNotification } from '@tauri-apps/plugin-notification';
import { api } from './api';
import type { AgendaPage, AgendaShown } from './bindings';
import { todayIso } from './format';
import { number } from './french';
import { session } from './session.svelte';

/** What the notification says; null when nothing is late or due today. It names the first
 * items only when asked to (`withNames`): the desktop keeps notifications in its history,
 * where structure names would be read by anyone at the computer. */
export function reminderText(agenda: AgendaPage, withNames: boolean): { title: string; body: string } | null {
	const total = agenda.late.total + agenda.now.total;
	if (total === 0) return null;
	const parts = [];
	if (agenda.late.total) parts.push(`${number(agenda.late.total)} en retard`);
	if (agenda.now.total) parts.push(`${number(agenda.now.total)} pour aujourd'hui`);
	if (!withNames) return { title: `Jalons\u00a0: ${parts.join(', ')}`, body: 'Le détail est dans «\u00a0Aujourd\'hui\u00a0».' };
	const lines = [...agenda.late.rows, ...agenda.now.rows].slice(0, NAMED).map((i) => `• ${i.title} (${i.context})`);
	if (total > NAMED) lines.push(`… et ${number(total - NAMED)} de plus dans «\u00a0Aujourd'hui\u00a0».`);
	return { title: `Jalons\u00a0: ${parts.join(', ')}`, body: lines.join('\n') };
}

/** The items a notification names at most, and so all it asks of the agenda. */
const NAMED = 3;
export const REMINDER_SHOWN: AgendaShown = { late: NAMED, now: NAMED, soon: 0 };

let notifiedOn: string | null = null;

/** Sends today's notification once; a refused permission, a missing notification service
 * or an unreadable agenda only means no notification. */
export async function remindIfDue(): Promise<void> {
	const day = todayIso();
	if (!session.settings?.notify_due || notifiedOn === day) return;
	notifiedOn = day;
	try {
		const text = reminderText(await api.agenda(REMINDER_SHOWN), session.settings.notify_names);
		if (!text) return;
		const granted = (await isPermissionGranted()) || (await requestPermission()) === 'granted';
		if (granted) sendNotification(text);
	} catch {
		// No notification service on this desktop: « Aujourd'hui » still lists everything.
	}
}

/** The first look at the agenda waits this long after start: the first screen comes first,
 * and the agenda's reads (every task, follow-up and obligation) would compete with it. */
const AFTER_START_MS = 5000;

/** Shortly after start, then every hour, which sends at most one notification a day. */
export function startReminders(): () => void {
	const first = setTimeout(remindIfDue, AFTER_START_MS);
	const timer = setInterval(remindIfDue, 60 * 60 * 1000);
	return () => {
		clearTimeout(first);
		clearInterval(timer);
	};
}
