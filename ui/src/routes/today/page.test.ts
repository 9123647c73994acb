import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgendaItem, AgendaShown } from '$lib/bindings';
import Page from './+page.svelte';

const followUp = (i: number): AgendaItem => ({
	source: 'follow_up',
	title: `Suivi à 12–18 mois n° ${i}`,
	context: `Compagnie n° ${i} · 2025-${String(i).padStart(3, '0')}`,
	due_on: '2026-11-30',
	target: 'case',
	target_id: `c${i}`,
	task_id: null
});

describe("Aujourd'hui", () => {
	// What the core sends: each section's first items, as many as asked, and its count.
	const asked: AgendaShown[] = [];
	beforeEach(() => {
		asked.length = 0;
		const sections = { late: Array.from({ length: 120 }, (_, i) => followUp(i)), now: [], soon: [followUp(1000)] };
		const page = (items: AgendaItem[], n: number) => ({ rows: items.slice(0, n), offset: 0, total: items.length });
		mockIPC((cmd, args) => {
			if (cmd !== 'agenda') return cmd === 'get_settings' ? null : undefined;
			const shown = (args as { shown: AgendaShown }).shown;
			asked.push(shown);
			return {
				today: '2026-12-06',
				late: page(sections.late, shown.late),
				now: page(sections.now, shown.now),
				soon: page(sections.soon, shown.soon)
			};
		});
	});
	afterEach(() => clearMocks());

	it('draws a first batch of a long section and the rest on demand, with the counts whole', async () => {
		render(Page);
		const late = await screen.findByRole('region', { name: /En retard/ });
		expect(screen.getByText(/120 en retard · 0 pour aujourd'hui · 1 à venir/)).toBeInTheDocument();
		expect(within(late).getAllByRole('link')).toHaveLength(50);
		await fireEvent.click(within(late).getByRole('button', { name: 'Afficher 50\u00a0éléments de plus (70\u00a0restants)' }));
		await waitFor(() => expect(within(late).getAllByRole('link')).toHaveLength(100));
		await fireEvent.click(within(late).getByRole('button', { name: 'Afficher 20\u00a0éléments de plus (20\u00a0restants)' }));
		await waitFor(() => expect(within(late).getAllByRole('link')).toHaveLength(120));
		expect(within(late).queryByRole('button')).toBeNull();
		expect(asked).toEqual([
			{ late: 50, now: 50, soon: 50 },
			{ late: 100, now: 50, soon: 50 },
			{ late: 150, now: 50, soon: 50 }
		]);
		const soon = screen.getByRole('region', { name: /Dans les 14 prochains jours/ });
		expect(within(soon).getByRole('link', { name: 'Suivi à 12–18 mois n° 1000' })).toHaveAttribute('href', '#/cases/c1000');
		expect(within(soon).queryByRole('button')).toBeNull();
	});
});
