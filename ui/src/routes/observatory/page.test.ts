import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { cleanup, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DomainNeeds, Observatory, ObservatoryFilter, Totals } from '$lib/bindings';
import Page from './+page.svelte';

const totals = {
	cases: 3,
	structures: 3,
	requested_cases: 3,
	diagnosed: 2,
	engaged: 1,
	days: 250,
	cost_ht: 300_000,
	requested: 0,
	obtained: 0,
	headcount_diagnostic: 9,
	etp_diagnostic: 750,
	followed_up: 0,
	compared: 0,
	by_tool: [],
	criteria: [{ criterion: 'Emploi', plus: 0, equal: 0, minus: 0 }]
} as unknown as Totals;

const need = (domain: string, label: string, scores: [number, number, number, number], share: number | null, whole: number | null): DomainNeeds => ({
	domain,
	label,
	scores,
	unscored: 0,
	priority: 1,
	fragile_share: share,
	whole_fragile_share: whole
});

function observatory(filter: ObservatoryFilter): Observatory {
	const drome = filter.territory === 'departement:26';
	return {
		period: { from: '2026-01-01', to: '2026-12-31', funder_id: null, funder: null },
		scope: drome ? ['Drôme (26)'] : [],
		totals: { ...totals, cases: drome ? 2 : 3 },
		stages: [
			{ label: 'Accueil', count: 1 },
			{ label: 'Diagnostic partagé', count: drome ? 1 : 2 }
		],
		opened: [
			{ label: 'janv. 2026', count: 1 },
			{ label: 'févr. 2026', count: 0 }
		],
		departements: [
			{ code: '26', name: 'Drôme', structures: 2, cases: 2 },
			...(drome ? [] : [{ code: '07', name: 'Ardèche', structures: 1, cases: 1 }]),
			...(drome ? [] : [{ code: '974', name: 'La Réunion', structures: 1, cases: 1 }])
		],
		epcis: [],
		sectors: [{ label: '90.01Z Arts du spectacle vivant', count: 2 }],
		cultural_types: [],
		legal_forms: [{ label: 'Association loi 1901', count: 2 }],
		budget_bands: [],
		headcount_bands: [],
		themes: [],
		modes: [],
		funders: [],
		referrals: [],
		diagnostics: drome ? 1 : 2,
		whole_diagnostics: 2,
		needs: [need('employer', 'Fonction employeur et RH', [0, 1, 0, drome ? 0 : 1], drome ? 10_000 : 5_000, 5_000)],
		choices: {
			territories: [
				{ code: 'region:84', label: 'Région Auvergne-Rhône-Alpes' },
				{ code: 'departement:07', label: 'Ardèche (07)' },
				{ code: 'departement:26', label: 'Drôme (26)' }
			],
			nafs: [],
			legal_forms: [],
			cultural_types: []
		}
	};
}

describe('Observatoire', () => {
	let asked: ObservatoryFilter[];
	let saves: Record<string, unknown>[];
	beforeEach(() => {
		asked = [];
		saves = [];
		// The charts follow their box's size and draw once in view; jsdom has neither
		// observer: every chart is in view.
		vi.stubGlobal(
			'ResizeObserver',
			class {
				observe() {}
				disconnect() {}
			}
		);
		vi.stubGlobal(
			'IntersectionObserver',
			class {
				constructor(private seen: (entries: { isIntersecting: boolean }[]) => void) {}
				observe() {
					this.seen([{ isIntersecting: true }]);
				}
				disconnect() {}
			}
		);
		mockIPC((cmd, args) => {
			if (cmd === 'observatory') {
				const filter = (args as { filter: ObservatoryFilter }).filter;
				asked.push(filter);
				return observatory(filter);
			}
			if (cmd === 'save_observatory_table') {
				saves.push(args as Record<string, unknown>);
				return '/home/camille/Observatoire.xlsx';
			}
			return cmd === 'list_funders' ? [] : undefined;
		});
	});
	afterEach(() => {
		cleanup();
		clearMocks();
		vi.unstubAllGlobals();
	});

	// Twenty charts drawn twice in jsdom: seconds on a busy two-core machine.
	it('draws the period, says each chart in words, and compares a territory with the whole', async () => {
		render(Page);
		const scope = await screen.findByText(/du 01\/01\/2026 au 31\/12\/2026/);
		expect(scope.textContent?.replace(/\s+/g, ' ')).toContain('3 accompagnements de 3 structures');
		expect(scope).toHaveTextContent('toute la période');
		const stages = screen.getByRole('img', { name: /^Accompagnements par étape/ });
		expect(stages.getAttribute('aria-label')).toContain('Accueil\u00a0: 1\u202f; Diagnostic partagé\u00a0: 2.');
		const map = screen.getByRole('img', { name: /^Carte des structures/ });
		expect(map.querySelector('path title')?.textContent).toBe('Ain (01)\u00a0: 0\u00a0structure');
		const drome = [...map.querySelectorAll('title')].find((t) => t.textContent?.startsWith('Drôme'));
		expect(drome?.textContent).toBe('Drôme (26)\u00a0: 2\u00a0structures');
		expect(screen.getByText(/Outre-mer/)).toHaveTextContent('La Réunion (1 structure)');
		expect(screen.getAllByText('Aucune ingénierie engagée dans la sélection.')).toHaveLength(3);
		const needs = screen.getByRole('region', { name: 'Domaines fragiles et priorités' });
		expect(within(needs).queryByText('Ensemble')).toBeNull();

		await userEvent.selectOptions(screen.getByLabelText('Territoire'), 'Drôme (26)');
		expect(await screen.findByText(/· Drôme \(26\)/)).toBeInTheDocument();
		expect(asked.at(-1)).toMatchObject({ territory: 'departement:26', from: '01/01/2026', to: '31/12/2026' });
		const row = within(needs).getByText('Fonction employeur et RH').closest('tr');
		expect(row).toHaveTextContent('Fonction employeur et RH100 %50 % +50 pts1');
		expect(within(needs).getByText('Ensemble')).toBeInTheDocument();
		await userEvent.click(
			screen.getByRole('button', {
				name: 'Enregistrer les données de «\u00a0Accompagnements par étape au dernier jour\u00a0» en classeur Excel'
			})
		);
		expect(await screen.findByText('Enregistré : /home/camille/Observatoire.xlsx')).toBeInTheDocument();
		expect(saves).toEqual([
			{ chart: 'stages', format: 'xlsx', filter: expect.objectContaining({ territory: 'departement:26' }) }
		]);
		await userEvent.click(screen.getByRole('button', { name: 'Toute la période' }));
		expect(await screen.findByText(/toute la période/)).toBeInTheDocument();
		expect(asked.at(-1)?.territory).toBe('');
	}, 20_000);
});
