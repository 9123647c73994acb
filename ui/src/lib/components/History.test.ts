import { cleanup, render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry, Page, PageRequest } from '$lib/bindings';
import History from './History.svelte';

const edit = (i: number): AuditEntry => ({
	entity: 'structure',
	at: `2026-01-01T10:${String(i % 60).padStart(2, '0')}:00Z`,
	actor: `Agent ${i}`,
	action: 'update',
	changes: [{ field: 'name', from: `Nom ${i}`, to: `Nom ${i + 1}` }]
});

describe('History', () => {
	afterEach(() => cleanup());

	it('shows the latest changes first, the rest on demand, and reads them again once the record is saved', async () => {
		let edits = Array.from({ length: 40 }, (_, i) => edit(i));
		const asked: PageRequest[] = [];
		const read = async (page: PageRequest): Promise<Page<AuditEntry>> => {
			asked.push(page);
			return { rows: edits.slice(page.offset, page.offset + page.limit), offset: page.offset, total: edits.length };
		};
		const view = render(History, { read, version: 0 });
		expect(await screen.findByText(/par Agent 29/)).toBeInTheDocument();
		expect(screen.queryByText(/par Agent 30/)).toBeNull();
		const user = userEvent.setup();
		await user.click(screen.getByRole('button', { name: 'Afficher 10\u00a0modifications de plus (10\u00a0restantes)' }));
		expect(await screen.findByText(/par Agent 39/)).toBeInTheDocument();
		expect(screen.queryByRole('button')).toBeNull();

		edits = [edit(99), ...edits];
		await view.rerender({ read, version: 1 });
		expect(await screen.findByText(/par Agent 99/)).toBeInTheDocument();
		expect(asked).toEqual([
			{ offset: 0, limit: 30 },
			{ offset: 30, limit: 30 },
			{ offset: 0, limit: 40 }
		]);
		expect(screen.getByRole('button', { name: 'Afficher 1\u00a0modification de plus (1\u00a0restante)' })).toBeInTheDocument();
	});
});
