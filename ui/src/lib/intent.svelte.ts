// What a page should show when it opens from elsewhere: a search result in a case's journal
// opens that case on its Journal tab; a page left because its record was deleted says so on
// the page it leads to.
export const intent = $state<{ caseTab: string | null; notice: string | null }>({ caseTab: null, notice: null });

/** The tab asked for, once: reading it clears it. */
export function takeCaseTab(): string | null {
	const tab = intent.caseTab;
	intent.caseTab = null;
	return tab;
}

/** What the page opened should tell, once: reading it clears it. */
export function takeNotice(): string | null {
	const notice = intent.notice;
	intent.notice = null;
	return notice;
}
