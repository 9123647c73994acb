import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CooperationFilter, CooperationProject, PageRequest } from '$lib/bindings';
import { session } from '$lib/session.svelte';
import { pageOf, reference } from '$lib/test/fixtures';
import Page from './+page.svelte';

const project = (i: number) =>
	({
		id: `p${i}`,
		name: `Lieu partagé n° ${i}`,
		kind: 'shared_place',
		stage: 'study',
		started_on: '2025-09-01',
		territory: 'Pays Diois',
		members: [
			{ structure_id: 's1', structure_name: 'Compagnie du Sillon', role: null },
			{ structure_id: 's2', structure_name: 'Radio des Canuts', role: null }
		]
	}) as unknown as CooperationProject;

describe('Coopérations list', () => {
	let asked: { filter: CooperationFilter; page: PageRequest }[];

	beforeEach(() => {
		session.reference = reference;
		asked = [];
		mockIPC((cmd, args) => {
			if (cmd === 'list_cooperations') {
				const { filter, page } = args as { filter: CooperationFilter; page: PageRequest };
				asked.push({ filter, page });
				return pageOf(1200, project, page);
			}
		});
	});
	afterEach(() => clearMocks());

	it('asks for one page, draws a window, and links each row to its project and members', async () => {
		render(Page);
		const first = await screen.findByRole('link', { name: 'Lieu partagé n° 0' });
		expect(first).toHaveAttribute('href', '#/cooperations/p0');
		expect(screen.getByText(/^1\s200 projets entre structures$/)).toBeInTheDocument();
		expect(asked[0]).toEqual({ filter: { query: '', kind: null, structure_id: null }, page: { offset: 0, limit: 100 } });
		expect(screen.getAllByRole('row').length).toBeLessThan(80);
		const row = first.closest('tr') as HTMLElement;
		const members = Array.from(row.querySelectorAll('a')).slice(1);
		expect(members.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
			['Compagnie du Sillon', '#/structures/s1'],
			['Radio des Canuts', '#/structures/s2']
		]);
	});
});
