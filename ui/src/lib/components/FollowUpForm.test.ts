import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { FollowUp } from '$lib/bindings';
import { session } from '$lib/session.svelte';
import { reference } from '$lib/test/fixtures';
import FollowUpForm from './FollowUpForm.svelte';

const followUp: FollowUp = {
	case_id: 'case-1',
	record: null,
	due: { from: '2027-04-21', until: '2027-10-21', state: 'upcoming' },
	diagnostic_headcount: 4,
	diagnostic_etp: 250
};

describe('FollowUpForm', () => {
	beforeEach(() => {
		session.reference = reference;
	});

	it('starts with no date and says when a typed one falls outside the 12–18 month window', async () => {
		render(FollowUpForm, { caseId: 'case-1', followUp, onsaved: () => {} });
		const date = screen.getByLabelText(/Date du suivi/) as HTMLInputElement;
		expect(date.value).toBe('');
		await userEvent.type(date, '21/05/2026');
		expect(screen.getByText(/Ce suivi est daté avant sa fenêtre/)).toHaveTextContent(/du 21\/04\/2027 au 21\/10\/2027/);
		await userEvent.clear(date);
		await userEvent.type(date, '02/06/2027');
		expect(screen.queryByText(/Ce suivi est daté/)).toBeNull();
	});
});
