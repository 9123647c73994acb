import { preloadCode } from '$app/navigation';

/** How long after the first screen the others' code starts loading: the first screen's own
 * reads and paint come first. */
const AFTER_START_MS = 1500;

/** Each screen's code is fetched and compiled when it is first opened. Once the first screen
 * is up, the menu's screens and the pages they lead to are loaded one after the other, so
 * that a first click costs what a return does (on the demo, 20 to 75 ms of the first visit
 * of a screen went to loading its code). Returns what stops it. */
export function preloadScreens(routes: string[], afterMs = AFTER_START_MS): () => void {
	let stopped = false;
	const timer = setTimeout(async () => {
		for (const route of routes) {
			if (stopped) return;
			try {
				// A hash route: the page's own path (`/index.html` in the app), then `#` and the
				// route; any other path is another site to SvelteKit, which then loads nothing.
				await preloadCode(`${location.pathname}#${route}`);
			} catch {
				// A screen whose code did not load now loads on its first click, as before.
			}
		}
	}, afterMs);
	return () => {
		stopped = true;
		clearTimeout(timer);
	};
}
