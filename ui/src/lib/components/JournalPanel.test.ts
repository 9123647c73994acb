import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { cleanup, render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { JournalEntry, PageRequest } from '$lib/bindings';
import { session } from '$lib/session.svelte';
import { reference } from '$lib/test/fixtures';
import JournalPanel from './JournalPanel.svelte';

const entry = (i: number): JournalEntry => ({
	id: `j${i}`,
	structure_id: 's1',
	structure_name: 'Compagnie du Sillon',
	case_id: null,
	case_reference: null,
	kind: 'call',
	occurred_on: `2025-${String(1 + (i % 12)).padStart(2, '0')}-01`,
	duration: null,
	people: [],
	place: null,
	body: `Entrée n° ${i}`,
	attachments: 0,
	created_at: 't',
	updated_at: 't'
});

describe('JournalPanel', () => {
	// A structure's 45 entries, as the core pages them.
	let entries: JournalEntry[];
	const asked: PageRequest[] = [];

	beforeEach(() => {
		session.reference = reference;
		entries = Array.from({ length: 45 }, (_, i) => entry(i));
		asked.length = 0;
		mockIPC((cmd, args) => {
			if (cmd === 'list_journal') {
				const { page } = args as { page: PageRequest };
				asked.push(page);
				return { rows: entries.slice(page.offset, page.offset + page.limit), offset: page.offset, total: entries.length };
			}
			if (cmd === 'delete_journal_entry') {
				entries = entries.filter((e) => e.id !== (args as { id: string }).id);
				return null;
			}
		});
	});
	afterEach(() => {
		cleanup();
		clearMocks();
	});

	it('shows a first batch of a long journal, the rest on demand, and keeps what is shown after a deletion', async () => {
		render(JournalPanel, { structureId: 's1' });
		const list = await screen.findByRole('list', { name: 'Journal' });
		expect(await within(list).findAllByRole('listitem')).toHaveLength(30);
		const user = userEvent.setup();
		await user.click(screen.getByRole('button', { name: 'Afficher 15\u00a0entrées de plus (15\u00a0restantes)' }));
		expect(await within(list).findByText('Entrée n° 44')).toBeInTheDocument();
		expect(within(list).getAllByRole('listitem')).toHaveLength(45);
		expect(screen.queryByRole('button', { name: /Afficher/ })).toBeNull();

		await user.click(within(list).getAllByRole('button', { name: /^Supprimer…/ })[0]);
		await user.click(within(list).getByRole('button', { name: 'Supprimer' }));
		await within(list).findByText('Entrée n° 1');
		expect(within(list).queryByText('Entrée n° 0')).toBeNull();
		expect(within(list).getAllByRole('listitem')).toHaveLength(44);
		expect(asked).toEqual([
			{ offset: 0, limit: 30 },
			{ offset: 30, limit: 30 },
			{ offset: 0, limit: 45 }
		]);
	});
});
