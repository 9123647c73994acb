import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { CommuneList, CommuneLists } from '$lib/bindings';
import CommuneListsPanel from './CommuneListsPanel.svelte';

const grid: CommuneList = {
	kind: 'density',
	vintage: 2025,
	file_name: 'grille_densite_7_niveaux_2025.xlsx',
	loaded_at: '2026-12-07T08:40:00+00:00',
	communes: 34_875
};

describe('CommuneListsPanel', () => {
	afterEach(() => clearMocks());

	it('says what each list does, loaded or not, and loads one with the year typed', async () => {
		let lists: CommuneLists = { density: null, frr: null };
		const asked: unknown[] = [];
		mockIPC((cmd, args) => {
			if (cmd === 'commune_lists') return lists;
			if (cmd === 'load_commune_list') {
				asked.push(args);
				lists = { ...lists, density: grid };
				return { list: grid, ignored: 2 };
			}
		});
		render(CommuneListsPanel);
		const density = await screen.findByRole('group', { name: 'Grille communale de densité' });
		expect(density).toHaveTextContent('Aucune grille chargée : les bilans comptent comme rurales les communes de moins de 2 000 habitants');
		const user = userEvent.setup();
		await user.type(within(density).getByLabelText('Année du fichier'), '2025');
		await user.click(within(density).getByRole('button', { name: 'Charger le fichier…' }));
		expect(asked).toEqual([{ kind: 'density', vintage: '2025' }]);
		expect(await within(density).findByRole('status')).toHaveTextContent(
			'34 875 communes chargées ; 2 lignes laissées de côté (vides, en double ou illisibles).'
		);
		expect(density).toHaveTextContent('Millésime 2025 · 34 875 communes · chargée le 07/12/2026');
		expect(within(density).getByRole('button', { name: 'Remplacer par un autre fichier…' })).toBeInTheDocument();
		const frr = screen.getByRole('group', { name: 'Communes France Ruralités Revitalisation' });
		expect(frr).toHaveTextContent('Aucune liste chargée');
	});

	it('shows a refused year on its field and a refused file above', async () => {
		mockIPC((cmd, args) => {
			if (cmd === 'commune_lists') return { density: null, frr: null };
			if (cmd === 'load_commune_list') {
				const { vintage } = args as { vintage: string };
				throw vintage === '1999'
					? { code: 'validation', field: 'vintage', message: "Indiquez l'année du fichier, de 2015 à 2027." }
					: { code: 'validation', field: 'file', message: '« lettre.txt » ne ressemble pas à la grille communale de densité.' };
			}
		});
		render(CommuneListsPanel);
		const density = await screen.findByRole('group', { name: 'Grille communale de densité' });
		const user = userEvent.setup();
		const year = within(density).getByLabelText('Année du fichier');
		await user.type(year, '1999');
		await user.click(within(density).getByRole('button', { name: 'Charger le fichier…' }));
		expect(year).toHaveAttribute('aria-invalid', 'true');
		expect(year).toHaveAccessibleDescription("Indiquez l'année du fichier, de 2015 à 2027.");
		await user.clear(year);
		await user.click(within(density).getByRole('button', { name: 'Charger le fichier…' }));
		expect(await within(density).findByRole('alert')).toHaveTextContent('« lettre.txt » ne ressemble pas');
		expect(density).toHaveTextContent('Aucune grille chargée');
	});
});
