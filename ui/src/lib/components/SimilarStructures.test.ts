import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { summary } from '$lib/test/fixtures';
import SimilarStructures from './SimilarStructures.svelte';

describe('SimilarStructures', () => {
	afterEach(() => clearMocks());

	it('lists existing structures whose name is close, archived ones included', async () => {
		let asked: unknown;
		mockIPC((cmd, args) => {
			if (cmd === 'list_structures') {
				asked = (args as { filter: unknown }).filter;
				return { rows: [summary({ archived: true })], offset: 0, total: 1 };
			}
		});
		render(SimilarStructures, { name: 'compagnie sillon' });
		expect(await screen.findByText('Cette structure existe peut-être déjà :')).toBeInTheDocument();
		expect(screen.getByRole('link', { name: 'Compagnie du Sillon' })).toBeInTheDocument();
		expect(screen.getByText(/archivée/)).toBeInTheDocument();
		expect(asked).toMatchObject({ query: 'compagnie sillon', archived: 'all' });
	});

	it('stays silent for short names and when the lookup fails', async () => {
		mockIPC((cmd) => {
			if (cmd === 'list_structures') throw { code: 'storage', message: 'occupée' };
		});
		const { rerender } = render(SimilarStructures, { name: 'Cie' });
		await rerender({ name: 'Compagnie' });
		await new Promise((r) => setTimeout(r, 400));
		expect(screen.queryByRole('status')).not.toBeInTheDocument();
	});
});
