import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Funder } from '$lib/bindings';
import CaseFunders from './CaseFunders.svelte';

const line = (id: string, name: string, archived = false): Funder => ({
	id,
	name,
	programme: 'Convention DLA 2026',
	period_start: '2026-01-01',
	period_end: '2026-12-31',
	archived,
	cases: 0,
	engagements: 0,
	created_at: '',
	updated_at: ''
});

const state = line('f1', 'État (DREETS)');
const bank = line('f2', 'Banque des Territoires');
const old = line('f3', 'Région', true);

describe('CaseFunders', () => {
	afterEach(() => clearMocks());

	it('offers the active lines, sends the ones ticked and shows them', async () => {
		let sent: string[] | null = null;
		mockIPC((cmd, args) => {
			if (cmd === 'case_funders') return sent ? [state, bank] : [];
			if (cmd === 'list_funders') return [state, bank, old];
			if (cmd === 'set_case_funders') {
				sent = (args as { funderIds: string[] }).funderIds;
				return [state, bank];
			}
		});
		render(CaseFunders, { caseId: 'c1' });
		expect(await screen.findByText(/Aucune ligne indiquée/)).toBeTruthy();
		const user = userEvent.setup();
		await user.click(screen.getByRole('button', { name: 'Modifier les financeurs' }));
		expect(screen.queryByLabelText(/Région/)).toBeNull();
		await user.click(await screen.findByLabelText('État (DREETS) — Convention DLA 2026'));
		await user.click(screen.getByLabelText('Banque des Territoires — Convention DLA 2026'));
		await user.click(screen.getByRole('button', { name: 'Enregistrer les financeurs' }));

		expect(sent).toEqual(['f1', 'f2']);
		expect(await screen.findByText('État (DREETS) — Convention DLA 2026')).toBeTruthy();
		expect(screen.getByText('Banque des Territoires — Convention DLA 2026')).toBeTruthy();
	});

	it('keeps the refusal in view', async () => {
		mockIPC((cmd) => {
			if (cmd === 'case_funders') return [];
			if (cmd === 'list_funders') return [state];
			if (cmd === 'set_case_funders') throw { code: 'validation', message: 'Une des lignes est archivée.', field: 'funder_ids' };
		});
		render(CaseFunders, { caseId: 'c1' });
		const user = userEvent.setup();
		await user.click(await screen.findByRole('button', { name: 'Modifier les financeurs' }));
		await user.click(await screen.findByLabelText('État (DREETS) — Convention DLA 2026'));
		await user.click(screen.getByRole('button', { name: 'Enregistrer les financeurs' }));
		expect((await screen.findByRole('alert')).textContent).toContain('Une des lignes est archivée.');
	});
});
