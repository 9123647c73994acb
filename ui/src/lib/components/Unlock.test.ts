import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import Unlock from './Unlock.svelte';

const RECOVERY = 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789-ABCD-EFGH-JKMN-PQRS-TVWX';

describe('Unlock', () => {
	afterEach(() => clearMocks());

	it('chooses a passphrase, shows the refusal on its field, then the recovery key to keep', async () => {
		const sent: unknown[] = [];
		mockIPC((cmd, args) => {
			if (cmd === 'passphrase_strength') return { score: 1, label: 'Faible', hint: 'Trop facile à deviner.', acceptable: false };
			if (cmd === 'protect_database') {
				sent.push(args);
				if (sent.length === 1)
					throw { code: 'validation', field: 'passphrase_confirmation', message: 'Les deux saisies ne sont pas identiques.' };
				return { recovery_key: RECOVERY, keyring_problem: null };
			}
		});
		render(Unlock, { need: 'create', database: '/d/jalons.sqlite' });
		const user = userEvent.setup();
		expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Protégez vos données');
		await user.type(screen.getByLabelText(/^Phrase secrète/), 'azerty');
		expect(await screen.findByText(/Solidité\s: Faible\. Trop facile à deviner\./)).toBeTruthy();
		await user.type(screen.getByLabelText(/^La même/), 'azertu');
		await user.click(screen.getByRole('button', { name: 'Chiffrer et continuer' }));
		expect(await screen.findByText('Les deux saisies ne sont pas identiques.')).toBeTruthy();
		expect(document.activeElement?.id).toBe('f-passphrase_confirmation');
		expect(sent[0]).toEqual({ phrase: 'azerty', confirmation: 'azertu', remember: true });

		await user.click(screen.getByRole('button', { name: 'Chiffrer et continuer' }));
		expect(await screen.findByText(RECOVERY)).toBeTruthy();
		const next = screen.getByRole('button', { name: 'Continuer' }) as HTMLButtonElement;
		expect(next.disabled).toBe(true);
		await user.click(screen.getByLabelText(/J'ai noté ou enregistré/));
		expect(next.disabled).toBe(false);
	});

	it('offers the recovery key when the passphrase is forgotten, then a new passphrase', async () => {
		const calls: [string, unknown][] = [];
		mockIPC((cmd, args) => {
			calls.push([cmd, args]);
			if (cmd === 'unlock_database') return { recovery_key: null, keyring_problem: null };
			if (cmd === 'passphrase_strength') return { score: 4, label: 'Très solide', hint: '', acceptable: true };
		});
		render(Unlock, { need: 'unlock', database: '/d/jalons.sqlite' });
		const user = userEvent.setup();
		expect((screen.getByLabelText(/Se souvenir de la clé/) as HTMLInputElement).checked).toBe(false);
		await user.click(screen.getByRole('button', { name: /Phrase oubliée/ }));
		await user.type(screen.getByLabelText(/^Clé de secours/), 'abcd efgh');
		await user.click(screen.getByRole('button', { name: 'Ouvrir' }));
		expect(calls.find(([c]) => c === 'unlock_database')?.[1]).toEqual({ recoveryKey: 'abcd efgh', remember: false });
		expect(await screen.findByRole('heading', { name: 'Choisissez une nouvelle phrase secrète' })).toBeTruthy();
	});
});
