import { describe, expect, it } from 'vitest';
import type { Agenda, AgendaItem } from './bindings';
import { reminderText } from './reminders';

function item(title: string, context: string): AgendaItem {
	return { source: 'task', title, context, due_on: '2026-11-26', target: 'case', target_id: 'c1', task_id: 't1' };
}

describe('reminderText', () => {
	it('says how many are late and due today, and names no one unless asked', () => {
		const agenda: Agenda = {
			today: '2026-11-26',
			late: [item('Relancer le consultant', 'Compagnie du Sillon · 2025-003')],
			now: [item('Envoyer la fiche repère', 'Compagnie du Sillon')],
			soon: []
		};
		const text = reminderText(agenda, false);
		expect(text).toEqual({
			title: "Jalons\u00a0: 1 en retard, 1 pour aujourd'hui",
			body: "Le détail est dans «\u00a0Aujourd'hui\u00a0»."
		});
		expect(JSON.stringify(text)).not.toContain('Sillon');
	});

	it('names the first three when asked to', () => {
		const agenda: Agenda = {
			today: '2026-11-26',
			late: [item('Relancer le consultant', 'Compagnie du Sillon · 2025-003'), item('DUERP', 'Voce di Bastia')],
			now: [item('Envoyer la fiche repère', 'Compagnie du Sillon'), item('Appeler la présidente', 'Radio')],
			soon: [item('Plus tard', 'X')]
		};
		expect(reminderText(agenda, true)).toEqual({
			title: "Jalons\u00a0: 2 en retard, 2 pour aujourd'hui",
			body: [
				'• Relancer le consultant (Compagnie du Sillon · 2025-003)',
				'• DUERP (Voce di Bastia)',
				'• Envoyer la fiche repère (Compagnie du Sillon)',
				"… et 1 de plus dans «\u00a0Aujourd'hui\u00a0»."
			].join('\n')
		});
	});

	it('stays silent when nothing is late or due today', () => {
		expect(reminderText({ today: '2026-11-26', late: [], now: [], soon: [item('Plus tard', 'X')] }, true)).toBeNull();
	});
});
