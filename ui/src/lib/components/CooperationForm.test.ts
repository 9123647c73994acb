import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CommandError } from '$lib/api';
import type { CooperationInput } from '$lib/bindings';
import { emptyCooperation } from '$lib/cooperation';
import { session } from '$lib/session.svelte';
import { reference, summary } from '$lib/test/fixtures';
import CooperationForm from './CooperationForm.svelte';

describe('CooperationForm', () => {
	beforeEach(() => {
		session.reference = reference;
		mockIPC((cmd) => {
			if (cmd === 'get_structure') return { id: 's1', name: 'Compagnie du Sillon', commune_name: 'Die' };
			if (cmd === 'list_structures')
				return {
					rows: [
						summary({ id: 's1', name: 'Compagnie du Sillon', commune_name: 'Die' }),
						summary({ id: 's2', name: 'Voce di Bastia', commune_name: 'Bastia' })
					],
					offset: 0,
					total: 2
				};
		});
	});
	afterEach(() => clearMocks());

	it('starts with the structure it was opened from and sends both members', async () => {
		const save = vi.fn(async (input: CooperationInput) => ({ id: 'p1', ...input }) as never);
		render(CooperationForm, {
			initial: emptyCooperation('s1'),
			save,
			onsaved: vi.fn(),
			cancelHref: '#/structures/s1',
			submitLabel: 'Enregistrer le projet'
		});
		const user = userEvent.setup();
		await vi.waitFor(() => expect(screen.getByLabelText('Structure 1')).toHaveValue('Compagnie du Sillon (Die)'));
		await user.type(screen.getByLabelText(/Nom du projet/), 'La Halle aux Arts');
		await user.selectOptions(screen.getByLabelText(/Type de coopération/), 'shared_place');
		await user.type(screen.getByLabelText('Structure 2'), 'bastia');
		// jsdom does not place the floating list: it stays `visibility: hidden` there, and
		// its options have no accessible name.
		const options = await screen.findAllByRole('option', { hidden: true });
		await user.click(options.find((o) => o.textContent?.includes('Voce di Bastia')) as HTMLElement);
		await user.click(screen.getByRole('button', { name: 'Enregistrer le projet' }));
		expect(save.mock.calls[0][0]).toMatchObject({
			name: 'La Halle aux Arts',
			kind: 'shared_place',
			members: [
				{ structure_id: 's1', role: 'Porteur' },
				{ structure_id: 's2', role: '' }
			]
		});
	});

	it('shows why the members were refused', async () => {
		const save = vi.fn(async () => {
			throw new CommandError({
				code: 'validation',
				field: 'members',
				message: 'Une coopération réunit au moins deux structures.'
			});
		});
		render(CooperationForm, {
			initial: emptyCooperation('s1'),
			save: save as never,
			onsaved: vi.fn(),
			cancelHref: '#/structures/s1',
			submitLabel: 'Enregistrer le projet'
		});
		await userEvent.setup().click(screen.getByRole('button', { name: 'Enregistrer le projet' }));
		expect(await screen.findByText('Une coopération réunit au moins deux structures.', { selector: '.field-error' })).toBeInTheDocument();
	});
});
