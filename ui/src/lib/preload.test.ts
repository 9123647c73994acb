import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const preloadCode = vi.fn<(path: string) => Promise<void>>();
vi.mock('$app/navigation', () => ({ preloadCode: (path: string) => preloadCode(path) }));

const { preloadScreens } = await import('./preload');

describe('preloadScreens', () => {
	beforeEach(() => {
		// The app's page, as Tauri serves it: a hash route on any other path is another site.
		window.history.replaceState(null, '', '/index.html#/cases');
		vi.useFakeTimers();
	});
	afterEach(() => {
		vi.useRealTimers();
		preloadCode.mockReset();
	});

	it('waits for the first screen, then loads each screen one after the other', async () => {
		const order: string[] = [];
		let release: () => void = () => {};
		preloadCode.mockImplementation(async (path) => {
			order.push(path);
			if (path.endsWith('#/cases')) await new Promise<void>((resolve) => (release = resolve));
		});
		preloadScreens(['/cases', '/structures', '/structures/x'], 1500);
		await vi.advanceTimersByTimeAsync(1499);
		expect(order).toEqual([]);
		await vi.advanceTimersByTimeAsync(1);
		expect(order).toEqual(['/index.html#/cases']);
		release();
		await vi.advanceTimersByTimeAsync(0);
		expect(order).toEqual(['/index.html#/cases', '/index.html#/structures', '/index.html#/structures/x']);
	});

	it('goes on past a screen that fails to load, and stops when asked', async () => {
		preloadCode.mockRejectedValueOnce(new Error('chunk missing'));
		preloadScreens(['/today', '/cases'], 10);
		await vi.advanceTimersByTimeAsync(10);
		expect(preloadCode.mock.calls.map((c) => c[0])).toEqual(['/index.html#/today', '/index.html#/cases']);

		preloadCode.mockReset();
		const stop = preloadScreens(['/reports'], 10);
		stop();
		await vi.advanceTimersByTimeAsync(50);
		expect(preloadCode).not.toHaveBeenCalled();
	});
});
