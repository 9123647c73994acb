import { describe, expect, it } from 'vitest';
import type { AgendaItem, AgendaPage } from './bindings';
import { REMINDER_SHOWN, reminderText } from './reminders';

/** The agenda as the core sends it when the reminder asks: the first items of each section
 * and each section's count. */
function asked(late: AgendaItem[], now: AgendaItem[], soon: AgendaItem[]): AgendaPage {
	const cut = (items: AgendaItem[], n: number) => ({ rows: items.slice(0, n), offset: 0, total: items.length });
	return {
		today: '2026-11-26',
		late: cut(late, REMINDER_SHOWN.late),
		now: cut(now, REMINDER_SHOWN.now),
		soon: cut(soon, REMINDER_SHOWN.soon)
	};
}

function item(title: string, context: string): AgendaItem {
	return { source: 'task', title, context, due_on: '2026-11-26', target: 'case', target_id: 'c1', task_id: 't1' };
}

describe('reminderText', () => {
	it('says how many are late and due today, and names no one unless asked', () => {
		const agenda = asked(
			[item('Relancer le consultant', 'Compagnie du Sillon · 2025-003')],
			[item('Envoyer la fiche repère', 'Compagnie du Sillon')],
			[]
		);
		const text = reminderText(agenda, false);
		expect(text).toEqual({
			title: "Jalons\u00a0: 1 en retard, 1 pour aujourd'hui",
			body: "Le détail est dans «\u00a0Aujourd'hui\u00a0»."
		});
		expect(JSON.stringify(text)).not.toContain('Sillon');
	});

	it('names the first three when asked to', () => {
		const agenda = asked(
			[
				item('Relancer le consultant', 'Compagnie du Sillon · 2025-003'),
				item('DUERP', 'Voce di Bastia'),
				item('Relancer la mairie', 'Radio'),
				item('Convention', 'Radio')
			],
			[item('Envoyer la fiche repère', 'Compagnie du Sillon'), item('Appeler la présidente', 'Radio')],
			[item('Plus tard', 'X')]
		);
		expect(reminderText(agenda, true)).toEqual({
			title: "Jalons\u00a0: 4 en retard, 2 pour aujourd'hui",
			body: [
				'• Relancer le consultant (Compagnie du Sillon · 2025-003)',
				'• DUERP (Voce di Bastia)',
				'• Relancer la mairie (Radio)',
				"… et 3 de plus dans «\u00a0Aujourd'hui\u00a0»."
			].join('\n')
		});
	});

	it('stays silent when nothing is late or due today', () => {
		expect(reminderText(asked([], [], [item('Plus tard', 'X')]), true)).toBeNull();
	});
});
