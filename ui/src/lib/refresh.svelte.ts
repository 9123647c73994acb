// Lists load at once when their screen opens, then refresh as their filters change, a
// moment after the last keystroke, so that typing a search does not send one query per
// letter.
import { untrack } from 'svelte';

export function refreshOnChange(track: () => unknown, refresh: () => void, delayMs = 120): void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	let first = true;
	$effect(() => {
		track();
		clearTimeout(timer);
		if (first) {
			first = false;
			untrack(refresh);
			return;
		}
		timer = setTimeout(refresh, delayMs);
		return () => clearTimeout(timer);
	});
}
