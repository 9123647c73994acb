// Lists load at once when their screen opens, then refresh as their filters change, a
// moment after the last keystroke, so that typing a search does not send one query per
// letter.
import { untrack } from 'svelte';

/** Called from a page's script: the first load is asked right away, while the page is
 * still being drawn (an effect would only run once it is: 150 ms later on the cases list
 * at start), then again a moment after `track`'s values change: `delayMs`, or what it
 * says for this change (a page may wait for typing but not for a choice in a list). */
export function refreshOnChange(
	track: () => unknown,
	refresh: () => void,
	delayMs: number | (() => number) = 120
): void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	let first = true;
	untrack(refresh);
	$effect(() => {
		track();
		if (first) {
			first = false;
			return;
		}
		clearTimeout(timer);
		timer = setTimeout(refresh, untrack(() => (typeof delayMs === 'number' ? delayMs : delayMs())));
		return () => clearTimeout(timer);
	});
}
