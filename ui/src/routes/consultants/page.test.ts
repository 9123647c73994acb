import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Consultant, ConsultantFilter, PageRequest } from '$lib/bindings';
import { session } from '$lib/session.svelte';
import { pageOf, reference } from '$lib/test/fixtures';
import Page from './+page.svelte';

const consultant = (i: number) =>
	({
		id: `k${i}`,
		name: `Cabinet n° ${i}`,
		organisation: null,
		skills: ['economic_model'],
		sectors: null,
		day_rate: 75000,
		engagements: i % 4
	}) as unknown as Consultant;

describe('Consultants list', () => {
	let asked: { filter: ConsultantFilter; page: PageRequest }[];

	beforeEach(() => {
		session.reference = reference;
		asked = [];
		mockIPC((cmd, args) => {
			if (cmd === 'list_consultants') {
				const { filter, page } = args as { filter: ConsultantFilter; page: PageRequest };
				asked.push({ filter, page });
				return pageOf(3000, consultant, page);
			}
		});
	});
	afterEach(() => clearMocks());

	it('asks the core for one page of 3,000, draws a window and passes the filters', async () => {
		render(Page);
		expect(await screen.findByRole('link', { name: 'Cabinet n° 0' })).toBeInTheDocument();
		expect(screen.getByText(/^3\s000 consultants$/)).toBeInTheDocument();
		expect(asked[0]).toEqual({ filter: { query: '', skill: null }, page: { offset: 0, limit: 100 } });
		expect(screen.getAllByRole('row').length).toBeLessThan(80);
		expect(screen.getAllByText(/^750,00\s€$/).length).toBeGreaterThan(10);
		const user = userEvent.setup();
		await user.selectOptions(screen.getByLabelText('Compétence'), 'economic_model');
		await user.type(screen.getByLabelText('Rechercher'), 'ébrard');
		await vi.waitFor(() => expect(asked.at(-1)?.filter).toEqual({ query: 'ébrard', skill: 'economic_model' }));
		expect(asked.at(-1)?.page).toEqual({ offset: 0, limit: 100 });
	});
});
