import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EmployerFunction, ObligationInput } from '$lib/bindings';
import { session } from '$lib/session.svelte';
import { reference } from '$lib/test/fixtures';
import ObligationsChecklist from './ObligationsChecklist.svelte';

const empty: EmployerFunction = { structure_id: 's1', obligations: [], late: 0 };

describe('ObligationsChecklist', () => {
	beforeEach(() => {
		session.reference = reference;
	});
	afterEach(() => clearMocks());

	it('prepares the usual list, sends what was typed, and flags what is late', async () => {
		let sent: ObligationInput[] = [];
		mockIPC((cmd, args) => {
			if (cmd === 'save_obligations') {
				sent = (args as { obligations: ObligationInput[] }).obligations;
				return {
					structure_id: 's1',
					late: 1,
					obligations: [
						{ id: 'o1', kind: 'dpae', label: null, status: 'up_to_date', last_done: null, period_months: null, due_override: null, next_due: null, note: null, late: false },
						{ id: 'o2', kind: 'duerp', label: null, status: 'up_to_date', last_done: '2024-10-01', period_months: 12, due_override: null, next_due: '2025-10-01', note: null, late: true }
					]
				} satisfies EmployerFunction;
			}
		});
		const onsaved = vi.fn();
		render(ObligationsChecklist, { structureId: 's1', employer: empty, onsaved });
		const user = userEvent.setup();
		await user.click(screen.getByRole('button', { name: 'Préparer la liste type' }));
		expect(screen.getAllByRole('row')).toHaveLength(3);
		await user.selectOptions(screen.getByLabelText('État : DPAE avant chaque embauche'), 'up_to_date');
		const duerp = "DUERP (document unique d'évaluation des risques)";
		await user.selectOptions(screen.getByLabelText(`État : ${duerp}`), 'up_to_date');
		await user.type(screen.getByLabelText(`Dernière fois : ${duerp}`), '01/10/2024');
		await user.click(screen.getByRole('button', { name: 'Enregistrer les obligations' }));

		expect(sent.map((o) => [o.kind, o.status, o.last_done])).toEqual([
			['dpae', 'up_to_date', ''],
			['duerp', 'up_to_date', '01/10/2024']
		]);
		expect(onsaved).toHaveBeenCalled();
		expect(await screen.findByText('En retard')).toBeInTheDocument();
		expect(screen.getByLabelText(`Périodicité en mois : ${duerp}`)).toHaveValue('12');
		expect(screen.getByLabelText(`Échéance : ${duerp}`)).toHaveAttribute('placeholder', '01/10/2025');
	});

	it('adds a custom obligation and puts its refusal on the name', async () => {
		mockIPC((cmd) => {
			if (cmd === 'save_obligations')
				throw { code: 'validation', field: 'obligations.2.label', message: "Nommez l'obligation ajoutée." };
		});
		render(ObligationsChecklist, { structureId: 's1', employer: empty, onsaved: vi.fn() });
		const user = userEvent.setup();
		await user.click(screen.getByRole('button', { name: 'Préparer la liste type' }));
		await user.click(screen.getByRole('button', { name: 'Ajouter une obligation' }));
		await user.click(screen.getByRole('button', { name: 'Enregistrer les obligations' }));
		expect(await screen.findByRole('alert')).toHaveTextContent("Nommez l'obligation ajoutée.");
		const name = screen.getByLabelText("Nom de l'obligation 3");
		expect(name).toHaveAttribute('aria-invalid', 'true');
		expect(name).toHaveFocus();
	});
});
