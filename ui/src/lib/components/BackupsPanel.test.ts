import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupInfo, BackupStatus } from '$lib/bindings';
import BackupsPanel from './BackupsPanel.svelte';
import Recovery from './Recovery.svelte';

const backup = (file_name: string, taken_at: string, structures: number): BackupInfo => ({
	file_name,
	taken_at,
	reason: 'manuelle',
	reason_label: 'Sauvegarde demandée',
	size: 2_500_000,
	holds: { structures, cases: 1, last_change: '2026-12-01T08:28:00Z' }
});

const status = (backups: BackupInfo[]): BackupStatus => ({
	folder: '/home/camille/.local/share/fr.jalons.app/jalons-sauvegardes',
	default_folder: true,
	backups,
	current: { structures: 3, cases: 2, last_change: null }
});

describe('BackupsPanel', () => {
	afterEach(() => clearMocks());

	it('backs up now and says what the new backup holds', async () => {
		const b = backup('jalons-2026-12-01-093000-manuelle.sqlite', '2026-12-01T09:30:00', 3);
		let taken = false;
		mockIPC((cmd) => {
			if (cmd === 'backup_status') return status(taken ? [b] : []);
			if (cmd === 'backup_now') {
				taken = true;
				return b;
			}
		});
		render(BackupsPanel);
		expect(await screen.findByText(/Aucune sauvegarde dans ce dossier/)).toBeTruthy();
		await userEvent.setup().click(screen.getByRole('button', { name: 'Sauvegarder maintenant' }));
		await screen.findByText(/^Sauvegarde du/);
		expect(screen.getByRole('status').textContent).toBe(
			'Sauvegarde du 01/12/2026 à 09:30 écrite\u00a0: 3\u00a0structures, 1\u00a0accompagnement.'
		);
		expect(screen.getByRole('table').textContent).toContain('2,4\u00a0Mo');
	});

	it('asks before restoring, saying what is replaced, and keeps a refusal in the dialog', async () => {
		const b = backup('jalons-2026-11-30-180000-manuelle.sqlite', '2026-11-30T18:00:00', 1);
		let asked: string | null = null;
		mockIPC((cmd, args) => {
			if (cmd === 'backup_status') return status([b]);
			if (cmd === 'restore_backup') {
				asked = (args as { fileName: string }).fileName;
				throw { code: 'disk_full', message: "Le disque est plein : rien n'a été enregistré." };
			}
		});
		render(BackupsPanel);
		const user = userEvent.setup();
		await user.click(await screen.findByRole('button', { name: 'Restaurer la sauvegarde du 30/11/2026 à 18:00' }));
		const dialog = await screen.findByRole('dialog');
		expect(dialog.textContent).toContain('Les données actuelles (3\u00a0structures, 2\u00a0accompagnements)');
		expect(dialog.textContent).toContain('1\u00a0structure, 1\u00a0accompagnement');
		await user.click(within(dialog).getByRole('button', { name: 'Restaurer' }));
		expect(asked).toBe('jalons-2026-11-30-180000-manuelle.sqlite');
		expect((await within(dialog).findByRole('alert')).textContent).toContain('Le disque est plein');
	});
});

describe('Recovery', () => {
	afterEach(() => clearMocks());

	it('offers the backups of a damaged database, and only a message for one in use', async () => {
		const b = backup('jalons-2026-11-30-180000-fermeture.sqlite', '2026-11-30T18:00:00', 12);
		const { unmount } = render(Recovery, {
			startup: {
				lock: null,
				problem: { code: 'damaged', message: 'La base /d/jalons.sqlite est endommagée (des pages sont abîmées).' },
				database: '/d/jalons.sqlite',
				backups: status([b])
			}
		});
		expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('La base de données est endommagée');
		expect(screen.getByRole('button', { name: 'Restaurer la sauvegarde du 30/11/2026 à 18:00' })).toBeTruthy();
		unmount();
		render(Recovery, {
			startup: {
				lock: null,
				problem: { code: 'in_use', message: 'Ce fichier est déjà ouvert par un autre Jalons.' },
				database: '/d/jalons.sqlite',
				backups: status([b])
			}
		});
		expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('La base de données est déjà ouverte');
		expect(screen.queryByRole('button', { name: /Restaurer/ })).toBeNull();
	});
});
