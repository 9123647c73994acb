// What a page should show when it opens from elsewhere: a search result in a case's journal
// opens that case on its Journal tab.
export const intent = $state<{ caseTab: string | null }>({ caseTab: null });

/** The tab asked for, once: reading it clears it. */
export function takeCaseTab(): string | null {
	const tab = intent.caseTab;
	intent.caseTab = null;
	return tab;
}
