import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import * as fmt from '$lib/format';
import TextField from './TextField.svelte';

describe('TextField', () => {
	it('leaves a date empty and fills today only when asked', async () => {
		render(TextField, { label: 'Date du suivi', field: 'done_on', type: 'date', offerToday: true });
		const input = screen.getByLabelText(/Date du suivi/) as HTMLInputElement;
		expect(input.value).toBe('');
		await userEvent.click(screen.getByRole('button', { name: "Aujourd'hui" }));
		expect(input.value).toBe(fmt.today());
	});

	it('offers no button on a date that does not ask for it', () => {
		render(TextField, { label: 'Annulée le', field: 'cancelled_on', type: 'date' });
		expect(screen.queryByRole('button')).toBeNull();
	});
});
