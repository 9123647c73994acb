import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseFunderInput, Funder } from '$lib/bindings';
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

	it('offers the active lines, sends the ones ticked with what each pays, and shows them', async () => {
		let sent: CaseFunderInput[] | null = null;
		const saved = [
			{ line: bank, share: 4000, amount: null },
			{ line: state, share: 6000, amount: 480000 }
		];
		mockIPC((cmd, args) => {
			if (cmd === 'case_funders') return sent ? saved : [];
			if (cmd === 'list_funders') return [state, bank, old];
			if (cmd === 'set_case_funders') {
				sent = (args as { lines: CaseFunderInput[] }).lines;
				return saved;
			}
		});
		render(CaseFunders, { caseId: 'c1' });
		expect(await screen.findByText(/Aucune ligne indiquée/)).toBeTruthy();
		const user = userEvent.setup();
		await user.click(screen.getByRole('button', { name: 'Modifier les financeurs' }));
		expect(screen.queryByLabelText(/Région/)).toBeNull();
		await user.click(await screen.findByLabelText('État (DREETS) — Convention DLA 2026'));
		await user.type(screen.getByLabelText('Part prise en charge (%)'), '60');
		await user.type(screen.getByLabelText('Montant pris en charge (€)'), '4 800');
		await user.click(screen.getByLabelText('Banque des Territoires — Convention DLA 2026'));
		await user.type(screen.getAllByLabelText('Part prise en charge (%)')[1], '40');
		await user.click(screen.getByRole('button', { name: 'Enregistrer les financeurs' }));

		expect(sent).toEqual([
			{ funder_id: 'f1', share: '60', amount: '4 800' },
			{ funder_id: 'f2', share: '40', amount: '' }
		]);
		const items = (await screen.findAllByRole('listitem')).map((li) => li.textContent?.replace(/\s/g, ' '));
		expect(items).toEqual([
			'Banque des Territoires — Convention DLA 2026 (40 %)',
			'État (DREETS) — Convention DLA 2026 (60 %, 4 800,00 €)'
		]);
	});

	it('keeps the refusal in view', async () => {
		mockIPC((cmd) => {
			if (cmd === 'case_funders') return [];
			if (cmd === 'list_funders') return [state];
			if (cmd === 'set_case_funders')
				throw { code: 'validation', message: 'Les parts ne peuvent pas dépasser 100\u00a0%.', field: 'lines.0.share' };
		});
		render(CaseFunders, { caseId: 'c1' });
		const user = userEvent.setup();
		await user.click(await screen.findByRole('button', { name: 'Modifier les financeurs' }));
		await user.click(await screen.findByLabelText('État (DREETS) — Convention DLA 2026'));
		await user.type(screen.getByLabelText('Part prise en charge (%)'), '120');
		await user.click(screen.getByRole('button', { name: 'Enregistrer les financeurs' }));
		const share = screen.getByLabelText('Part prise en charge (%)');
		expect((await screen.findByRole('alert')).textContent).toContain('Les parts ne peuvent pas dépasser 100');
		expect(share.getAttribute('aria-invalid')).toBe('true');
		expect(document.activeElement).toBe(share);
	});
});
