import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaseFilter, PageRequest } from '$lib/bindings';
import { session } from '$lib/session.svelte';
import { caseSummary, reference } from '$lib/test/fixtures';
import Page from './+page.svelte';

describe('Cases list', () => {
	let asked: { filter: CaseFilter; page: PageRequest }[];
	let counted: CaseFilter[];

	beforeEach(() => {
		session.reference = reference;
		asked = [];
		counted = [];
		const all = Array.from({ length: 3000 }, (_, i) =>
			caseSummary({ id: `c${i}`, reference: `2026-${String(i).padStart(4, '0')}`, attention: i % 3 ? [] : ['follow_up_late'] })
		);
		mockIPC((cmd, args) => {
			if (cmd === 'stage_counts') return [{ stage: 'diagnostic', count: 3000 }];
			if (cmd === 'list_cases') {
				const { filter, page } = args as { filter: CaseFilter; page: PageRequest };
				asked.push({ filter, page });
				const rows = all.slice(page.offset, page.offset + page.limit);
				return { rows, offset: page.offset, total: all.length };
			}
			if (cmd === 'cases_needing_attention') {
				counted.push((args as { filter: CaseFilter }).filter);
				return 1000;
			}
		});
	});
	afterEach(() => clearMocks());

	it('asks the core for one page at once, draws a window, and says what needs attention in the whole list', async () => {
		render(Page);
		expect(await screen.findByRole('link', { name: '2026-0000' })).toBeInTheDocument();
		expect(asked[0].page).toEqual({ offset: 0, limit: 100 });
		expect(asked[0].filter).toMatchObject({ scope: 'open', stage: null, sort: 'request_date', descending: true });
		await vi.waitFor(() =>
			expect(document.querySelector('.page-head .muted')).toHaveTextContent(/3\s000 en cours · 1\s000 à traiter dans cette liste/)
		);
		expect(screen.getAllByRole('row').length).toBeLessThan(80);
		expect(screen.getByRole('grid', { name: 'Accompagnements' })).toHaveAttribute('aria-rowcount', '3001');

		expect(counted).toEqual([asked[0].filter]);

		await userEvent.setup().click(screen.getByRole('button', { name: /Terminés/ }));
		await vi.waitFor(() => expect(asked.at(-1)?.filter).toMatchObject({ scope: 'finished', stage: null }));
		expect(asked.at(-1)?.page.offset).toBe(0);
		await vi.waitFor(() => expect(counted.at(-1)).toMatchObject({ scope: 'finished' }));
	});
});
