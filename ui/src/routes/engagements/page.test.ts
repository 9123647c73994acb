import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Engagement, EngagementFilter, PageRequest } from '$lib/bindings';
import { session } from '$lib/session.svelte';
import { pageOf, reference } from '$lib/test/fixtures';
import Page from './+page.svelte';

const engagement = (i: number) =>
	({
		id: `e${i}`,
		title: `Modèle économique n° ${i}`,
		mode: 'individual',
		status: 'started',
		cases: [{ case_id: 'c1', reference: '2026-014', structure_id: 's1', structure_name: 'Compagnie du Sillon', stage: 'engineering' }],
		consultant_name: 'Hélène Ébrard',
		days: 400,
		cost_ttc: 312000
	}) as unknown as Engagement;

describe('Ingénieries list', () => {
	let asked: { filter: EngagementFilter; page: PageRequest }[];

	beforeEach(() => {
		session.reference = reference;
		asked = [];
		mockIPC((cmd, args) => {
			if (cmd === 'list_engagements') {
				const { filter, page } = args as { filter: EngagementFilter; page: PageRequest };
				asked.push({ filter, page });
				return pageOf(60000, engagement, page);
			}
		});
	});
	afterEach(() => clearMocks());

	it('asks the core for one page of 60,000, draws a window and passes the search', async () => {
		render(Page);
		expect(await screen.findByRole('link', { name: 'Modèle économique n° 0' })).toBeInTheDocument();
		expect(screen.getByText(/60\s000 ingénieries en cours/)).toBeInTheDocument();
		expect(asked[0]).toEqual({ filter: { case_id: null, query: '', include_finished: false }, page: { offset: 0, limit: 100 } });
		expect(screen.getAllByRole('row').length).toBeLessThan(80);
		await userEvent.setup().type(screen.getByLabelText('Rechercher'), 'ébrard');
		await vi.waitFor(() => expect(asked.at(-1)?.filter.query).toBe('ébrard'));
	});
});
