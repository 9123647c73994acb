// What every form that saves through a command shares: the saving flag, the last refusal
// and the field it names, and keyboard focus moved to that field (or to the form's alert).
import { tick } from 'svelte';
import { asCommandError, type CommandError } from './api';

export class Submission {
	failure = $state<CommandError | null>(null);
	saving = $state(false);
	/** Set once the command succeeded: the form's input is no longer unsaved. */
	saved = $state(false);

	/**
	 * @param alertId the id of the form's alert, focused when the refusal names no field
	 * @param fieldPrefix what the form puts before each field's id, when several forms share
	 * a page (`plan.` makes `f-plan.validated_on`)
	 */
	constructor(
		private readonly alertId: string,
		private readonly fieldPrefix = ''
	) {}

	/** The French message for this input field, when the last refusal names it. */
	error = (field: string): string | undefined => (this.failure?.field === field ? this.failure.message : undefined);

	/** Runs the command; returns its result, or undefined after showing the refusal. */
	async run<T>(command: () => Promise<T>): Promise<T | undefined> {
		this.saving = true;
		this.failure = null;
		try {
			const result = await command();
			this.saved = true;
			return result;
		} catch (e) {
			this.failure = asCommandError(e);
			await tick();
			const target = this.failure.field ? document.getElementById(`f-${this.fieldPrefix}${this.failure.field}`) : null;
			(target ?? document.getElementById(this.alertId))?.focus();
			return undefined;
		} finally {
			this.saving = false;
		}
	}
}
