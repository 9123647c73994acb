import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StructureFilter } from '$lib/bindings';
import { session } from '$lib/session.svelte';
import { reference, summary } from '$lib/test/fixtures';
import Page from './+page.svelte';

describe('Structures list', () => {
	let filters: StructureFilter[];

	beforeEach(() => {
		session.reference = reference;
		filters = [];
	});
	afterEach(() => clearMocks());

	it('lists structures with French figures and passes filters and sort to the core', async () => {
		mockIPC((cmd, args) => {
			if (cmd === 'list_structures') {
				filters.push((args as { filter: StructureFilter }).filter);
				const rows = [
					summary({}),
					summary({ id: '2', name: 'Fest-Noz Penn-ar-Bed', commune_name: 'Brest', departement: '29', budget: null, etp: null, open_cases: 0 })
				];
				return { rows, offset: 0, total: rows.length };
			}
		});
		render(Page);
		await screen.findByRole('link', { name: 'Fest-Noz Penn-ar-Bed' });
		const rows = screen.getAllByRole('row');
		expect(rows).toHaveLength(3);
		const first = within(rows[1]);
		expect(first.getByRole('link', { name: 'Compagnie du Sillon' })).toHaveAttribute('href', expect.stringContaining('#/structures/'));
		expect(first.getByText('Association loi 1901')).toBeInTheDocument();
		expect(rows[1].textContent?.replace(/[\u202f\u00a0]/g, ' ')).toContain('186 500 €');
		expect(first.getByText('3,4')).toBeInTheDocument();
		expect(screen.getByText('2 structures')).toBeInTheDocument();

		const user = userEvent.setup();
		await user.type(screen.getByLabelText('Rechercher'), 'théâtre');
		await user.selectOptions(screen.getByLabelText('Département'), '26');
		await user.click(screen.getByRole('button', { name: /Budget annuel/ }));
		await vi.waitFor(() => expect(filters.at(-1)).toMatchObject({ query: 'théâtre', departement: '26', sort: 'budget', descending: true }));
		expect(screen.getByRole('columnheader', { name: /Budget annuel/ })).toHaveAttribute('aria-sort', 'descending');
	});

	it('asks the core for pages, draws only a window of 5,000 structures, and reaches the last by keyboard', async () => {
		const asked: { offset: number; limit: number }[] = [];
		const all = Array.from({ length: 5000 }, (_, i) =>
			summary({ id: `s${i}`, name: `Structure ${String(i).padStart(4, '0')}` })
		);
		mockIPC((cmd, args) => {
			if (cmd === 'list_structures') {
				const { page } = args as { page: { offset: number; limit: number } };
				asked.push(page);
				return { rows: all.slice(page.offset, page.offset + page.limit), offset: page.offset, total: all.length };
			}
		});
		render(Page);
		expect(await screen.findByText('5 000 structures')).toBeInTheDocument();
		expect(asked[0]).toEqual({ offset: 0, limit: 100 });
		expect(screen.getAllByRole('row').length).toBeLessThan(80);
		expect(screen.getByRole('grid', { name: 'Structures' })).toHaveAttribute('aria-rowcount', '5001');

		const user = userEvent.setup();
		const first = await screen.findByRole('link', { name: 'Structure 0000' });
		first.closest('tr')?.focus();
		await user.keyboard('{ArrowDown}{ArrowDown}');
		expect(document.activeElement?.textContent).toContain('Structure 0002');
		await user.keyboard('{End}');
		await vi.waitFor(() => expect(document.activeElement?.textContent).toContain('Structure 4999'));
		expect(asked.at(-1)).toEqual({ offset: 4900, limit: 100 });
		expect(screen.getAllByRole('row').length).toBeLessThan(80);
		await user.keyboard('{ArrowUp}');
		expect(document.activeElement?.textContent).toContain('Structure 4998');
		expect(document.activeElement).toHaveAttribute('aria-rowindex', '5000');

		// A new search shows its list from the top.
		await user.type(screen.getByLabelText('Rechercher'), 'structure');
		expect(await screen.findByRole('link', { name: 'Structure 0000' })).toBeInTheDocument();
		expect(asked.at(-1)).toEqual({ offset: 0, limit: 100 });
	});

	it('offers demo data on an empty database and shows it once loaded', async () => {
		let loaded = false;
		mockIPC((cmd) => {
			if (cmd === 'list_structures') return loaded ? { rows: [summary({})], offset: 0, total: 1 } : { rows: [], offset: 0, total: 0 };
			if (cmd === 'is_empty') return !loaded;
			if (cmd === 'load_demo') {
				loaded = true;
				return { structures: 32, cases: 22 };
			}
		});
		render(Page);
		const button = await screen.findByRole('button', { name: 'Charger les données de démonstration' });
		expect(screen.getByRole('link', { name: 'Créer une structure' })).toBeInTheDocument();
		await userEvent.setup().click(button);
		expect(await screen.findByRole('link', { name: 'Compagnie du Sillon' })).toBeInTheDocument();
	});
});
