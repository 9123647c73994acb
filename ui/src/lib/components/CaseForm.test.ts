import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '$lib/session.svelte';
import { reference, summary } from '$lib/test/fixtures';
import CaseForm from './CaseForm.svelte';

describe('CaseForm', () => {
	beforeEach(() => {
		session.reference = reference;
	});
	afterEach(() => clearMocks());

	it('opens the case for the given structure, dated today by default', async () => {
		let sent: Record<string, string> | undefined;
		mockIPC((cmd, args) => {
			if (cmd === 'open_case') {
				sent = (args as { input: Record<string, string> }).input;
				return { id: 'case-1', reference: '2026-001' };
			}
		});
		const onsaved = vi.fn();
		render(CaseForm, { structureId: 'structure-1', onsaved, cancelHref: '#/cases' });
		expect(screen.queryByLabelText(/Structure/)).not.toBeInTheDocument();
		expect(screen.getByLabelText(/Date de la demande/)).toHaveValue(
			new Date().toLocaleDateString('fr-FR', { day: '2-digit', month: '2-digit', year: 'numeric' })
		);
		const user = userEvent.setup();
		await user.selectOptions(screen.getByLabelText(/Canal de la demande/), 'phone');
		await user.type(screen.getByLabelText(/Demande portée par/), 'Awa Diallo, présidente');
		await user.selectOptions(screen.getByLabelText(/Comment la structure a connu le DLA/), 'cress');
		await user.type(screen.getByLabelText(/Demande initiale/), 'Consolider le poste.');
		await user.click(screen.getByRole('button', { name: "Ouvrir l'accompagnement" }));

		expect(sent).toMatchObject({
			structure_id: 'structure-1',
			channel: 'phone',
			requester: 'Awa Diallo, présidente',
			referral_source: 'cress',
			request_text: 'Consolider le poste.'
		});
		expect(onsaved).toHaveBeenCalledWith({ id: 'case-1', reference: '2026-001' });
	});

	it('asks for the structure when none is given, and shows the refusal on the field', async () => {
		mockIPC((cmd) => {
			if (cmd === 'open_case') throw { code: 'validation', field: 'structure_id', message: 'Choisissez la structure accompagnée.' };
		});
		render(CaseForm, { onsaved: vi.fn(), cancelHref: '#/cases' });
		await userEvent.setup().click(screen.getByRole('button', { name: "Ouvrir l'accompagnement" }));
		const picker = screen.getByLabelText(/Structure/);
		expect(picker).toHaveAttribute('aria-invalid', 'true');
		expect(picker).toHaveAccessibleDescription('Choisissez la structure accompagnée.');
	});

	it('finds the structure by a word of its name among the first matches the core gives', async () => {
		let asked: { filter: { query: string }; page: { offset: number; limit: number } } | undefined;
		let sent: { structure_id: string } | undefined;
		mockIPC((cmd, args) => {
			if (cmd === 'list_structures') {
				asked = args as typeof asked;
				return { rows: [summary({ id: 's1', name: 'Compagnie du Sillon', commune_name: 'Die' })], offset: 0, total: 1 };
			}
			if (cmd === 'get_structure') return { id: 's1', name: 'Compagnie du Sillon', commune_name: 'Die' };
			if (cmd === 'open_case') {
				sent = (args as { input: { structure_id: string } }).input;
				return { id: 'case-1', reference: '2026-001' };
			}
		});
		render(CaseForm, { onsaved: vi.fn(), cancelHref: '#/cases' });
		const user = userEvent.setup();
		await user.type(screen.getByLabelText(/Structure/), 'sillon');
		// jsdom does not place the floating list: it stays `visibility: hidden` there, and
		// its options have no accessible name.
		const options = await screen.findAllByRole('option', { hidden: true });
		await user.click(options.find((o) => o.textContent?.includes('Compagnie du Sillon')) as HTMLElement);
		expect(asked).toMatchObject({ filter: { query: 'sillon' }, page: { offset: 0, limit: 12 } });
		expect(screen.getByLabelText(/Structure/)).toHaveValue('Compagnie du Sillon (Die)');
		await user.click(screen.getByRole('button', { name: "Ouvrir l'accompagnement" }));
		await vi.waitFor(() => expect(sent?.structure_id).toBe('s1'));
	});
});
