// What every screen must hold at any window size, checked in the page itself: nothing wider
// than its container, no button whose text is cut, no serious accessibility violation
// (axe-core, injected from node_modules), and a visible keyboard focus.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Elements of the page that overflow horizontally, each described for the failure message. */
export function overflows() {
	return browser.execute(() => {
		const describe = (el) => {
			const text = (el.innerText || el.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim().slice(0, 60);
			const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
			return `${el.tagName.toLowerCase()}${cls} « ${text} »`;
		};
		const out = [];
		const root = document.documentElement;
		if (root.scrollWidth > root.clientWidth + 1) out.push(`la page défile horizontalement (${root.scrollWidth} > ${root.clientWidth} px)`);
		// Only the main area scrolls: the menu stays in place beside it.
		if (root.scrollHeight > root.clientHeight + 1) out.push(`la fenêtre entière défile (${root.scrollHeight} > ${root.clientHeight} px)`);
		const hidden = (el) => {
			const cs = getComputedStyle(el);
			return cs.display === 'none' || cs.visibility === 'hidden' || el.getClientRects().length === 0;
		};
		for (const el of document.querySelectorAll('body *')) {
			if (hidden(el)) continue;
			const cs = getComputedStyle(el);
			// A visually hidden label is clipped on purpose.
			if (cs.clip === 'rect(0px, 0px, 0px, 0px)' || cs.clipPath === 'inset(50%)') continue;
			const scrolls = cs.overflowX === 'auto' || cs.overflowX === 'scroll';
			if (scrolls && el.scrollWidth > el.clientWidth + 1) {
				out.push(`${describe(el)} défile horizontalement (${el.scrollWidth} > ${el.clientWidth} px)`);
				continue;
			}
			if ((el.tagName === 'BUTTON' || el.classList.contains('btn')) && el.scrollWidth > el.clientWidth + 1) {
				out.push(`${describe(el)} : le texte du bouton est coupé`);
				continue;
			}
			if (cs.position === 'absolute' || cs.position === 'fixed') continue;
			const parent = el.parentElement;
			if (!parent || hidden(parent)) continue;
			const pcs = getComputedStyle(parent);
			if (pcs.overflowX !== 'visible' && pcs.overflowX !== 'clip') continue;
			// A cut marked by « … » whose whole text is in a title (a long name in a list's
			// cell) is meant; a cut without either is a fault.
			if (pcs.overflowX === 'clip' && pcs.textOverflow === 'ellipsis' && parent.closest('[title]')?.title) continue;
			const box = parent.getBoundingClientRect();
			const right = box.right - parseFloat(pcs.borderRightWidth);
			const r = el.getBoundingClientRect();
			if (r.width > 0 && r.right > right + 1) {
				out.push(`${describe(el)} dépasse de ${Math.round(r.right - right)} px de ${describe(parent)}`);
			}
		}
		return out;
	});
}

/** axe-core's serious and critical violations on the page as it stands. */
export async function seriousViolations() {
	const has = await browser.execute(() => typeof window.axe !== 'undefined');
	if (!has) await browser.execute(axeSource);
	return browser.execute(async () => {
		const results = await window.axe.run(document, { resultTypes: ['violations'] });
		return results.violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map((v) => `${v.id} (${v.impact}) : ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' ; ')}`);
	});
}

/** After a few Tab presses, the focused control shows an outline or a ring. */
export async function focusIsVisible(presses = 3) {
	for (let i = 0; i < presses; i++) await browser.keys(['Tab']);
	return browser.execute(() => {
		const el = document.activeElement;
		if (!el || el === document.body) return 'aucun contrôle ne reçoit le focus';
		const cs = getComputedStyle(el);
		const ring = (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== 'none';
		return ring ? '' : `le focus sur ${el.tagName.toLowerCase()} « ${(el.innerText || '').trim().slice(0, 40)} » ne se voit pas`;
	});
}
