import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { cleanup, render, screen, waitFor } from '@testing-library/svelte';
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
		// Texts rather than roles: computing the roles of 45 entries' buttons is slow in jsdom.
		const shown = () => screen.getAllByText(/^Entrée n° \d+$/).map((p) => p.textContent);
		await screen.findByText('Entrée n° 29');
		expect(shown()).toHaveLength(30);
		const user = userEvent.setup();
		const more = document.querySelector('button.more') as HTMLButtonElement;
		expect(more.textContent?.replace(/\s+/g, (w) => (w.includes('\n') ? ' ' : w)).trim()).toBe(
			'Afficher 15\u00a0entrées de plus (15\u00a0restantes)'
		);
		await user.click(more);
		await screen.findByText('Entrée n° 44');
		expect(shown()).toHaveLength(45);
		expect(document.querySelector('button.more')).toBeNull();

		await user.click(screen.getAllByText('Supprimer…')[0]);
		await user.click(screen.getByText('Supprimer'));
		await waitFor(() => expect(screen.queryByText('Entrée n° 0')).toBeNull());
		expect(shown()).toHaveLength(44);
		expect(asked).toEqual([
			{ offset: 0, limit: 30 },
			{ offset: 30, limit: 30 },
			{ offset: 0, limit: 45 }
		]);
	});
});
