import { beforeEach, describe as suite, expect, it } from 'vitest';
import { describe } from './history';
import { session } from './session.svelte';
import { reference } from './test/fixtures';

suite('history', () => {
	beforeEach(() => {
		session.reference = reference;
	});

	it('reads coded values through the reference lists', () => {
		expect(describe([{ field: 'stage', from: 'intake', to: 'diagnostic' }])).toEqual([
			{ label: 'Étape', from: 'Accueil', to: 'Diagnostic partagé' }
		]);
		expect(describe([{ field: 'jobs', from: null, to: 'plus' }])).toEqual([
			{ label: 'Emplois', from: '—', to: '+ En progrès' }
		]);
	});

	it('sums up the diagnostic grid and the ingénierie’s money', () => {
		const scores = [
			{ domain: 'project', score: 2 },
			{ domain: 'activities', score: null }
		];
		expect(describe([{ field: 'scores', from: [], to: scores }])[0].to).toBe('1\u00a0domaine noté');
		const [vat, cost] = describe([
			{ field: 'vat_rate', from: 2000, to: 550 },
			{ field: 'cost_ttc', from: null, to: 269010 }
		]);
		expect([vat.from, vat.to]).toEqual(['20 %', '5,5 %']);
		expect(cost.to).toMatch(/2\s690,10\s€/);
	});
});
