import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '$lib/session.svelte';
import { reference } from '$lib/test/fixtures';
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
		render(CaseForm, {
			structures: [{ code: 's1', label: 'Compagnie du Sillon (Die)' }],
			onsaved: vi.fn(),
			cancelHref: '#/cases'
		});
		await userEvent.setup().click(screen.getByRole('button', { name: "Ouvrir l'accompagnement" }));
		const select = screen.getByLabelText(/Structure/);
		expect(select).toHaveAttribute('aria-invalid', 'true');
		expect(select).toHaveAccessibleDescription('Choisissez la structure accompagnée.');
	});
});
