import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { cleanup, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { PeriodTotals, Totals } from '$lib/bindings';
import Page from './+page.svelte';

const totals: Totals = {
	cases: 3,
	structures: 2,
	first_time: 1,
	returning: 1,
	with_engagement: 1,
	qpv: 1,
	frr: 0,
	rural: 1,
	rural_rule: 'moins de 2\u00a0000 habitants (aucune grille de densité chargée dans Paramètres)',
	staff_known: 1,
	headcount_diagnostic: 3,
	etp_diagnostic: 250,
	cdi_share: 5714,
	requested_cases: 3,
	finished_cases: 1,
	diagnosed: 1,
	engaged: 1,
	individual: 1,
	collective: 0,
	days: 200,
	cost_ht: 100_000,
	cost_ttc: 100_000,
	delivered: 0,
	cancelled: 0,
	cases_cost_ht: 360_000,
	line_share: 2778,
	submitted: 3,
	requested: 1_900_000,
	granted: 1,
	obtained: 800_000,
	refused: 0,
	refused_amount: 0,
	by_tool: [],
	followed_up: 1,
	in_window: 0,
	compared: 1,
	headcount_before: 3,
	headcount_after: 4,
	etp_before: 250,
	etp_after: 300,
	criteria: [{ criterion: 'Emploi', plus: 1, equal: 0, minus: 0 }]
};

function withLine(t: Partial<Totals>) {
	const report: PeriodTotals = {
		period: { from: '2025-01-01', to: '2025-12-31', funder_id: 'f', funder: 'État (DREETS) — 2025' },
		totals: { ...totals, ...t }
	};
	mockIPC((cmd) => (cmd === 'period_totals' ? report : cmd === 'list_funders' ? [] : undefined), {
		shouldMockEvents: true
	});
}

describe('Bilans', () => {
	afterEach(async () => {
		// The page stops listening to the batch of summaries when it goes (once its listeners
		// are known): before the mocks do.
		cleanup();
		await new Promise((resolve) => setTimeout(resolve, 0));
		clearMocks();
	});

	it('says of each family whether it counts the period’s stock or its flows', async () => {
		withLine({});
		render(Page);
		const structures = await screen.findByRole('region', { name: /Structures/ });
		expect(within(structures).getByText('Stock')).toBeInTheDocument();
		const engagements = screen.getByRole('region', { name: /Ingénieries/ });
		expect(within(engagements).getByText('Flux')).toBeInTheDocument();
		expect(within(engagements).getByText('Part payée par la ligne').nextElementSibling?.textContent).toBe(
			'27,78\u00a0%'
		);
		const finance = screen.getByRole('region', { name: /Financements solidaires/ });
		const terms = [...finance.querySelectorAll('dt')].map((dt) => dt.textContent);
		expect(terms).toEqual(['3\u00a0demandes déposées', '1\u00a0demande accordée', '0\u00a0demande refusée']);
		const jobs = screen.getByRole('region', { name: /Emploi/ });
		expect(within(jobs).getByText('Part des CDI').nextElementSibling?.textContent).toBe('57,14\u00a0%');
	});

	it('compares the jobs before and after on the same structures, or says there is nothing to compare', async () => {
		withLine({});
		render(Page);
		const followUp = await screen.findByRole('region', { name: /Au suivi/ });
		expect(followUp.querySelector('p')?.textContent?.trim()).toBe(
			'Sur 1\u00a0structure suivie dont les deux relevés sont connus\u00a0:'
		);
		const salaries = within(followUp).getByText('Salariés').closest('tr');
		expect(salaries).toHaveTextContent('Salariés34+1');
	});

	it('leaves out the share without a line, and says when no follow-up compares the jobs', async () => {
		withLine({ compared: 0, cases_cost_ht: null, line_share: null });
		render(Page);
		expect(await screen.findByText("Aucun suivi de la période ne compare l'emploi au diagnostic.")).toBeInTheDocument();
		expect(screen.queryByText('Part payée par la ligne')).toBeNull();
	});
});
