import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Diagnostic, DiagnosticInput, DomainScore } from '$lib/bindings';
import { session } from '$lib/session.svelte';
import { reference } from '$lib/test/fixtures';
import DiagnosticForm from './DiagnosticForm.svelte';

const domains = ['project', 'activities', 'governance'] as const;

function diagnostic(over: Partial<Diagnostic> = {}): Diagnostic {
	return {
		case_id: 'case-1',
		interviews: [],
		scores: domains.map((domain): DomainScore => ({ domain, score: null, finding: null, priority: false })),
		problem_statement: null,
		recommendations: null,
		validated_on: null,
		author: null,
		headcount: null,
		etp: null,
		updated_at: null,
		previous: null,
		...over
	};
}

describe('DiagnosticForm', () => {
	beforeEach(() => {
		session.reference = reference;
	});
	afterEach(() => clearMocks());

	it('sends the scores, findings and priorities typed in the grid', async () => {
		let sent: DiagnosticInput | undefined;
		mockIPC((cmd, args) => {
			if (cmd === 'save_diagnostic') {
				sent = (args as { input: DiagnosticInput }).input;
				return diagnostic({ updated_at: '2026-11-25T10:00:00Z' });
			}
		});
		const onsaved = vi.fn();
		render(DiagnosticForm, { caseId: 'case-1', diagnostic: diagnostic(), structure: null, onsaved });
		const user = userEvent.setup();
		await user.click(screen.getAllByRole('radio', { name: '3 – Point fort' })[0]);
		await user.click(screen.getAllByRole('radio', { name: '1 – Fragile' })[2]);
		await user.type(screen.getByLabelText('Constat : Gouvernance et bénévolat'), 'Bureau à renouveler.');
		await user.click(screen.getByLabelText('Prioritaire : Gouvernance et bénévolat'));
		expect(screen.getByText(/2 domaines notés sur 3/)).toBeInTheDocument();
		await user.click(screen.getByRole('button', { name: 'Enregistrer le diagnostic' }));

		expect(sent?.scores).toEqual([
			{ domain: 'project', score: '3', finding: '', priority: false },
			{ domain: 'activities', score: '', finding: '', priority: false },
			{ domain: 'governance', score: '1', finding: 'Bureau à renouveler.', priority: true }
		]);
		expect(onsaved).toHaveBeenCalled();
		expect(await screen.findByText('Diagnostic enregistré.')).toBeInTheDocument();
	});

	it('shows the earlier diagnostic’s score beside each domain', () => {
		render(DiagnosticForm, {
			caseId: 'case-1',
			diagnostic: diagnostic({
				previous: {
					case_id: 'case-0',
					reference: '2022-004',
					validated_on: '2022-03-01',
					scores: domains.map((domain, i) => ({ domain, score: i, finding: null, priority: false }))
				}
			}),
			structure: null,
			onsaved: vi.fn()
		});
		expect(screen.getByRole('columnheader', { name: '2022-004' })).toBeInTheDocument();
		const earlier = [...document.querySelectorAll('.score-chip')];
		expect(earlier.map((chip) => [chip.textContent, chip.getAttribute('title')])).toEqual([
			['0', 'Critique'],
			['1', 'Fragile'],
			['2', 'Satisfaisant']
		]);
	});

	it('puts a refused score on its domain, in French', async () => {
		mockIPC((cmd) => {
			if (cmd === 'save_diagnostic')
				throw {
					code: 'validation',
					field: 'scores.0.score',
					message: 'La note du domaine « Projet et utilité sociale » va de 0 à 3 (saisi : « 4 »).'
				};
		});
		render(DiagnosticForm, { caseId: 'case-1', diagnostic: diagnostic(), structure: null, onsaved: vi.fn() });
		await userEvent.setup().click(screen.getByRole('button', { name: 'Enregistrer le diagnostic' }));
		expect(await screen.findAllByText(/va de 0 à 3/)).toHaveLength(2);
		expect(document.activeElement?.id).toBe('f-diagnostic.scores.0.score');
	});

	it('is read-only for a finished case', () => {
		render(DiagnosticForm, { caseId: 'case-1', diagnostic: diagnostic(), structure: null, readonly: true, onsaved: vi.fn() });
		expect(screen.queryByRole('button', { name: 'Enregistrer le diagnostic' })).not.toBeInTheDocument();
		expect(screen.getAllByRole('radio')[0]).toBeDisabled();
	});
});
