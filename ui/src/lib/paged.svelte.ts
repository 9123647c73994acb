// A list the core cuts into pages: the window holds the pages around what is shown, never
// the whole list. Rows are kept shallow (`$state.raw`): a list re-renders when a page
// arrives, not on every property of every row.
import type { Page, PageRequest } from './bindings';
import { asCommandError } from './api';

/** Rows asked for at a time: a few screenfuls. */
export const PAGE_SIZE = 100;

/** The most rows the core gives in one call (`jalons_core::paging::MAX_PAGE`). */
const MAX_PAGE = 500;

/** Pages kept beyond those around the window, dropped farthest first. */
const KEPT_PAGES = 12;

export class PagedRows<T> {
	/** How many rows the whole filtered list holds, as of the last page received. */
	total = $state(0);
	/** The first page of the current filter has arrived (or failed). */
	loaded = $state(false);
	error = $state<string | null>(null);
	/** How many times the list was read again from its start (a new filter or sort). */
	resets = $state(0);
	/** The pages here, by number; replaced whole when one arrives. */
	#pages = $state.raw<Record<number, T[]>>({});
	/** The pages asked for and not yet received. */
	#pending: Record<number, true> = {};
	#generation = 0;
	readonly #fetch: (page: PageRequest) => Promise<Page<T>>;

	constructor(fetch: (page: PageRequest) => Promise<Page<T>>) {
		this.#fetch = fetch;
	}

	/** The row at a position, or undefined while its page is on its way. */
	row(index: number): T | undefined {
		return this.#pages[Math.floor(index / PAGE_SIZE)]?.[index % PAGE_SIZE];
	}

	/** Forgets every page (the filter or the sort changed, or the data did) and reads the
	 * first one again. */
	async reset(): Promise<void> {
		this.#generation++;
		this.resets++;
		this.#pending = {};
		await this.#load(0, true);
	}

	/** Reads the pages holding positions `from` to `to` (excluded) that are not here yet. */
	ensure(from: number, to: number): void {
		const last = Math.min(to, this.total) - 1;
		for (let page = Math.floor(Math.max(from, 0) / PAGE_SIZE); page <= Math.floor(last / PAGE_SIZE); page++) {
			if (!(page in this.#pages) && !(page in this.#pending)) void this.#load(page, false);
		}
	}

	async #load(page: number, fresh: boolean): Promise<void> {
		const generation = this.#generation;
		this.#pending[page] = true;
		try {
			const got = await this.#fetch({ offset: page * PAGE_SIZE, limit: PAGE_SIZE });
			// An answer for a filter since replaced is dropped.
			if (generation !== this.#generation) return;
			this.#pages = trimmed({ ...(fresh ? {} : this.#pages), [page]: got.rows }, page);
			this.total = got.total;
			this.error = null;
		} catch (e) {
			if (generation !== this.#generation) return;
			this.error = asCommandError(e).message;
			if (fresh) {
				this.#pages = {};
				this.total = 0;
			}
		} finally {
			if (generation === this.#generation) {
				delete this.#pending[page];
				if (fresh) this.loaded = true;
			}
		}
	}
}

/** A list shown from its start, a batch more at each « Afficher plus » (a structure's
 * journal): the rows shown so far are read again after a change, in one call. */
export class GrowingRows<T> {
	rows = $state.raw<T[]>([]);
	/** How many rows the whole list holds, as of the last page received. */
	total = $state(0);
	loaded = $state(false);
	error = $state<string | null>(null);
	#generation = 0;
	readonly #fetch: (page: PageRequest) => Promise<Page<T>>;
	/** How many rows « Afficher plus » adds. */
	readonly batch: number;

	constructor(fetch: (page: PageRequest) => Promise<Page<T>>, batch: number) {
		this.#fetch = fetch;
		this.batch = batch;
	}

	/** The rows not shown yet. */
	get left(): number {
		return Math.max(0, this.total - this.rows.length);
	}

	/** Reads the list again from its start: as many rows as were shown, a batch at least. */
	async reload(): Promise<void> {
		const limit = Math.min(MAX_PAGE, Math.max(this.batch, this.rows.length));
		await this.#read({ offset: 0, limit }, (page) => page.rows);
	}

	/** The next batch, after the rows shown. */
	async more(): Promise<void> {
		await this.#read({ offset: this.rows.length, limit: this.batch }, (page) => [...this.rows, ...page.rows]);
	}

	async #read(request: PageRequest, rows: (page: Page<T>) => T[]): Promise<void> {
		const generation = ++this.#generation;
		try {
			const page = await this.#fetch(request);
			// A later read was asked meanwhile: its answer is the one to show.
			if (generation !== this.#generation) return;
			this.rows = rows(page);
			this.total = page.total;
			this.error = null;
		} catch (e) {
			if (generation === this.#generation) this.error = asCommandError(e).message;
		}
		this.loaded = true;
	}
}

/** Every row of a list, page after page, for the pickers that offer them all. */
export async function everyRow<T>(fetch: (page: PageRequest) => Promise<Page<T>>): Promise<T[]> {
	const all: T[] = [];
	for (;;) {
		const page = await fetch({ offset: all.length, limit: MAX_PAGE });
		all.push(...page.rows);
		if (page.rows.length === 0 || all.length >= page.total) return all;
	}
}

/** The pages to keep once `latest` arrived: the nearest to it. */
function trimmed<T>(pages: Record<number, T[]>, latest: number): Record<number, T[]> {
	const numbers = Object.keys(pages).map(Number);
	if (numbers.length <= KEPT_PAGES) return pages;
	const keep = numbers.sort((a, b) => Math.abs(a - latest) - Math.abs(b - latest)).slice(0, KEPT_PAGES);
	return Object.fromEntries(keep.map((k) => [k, pages[k]]));
}
