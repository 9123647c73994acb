import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { JournalInput } from '$lib/bindings';
import { durationLabel, splitNames } from '$lib/journal';
import { session } from '$lib/session.svelte';
import { reference } from '$lib/test/fixtures';
import JournalForm from './JournalForm.svelte';

describe('JournalForm', () => {
	beforeEach(() => {
		session.reference = reference;
	});
	afterEach(() => clearMocks());

	it('sends the contacts ticked and the other names typed', async () => {
		let sent: JournalInput | null = null;
		mockIPC((cmd, args) => {
			if (cmd === 'create_journal_entry') {
				sent = (args as { input: JournalInput }).input;
				return { id: 'j1' };
			}
		});
		const onsaved = vi.fn();
		render(JournalForm, {
			structureId: 's1',
			caseId: 'c1',
			contacts: ['Karim Diallo', 'Nadia Benali'],
			onsaved,
			oncancel: vi.fn()
		});
		const user = userEvent.setup();
		await user.selectOptions(screen.getByLabelText('Type'), 'call');
		await user.type(screen.getByLabelText('Durée'), '45 min');
		await user.click(screen.getByLabelText('Nadia Benali'));
		await user.type(screen.getByLabelText('Autres personnes'), 'Jean Morel ; Lucie Roche,');
		await user.type(screen.getByLabelText(/Compte rendu/), 'Point budget.');
		await user.click(screen.getByRole('button', { name: "Ajouter l'entrée" }));
		expect(sent).toMatchObject({
			structure_id: 's1',
			case_id: 'c1',
			kind: 'call',
			duration: '45 min',
			people: ['Nadia Benali', 'Jean Morel', 'Lucie Roche'],
			body: 'Point budget.'
		});
		expect(onsaved).toHaveBeenCalled();
	});

	it('puts a refused duration on its field', async () => {
		mockIPC((cmd) => {
			if (cmd === 'create_journal_entry')
				throw { code: 'validation', field: 'duration', message: 'Durée invalide (saisi : « une heure »).' };
		});
		render(JournalForm, { structureId: 's1', onsaved: vi.fn(), oncancel: vi.fn() });
		const user = userEvent.setup();
		await user.type(screen.getByLabelText('Durée'), 'une heure');
		await user.click(screen.getByRole('button', { name: "Ajouter l'entrée" }));
		const duration = screen.getByLabelText('Durée');
		expect(await screen.findByText('Durée invalide (saisi : « une heure »).', { selector: '.field-error' })).toBeInTheDocument();
		expect(duration).toHaveFocus();
	});

	it('reads durations and names as typed', () => {
		expect([durationLabel(90), durationLabel(45), durationLabel(120), durationLabel(null)]).toEqual([
			'1 h 30',
			'45 min',
			'2 h',
			''
		]);
		expect(splitNames(' A ;B,, C ')).toEqual(['A', 'B', 'C']);
	});
});
