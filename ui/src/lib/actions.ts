// Small Svelte actions shared by components.

/** Moves keyboard focus to the element when it appears (a confirmation's main button). */
export function focusOnMount(node: HTMLElement) {
	node.focus();
}
