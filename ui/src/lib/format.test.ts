import { describe, expect, it } from 'vitest';
import { date, dateInput, etp, etpInput, money, moneyInput, siren, siret, today } from './format';

// Intl uses narrow no-break spaces in fr-FR; compare with plain spaces.
const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

describe('French formatting', () => {
	it('shows cents as euros', () => {
		expect(plain(money(1250000))).toBe('12 500,00 €');
		expect(plain(money(1250000, true))).toBe('12 500 €');
		expect(money(null)).toBe('—');
	});
	it('shows ETP hundredths as decimals', () => {
		expect(etp(250)).toBe('2,5');
		expect(etpInput(875)).toBe('8,75');
	});
	it('shows ISO dates as dd/mm/yyyy', () => {
		expect(date('2026-11-25')).toBe('25/11/2026');
		expect(date('2026-11-25T10:00:00Z')).toBe('25/11/2026');
	});
	it('gives editable amounts back', () => {
		expect(plain(moneyInput(1250050))).toBe('12 500,50');
		expect(plain(moneyInput(18650000))).toBe('186 500');
	});
	it('groups SIREN and SIRET digits', () => {
		expect(siret('73282932000074')).toBe('732 829 320 00074');
		expect(siren('732829320')).toBe('732 829 320');
	});
	it('fills date fields the French way', () => {
		expect(dateInput('2006-02-18')).toBe('18/02/2006');
		expect(dateInput(null)).toBe('');
		expect(today()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
	});
});
