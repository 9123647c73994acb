import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { render } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import DatabaseUpdate from './DatabaseUpdate.svelte';

describe('DatabaseUpdate', () => {
	afterEach(() => {
		clearMocks();
		vi.useRealTimers();
	});

	it('says nothing of a quick opening, then tells of an update while it lasts', async () => {
		vi.useFakeTimers();
		let updating = false;
		let asked = 0;
		mockIPC((cmd) => {
			if (cmd === 'database_updating') {
				asked++;
				return updating;
			}
		});
		const { container, unmount } = render(DatabaseUpdate);
		const said = () => container.textContent?.replace(/[ \t\n]+/g, ' ').trim() ?? '';
		await vi.advanceTimersByTimeAsync(300);
		expect(asked).toBe(0);
		await vi.advanceTimersByTimeAsync(200);
		expect(asked).toBe(1);
		expect(said()).toBe('');

		updating = true;
		await vi.advanceTimersByTimeAsync(500);
		expect(said()).toContain('Mise à jour de la base de données…');
		expect(said()).toContain('grande base\u00a0: laissez Jalons ouvert.');

		updating = false;
		await vi.advanceTimersByTimeAsync(500);
		expect(said()).toBe('');
		unmount();
		const before = asked;
		await vi.advanceTimersByTimeAsync(2000);
		expect(asked).toBe(before);
	});
});
