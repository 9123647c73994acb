import { render, screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Stage, TimelineEntry } from '$lib/bindings';
import { session } from '$lib/session.svelte';
import { reference } from '$lib/test/fixtures';
import Stepper from './Stepper.svelte';

function entry(from: Stage | null, to: Stage, date: string): TimelineEntry {
	return {
		id: `${to}-${date}`,
		from,
		to,
		date,
		author: 'Camille Martin',
		comment: null,
		reason: null,
		partner: null,
		recorded_at: `${date}T10:00:00Z`
	};
}

const steps = () =>
	screen.getAllByRole('listitem').map((li) => li.textContent?.replace(/\s+/g, ' ').trim() ?? '');

describe('Stepper', () => {
	beforeEach(() => {
		session.reference = reference;
	});

	it('marks the stages done, the current one with its date, and those to come', () => {
		render(Stepper, {
			stage: 'plan',
			timeline: [
				entry(null, 'intake', '2026-01-05'),
				entry('intake', 'diagnostic', '2026-01-12'),
				entry('diagnostic', 'plan', '2026-02-23')
			]
		});
		const items = screen.getAllByRole('listitem');
		expect(items).toHaveLength(6);
		expect(items[2]).toHaveAttribute('aria-current', 'step');
		expect(steps()[0]).toContain('05/01/2026');
		expect(steps()[0]).toContain('(terminée)');
		expect(steps()[2]).toContain('depuis le 23/02/2026');
		expect(steps()[3]).toContain('(à venir)');
		expect(within(items[5]).getByText('Clôture')).toBeInTheDocument();
	});

	it('shows an engineering stage skipped when the plan went straight to the follow-up', () => {
		render(Stepper, {
			stage: 'follow_up',
			timeline: [
				entry(null, 'intake', '2026-01-05'),
				entry('intake', 'diagnostic', '2026-01-12'),
				entry('diagnostic', 'plan', '2026-02-23'),
				entry('plan', 'follow_up', '2026-03-30')
			]
		});
		expect(steps()[3]).toContain('sans ingénierie');
		expect(steps()[3]).toContain('(sautée)');
		expect(steps()[4]).toContain('depuis le 30/03/2026');
	});

	it('shows where an abandoned case was interrupted', () => {
		render(Stepper, {
			stage: 'abandoned',
			timeline: [
				entry(null, 'intake', '2026-01-05'),
				entry('intake', 'diagnostic', '2026-01-12'),
				entry('diagnostic', 'abandoned', '2026-02-02')
			]
		});
		expect(steps()[1]).toContain('interrompu');
		expect(steps()[2]).toContain('(à venir)');
	});
});
