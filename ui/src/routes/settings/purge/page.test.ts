import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { emit } from '@tauri-apps/api/event';
import { cleanup, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DueItem, PageRequest, PurgeChoice, PurgeProgress } from '$lib/bindings';
import Page from './+page.svelte';

describe('Purge page', () => {
	let asked: PageRequest[];
	let purged: PurgeChoice[];

	beforeEach(() => {
		asked = [];
		purged = [];
		const due: DueItem[] = Array.from({ length: 30000 }, (_, i) => ({
			kind: 'case',
			id: `c${i}`,
			label: `2016-${String(i).padStart(5, '0')}`,
			structure_id: `s${i % 40}`,
			structure_name: `Compagnie ${i % 40}`,
			since: '2020-03-02'
		}));
		mockIPC(
			(cmd, args) => {
				if (cmd === 'retention') return { contacts_years: 3, cases_years: 5 };
				if (cmd === 'purge_due_page') {
					const { page } = args as { page: PageRequest };
					asked.push(page);
					return { rows: due.slice(page.offset, page.offset + page.limit), offset: page.offset, total: due.length };
				}
				if (cmd === 'purge') {
					const { choice } = args as { choice: PurgeChoice };
					purged.push(choice);
					return { done: 0, total: choice.confirmed, finished: false, cancelled: false, purged: { cases: 0, contacts: 0, skipped: 0 } };
				}
			},
			{ shouldMockEvents: true }
		);
	});
	afterEach(async () => {
		// The page stops listening to the purge when it goes (once its listeners are
		// known): before the mocks do.
		cleanup();
		await new Promise((resolve) => setTimeout(resolve, 0));
		clearMocks();
	});

	it('reads pages, purges everything due but what was unticked, and follows the purge to its end', async () => {
		const user = userEvent.setup();
		render(Page);
		expect(await screen.findByRole('link', { name: 'Accompagnement 2016-00000' })).toBeInTheDocument();
		expect(asked[0]).toEqual({ offset: 0, limit: 100 });
		expect(screen.getAllByRole('row').length).toBeLessThan(80);
		expect(screen.getByText(/30\s000 éléments cochés sur 30\s000\./)).toBeInTheDocument();

		await user.click(screen.getByRole('checkbox', { name: "Purger l'accompagnement 2016-00001" }));
		const row = screen.getByRole('link', { name: 'Accompagnement 2016-00002' }).closest('tr') as HTMLElement;
		row.focus();
		await user.keyboard(' ');
		expect(screen.getByRole('checkbox', { name: "Purger l'accompagnement 2016-00002" })).not.toBeChecked();
		expect(screen.getByText(/29\s998 éléments cochés sur 30\s000 \(2\slaissés\)\./)).toBeInTheDocument();

		await user.click(screen.getByRole('button', { name: 'Purger la sélection…' }));
		expect(screen.getByRole('alertdialog')).toHaveTextContent(/Purger 29\s998 éléments\s\?/);
		await user.click(screen.getByRole('button', { name: 'Purger définitivement' }));
		expect(purged).toEqual([
			{
				except: [
					{ kind: 'case', id: 'c1' },
					{ kind: 'case', id: 'c2' }
				],
				confirmed: 29998
			}
		]);
		expect(await screen.findByText(/Purge en cours\s: 0 sur 29\s998 éléments\./)).toBeInTheDocument();

		const finished: PurgeProgress = {
			done: 29998,
			total: 29998,
			finished: true,
			cancelled: false,
			purged: { cases: 29997, contacts: 0, skipped: 1 }
		};
		await emit('purge-progress', finished);
		await vi.waitFor(() =>
			expect(screen.getByRole('status')).toHaveTextContent(
				/Purge faite\s: 29\s997 accompagnements supprimés, 0 contact effacé, 1\sélément laissé \(plus à purger\)\./
			)
		);
	});

	it('says when a purge stopped on a failure, and why', async () => {
		render(Page);
		expect(await screen.findByRole('link', { name: 'Accompagnement 2016-00000' })).toBeInTheDocument();
		await emit('purge-progress', {
			done: 120,
			total: 30000,
			finished: true,
			cancelled: false,
			purged: { cases: 120, contacts: 0, skipped: 0 }
		} satisfies PurgeProgress);
		await emit('purge-failed', { code: 'storage', message: "Le disque est plein : la purge s'est arrêtée.", field: null });
		await vi.waitFor(() =>
			expect(screen.getByRole('status')).toHaveTextContent(/Purge interrompue après 120\séléments sur 30\s000\s: 120\saccompagnements supprimés/)
		);
		expect(screen.getByRole('alert')).toHaveTextContent('Le disque est plein');
	});
});
