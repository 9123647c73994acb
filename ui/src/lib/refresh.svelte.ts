// Lists refresh as their filters change, a moment after the last keystroke, so typing a
// search does not send one query per letter.
export function refreshOnChange(track: () => unknown, refresh: () => void, delayMs = 120): void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	$effect(() => {
		track();
		clearTimeout(timer);
		timer = setTimeout(refresh, delayMs);
		return () => clearTimeout(timer);
	});
}
