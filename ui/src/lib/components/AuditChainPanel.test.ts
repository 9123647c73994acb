import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import AuditChainPanel from './AuditChainPanel.svelte';

describe('AuditChainPanel', () => {
	afterEach(() => clearMocks());

	it('says the chain is whole, with its count of rows', async () => {
		mockIPC((cmd) => (cmd === 'check_audit_chain' ? { rows: 12345, broken: null } : undefined));
		render(AuditChainPanel);
		await userEvent.setup().click(screen.getByRole('button', { name: 'Vérifier le journal' }));
		expect((await screen.findByRole('status')).textContent?.replace(/\s/g, ' ')).toBe('12 345 lignes, chaîne intacte.');
	});

	it('says where the chain is broken and what to do', async () => {
		const broken = 'rompue à la ligne n°\u00a042 (du 01/03/2025)\u00a0: son contenu a été modifié';
		mockIPC((cmd) => (cmd === 'check_audit_chain' ? { rows: 42, broken } : undefined));
		render(AuditChainPanel);
		await userEvent.setup().click(screen.getByRole('button', { name: 'Vérifier le journal' }));
		const alert = await screen.findByRole('alert');
		expect(alert.textContent).toContain('ligne n°\u00a042');
		expect(alert.textContent).toContain('gardez ce fichier tel quel');
	});
});
