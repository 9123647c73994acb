import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TrainingActionInput, TrainingPlan } from '$lib/bindings';
import { session } from '$lib/session.svelte';
import { reference } from '$lib/test/fixtures';
import TrainingPanel from './TrainingPanel.svelte';

const empty: TrainingPlan = { structure_id: 's1', opco: null, actions: [], years: [] };
const saved: TrainingPlan = {
	structure_id: 's1',
	opco: 'afdas',
	actions: [
		{
			id: 't1',
			structure_id: 's1',
			title: 'Paie des intermittents',
			people: 2,
			hours: 350,
			cost: 120000,
			funding_requested: 120000,
			funding_obtained: 90000,
			start_on: '2026-03-09',
			end_on: null,
			status: 'planned',
			note: null
		}
	],
	years: [
		{ year: 2026, actions: 1, people: 2, hours: 350, cost: 120000, funding_requested: 120000, funding_obtained: 90000 }
	]
};

describe('TrainingPanel', () => {
	beforeEach(() => {
		session.reference = reference;
	});
	afterEach(() => clearMocks());

	it('sends a new action as typed and shows the year totals', async () => {
		let sent: TrainingActionInput | null = null;
		mockIPC((cmd, args) => {
			if (cmd === 'create_training_action') {
				sent = (args as { input: TrainingActionInput }).input;
				return saved;
			}
		});
		const onsaved = vi.fn();
		const { rerender } = render(TrainingPanel, { structureId: 's1', training: empty, onsaved });
		const user = userEvent.setup();
		await user.click(screen.getByRole('button', { name: 'Ajouter une action de formation' }));
		await user.type(screen.getByLabelText(/Intitulé/), 'Paie des intermittents');
		await user.type(screen.getByLabelText('Heures'), '3,5');
		await user.type(screen.getByLabelText('Coût (€)'), '1 200');
		await user.type(screen.getByLabelText('Début'), '09/03/2026');
		await user.click(screen.getByRole('button', { name: "Ajouter l'action" }));

		expect(sent).toMatchObject({ structure_id: 's1', title: 'Paie des intermittents', hours: '3,5', cost: '1 200' });
		expect(onsaved).toHaveBeenCalledWith(saved);
		await rerender({ structureId: 's1', training: saved, onsaved });
		const totals = screen.getByRole('table', { name: 'Totaux de formation par année' });
		const row = within(totals).getByRole('row', { name: /2026/ });
		expect(row).toHaveTextContent('3,5');
		expect(row).toHaveTextContent('900,00 €');
	});

	it('puts a refusal on its field', async () => {
		mockIPC((cmd) => {
			if (cmd === 'create_training_action')
				throw { code: 'validation', field: 'end_on', message: 'La date de fin ne peut pas précéder le début (09/03/2026).' };
		});
		render(TrainingPanel, { structureId: 's1', training: empty, onsaved: vi.fn() });
		const user = userEvent.setup();
		await user.click(screen.getByRole('button', { name: 'Ajouter une action de formation' }));
		await user.type(screen.getByLabelText(/Intitulé/), 'Paie');
		await user.click(screen.getByRole('button', { name: "Ajouter l'action" }));
		const end = screen.getByLabelText('Fin');
		expect(await screen.findByText('La date de fin ne peut pas précéder le début (09/03/2026).', { selector: 'p.field-error' })).toBeInTheDocument();
		expect(end).toHaveAttribute('aria-invalid', 'true');
		expect(end).toHaveFocus();
	});

	it('saves the OPCO as soon as it is chosen', async () => {
		let opco = '';
		mockIPC((cmd, args) => {
			if (cmd === 'set_opco') {
				opco = (args as { opco: string }).opco;
				return { ...empty, opco: 'afdas' };
			}
		});
		render(TrainingPanel, { structureId: 's1', training: empty, onsaved: vi.fn() });
		await userEvent.setup().selectOptions(screen.getByLabelText('OPCO de la structure'), 'afdas');
		expect(await screen.findByText('OPCO enregistré.')).toBeInTheDocument();
		expect(opco).toBe('afdas');
	});
});
