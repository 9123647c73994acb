import { mockIPC, clearMocks } from '@tauri-apps/api/mocks';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { session } from '$lib/session.svelte';
import { emptyStructure } from '$lib/structures';
import { reference } from '$lib/test/fixtures';
import StructureForm from './StructureForm.svelte';

describe('StructureForm', () => {
	beforeEach(() => {
		session.reference = reference;
	});
	afterEach(() => clearMocks());

	it('shows the core’s refusal next to the named field and keeps the input', async () => {
		mockIPC((cmd) => {
			if (cmd === 'list_structures') return { rows: [], offset: 0, total: 0 };
			if (cmd === 'create_structure') {
				throw { code: 'validation', field: 'siret', message: 'Le SIRET est invalide : la clé de contrôle ne correspond pas.' };
			}
		});
		const onsaved = vi.fn();
		render(StructureForm, { initial: emptyStructure(), onsaved, cancelHref: '#/structures' });
		const user = userEvent.setup();
		await user.type(screen.getByLabelText(/Nom de la structure/), 'Compagnie du Sillon');
		await user.type(screen.getByLabelText('SIRET'), '73282932000075');
		await user.click(screen.getByRole('button', { name: 'Enregistrer' }));

		const siret = screen.getByLabelText('SIRET');
		expect(siret).toHaveAttribute('aria-invalid', 'true');
		expect(siret).toHaveAccessibleDescription('Le SIRET est invalide : la clé de contrôle ne correspond pas.');
		expect(siret).toHaveValue('73282932000075');
		expect(screen.getByLabelText(/Nom de la structure/)).not.toHaveAttribute('aria-invalid');
		expect(onsaved).not.toHaveBeenCalled();
	});

	it('sends what was typed, lists split, and reports the saved structure', async () => {
		let sent: Record<string, unknown> | undefined;
		mockIPC((cmd, args) => {
			if (cmd === 'list_structures') return { rows: [], offset: 0, total: 0 };
			if (cmd === 'create_structure') {
				sent = (args as { input: Record<string, unknown> }).input;
				return { id: 'new-id', name: sent.name };
			}
		});
		const onsaved = vi.fn();
		render(StructureForm, { initial: emptyStructure(), onsaved, cancelHref: '#/structures' });
		const user = userEvent.setup();
		await user.type(screen.getByLabelText(/Nom de la structure/), 'Théâtre de la Courte Échelle');
		await user.type(screen.getByLabelText('Conventions collectives (IDCC)'), '1285, 3090');
		await user.type(screen.getByLabelText('Budget annuel (€)'), '642 000');
		await user.selectOptions(screen.getByLabelText(/Forme juridique/), 'scic');
		await user.click(screen.getByRole('button', { name: 'Ajouter un contact' }));
		await user.type(screen.getByRole('textbox', { name: 'Nom' }), 'Awa Diallo');
		await user.click(screen.getByRole('button', { name: 'Enregistrer' }));

		expect(sent).toMatchObject({
			name: 'Théâtre de la Courte Échelle',
			legal_form: 'scic',
			idcc: ['1285', '3090'],
			budget: '642 000',
			contacts: [{ name: 'Awa Diallo', role: 'president', lawful_basis: 'legitimate_interest' }]
		});
		expect(onsaved).toHaveBeenCalledWith({ id: 'new-id', name: 'Théâtre de la Courte Échelle' });
	});

	it('names a contact’s faulty field', async () => {
		mockIPC((cmd) => {
			if (cmd === 'list_structures') return { rows: [], offset: 0, total: 0 };
			if (cmd === 'create_structure') {
				throw { code: 'validation', field: 'contacts.0.email', message: "L'adresse e-mail « awa@ » n'est pas valide." };
			}
		});
		render(StructureForm, { initial: emptyStructure(), onsaved: vi.fn(), cancelHref: '#/structures' });
		const user = userEvent.setup();
		await user.type(screen.getByLabelText(/Nom de la structure/), 'X');
		await user.click(screen.getByRole('button', { name: 'Ajouter un contact' }));
		await user.type(screen.getByLabelText('E-mail'), 'awa@');
		await user.click(screen.getByRole('button', { name: 'Enregistrer' }));
		expect(screen.getByLabelText('E-mail')).toHaveAttribute('aria-invalid', 'true');
		expect(screen.getByText("L'adresse e-mail « awa@ » n'est pas valide.")).toBeInTheDocument();
	});
});
