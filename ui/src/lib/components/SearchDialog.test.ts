import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SearchResults } from '$lib/bindings';
import SearchDialog from './SearchDialog.svelte';

describe('SearchDialog', () => {
	afterEach(() => clearMocks());

	it('asks nothing while closed or under two letters, then searches what is typed', async () => {
		const asked: string[] = [];
		mockIPC((cmd, args) => {
			if (cmd === 'search') {
				const { query } = args as { query: string };
				asked.push(query);
				return { query, groups: [] } satisfies SearchResults;
			}
		});
		const closed = render(SearchDialog, { open: false });
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(asked).toEqual([]);
		closed.unmount();

		render(SearchDialog, { open: true });
		const user = userEvent.setup();
		const field = await screen.findByRole('combobox');
		await user.type(field, 't');
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(asked).toEqual([]);
		await user.type(field, 'h');
		await vi.waitFor(() => expect(asked).toEqual(['th']));
		expect(await screen.findByText(/Aucun résultat pour «\s?th\s?»/)).toBeInTheDocument();
	});
});
