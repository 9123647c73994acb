// The one typed door to the Rust commands. Nothing else in the UI calls invoke().
import { invoke } from '@tauri-apps/api/core';
import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import type {
	Page,
	PageRequest,
	AgendaPage,
	AgendaShown,
	ApiError,
	Attachment,
	AttachmentOwner,
	AuditEntry,
	BackupInfo,
	BackupStatus,
	BatchProgress,
	Case,
	CaseFilter,
	CaseInput,
	CaseSummary,
	CaseWorkflow,
	ChainCheck,
	Commune,
	CommuneListKind,
	CommuneLists,
	FrrOfCommune,
	LoadedList,
	Consultant,
	ConsultantFilter,
	ConsultantInput,
	CooperationFilter,
	CooperationInput,
	CooperationProject,
	DeletionPlan,
	DemoLoaded,
	Diagnostic,
	DiagnosticInput,
	DossierParts,
	DueItem,
	EmployerFunction,
	EncryptionStatus,
	ErasurePlan,
	Engagement,
	EngagementFilter,
	EngagementInput,
	FinanceApplication,
	FinanceFilter,
	FinanceInput,
	FinanceOverview,
	FinanceSummary,
	FollowUp,
	FollowUpInput,
	CaseFunder,
	CaseFunderInput,
	Funder,
	FunderInput,
	JournalEntry,
	KindBasis,
	JournalFilter,
	JournalInput,
	Logo,
	ObligationInput,
	ImageFormat,
	Observatory,
	ObservatoryChart,
	ObservatoryFilter,
	TableFormat,
	Operator,
	OperatorInput,
	Partner,
	PartnerFilter,
	PartnerInput,
	PartnerReferrals,
	PeriodTotals,
	PhraseStrength,
	Plan,
	PersonRef,
	PlanInput,
	PurgeChoice,
	PurgeProgress,
	ReferenceData,
	Referral,
	ReferralFilter,
	ReferralInput,
	ReportFilter,
	ReportFormat,
	Restored,
	Retention,
	RetentionInput,
	SearchResults,
	Settings,
	StageCount,
	Startup,
	SummaryPreview,
	Structure,
	StructureFilter,
	StructureInput,
	StructureSummary,
	Task,
	TaskFilter,
	TaskInput,
	TrainingActionInput,
	TrainingPlan,
	TransitionInput,
	TypedPeople,
	Unlocked
} from './bindings';

/** A refused command: `code` to branch on, `message` in French, `field` to highlight. */
export class CommandError extends Error implements ApiError {
	code: ApiError['code'];
	field?: string;

	constructor(e: ApiError) {
		super(e.message);
		this.code = e.code;
		this.field = e.field;
	}
}

/** Any failure as a CommandError: the API's own, or anything else as an internal error. */
export function asCommandError(e: unknown): CommandError {
	return e instanceof CommandError ? e : new CommandError({ code: 'internal', message: String(e) });
}

function isApiError(e: unknown): e is ApiError {
	return typeof e === 'object' && e !== null && 'code' in e && 'message' in e;
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
	try {
		return await invoke<T>(command, args);
	} catch (e) {
		if (isApiError(e)) throw new CommandError(e);
		// Tauri's own failures (a malformed argument) arrive as plain strings.
		throw new CommandError({ code: 'internal', message: `Erreur interne\u00a0: ${String(e)}` });
	}
}

export const api = {
	getSettings: () => call<Settings>('get_settings'),
	setUserName: (name: string) => call<Settings>('set_user_name', { name }),
	setNotifyDue: (on: boolean) => call<Settings>('set_notify_due', { on }),
	setNotifyNames: (on: boolean) => call<Settings>('set_notify_names', { on }),
	isEmpty: () => call<boolean>('is_empty'),
	loadDemo: () => call<DemoLoaded>('load_demo'),
	checkAuditChain: () => call<ChainCheck>('check_audit_chain'),
	getReference: () => call<ReferenceData>('get_reference'),
	searchCommunes: (query: string) => call<Commune[]>('search_communes', { query }),
	communeLists: () => call<CommuneLists>('commune_lists'),
	/** Asks for the file, then loads the list; null when the dialog is closed. */
	loadCommuneList: (kind: CommuneListKind, vintage: string) =>
		call<LoadedList | null>('load_commune_list', { kind, vintage }),
	communeFrr: (code: string) => call<FrrOfCommune | null>('commune_frr', { code }),
	listStructures: (filter: StructureFilter, page: PageRequest) =>
		call<Page<StructureSummary>>('list_structures', { filter, page }),
	getStructure: (id: string) => call<Structure>('get_structure', { id }),
	createStructure: (input: StructureInput) => call<Structure>('create_structure', { input }),
	updateStructure: (id: string, input: StructureInput) => call<Structure>('update_structure', { id, input }),
	setStructureArchived: (id: string, archived: boolean) =>
		call<Structure>('set_structure_archived', { id, archived }),
	structureHistory: (id: string, page: PageRequest) => call<Page<AuditEntry>>('structure_history', { id, page }),
	listCases: (filter: CaseFilter, page: PageRequest) => call<Page<CaseSummary>>('list_cases', { filter, page }),
	/** How many cases of the list need attention, asked once its first rows are drawn. */
	casesNeedingAttention: (filter: CaseFilter) => call<number>('cases_needing_attention', { filter }),
	getCase: (id: string) => call<Case>('get_case', { id }),
	openCase: (input: CaseInput) => call<Case>('open_case', { input }),
	caseHistory: (id: string, page: PageRequest) => call<Page<AuditEntry>>('case_history', { id, page }),
	stageCounts: () => call<StageCount[]>('stage_counts'),
	caseWorkflow: (caseId: string) => call<CaseWorkflow>('case_workflow', { caseId }),
	moveCase: (input: TransitionInput) => call<CaseWorkflow>('move_case', { input }),
	getDiagnostic: (caseId: string) => call<Diagnostic>('get_diagnostic', { caseId }),
	saveDiagnostic: (caseId: string, input: DiagnosticInput) =>
		call<Diagnostic>('save_diagnostic', { caseId, input }),
	getPlan: (caseId: string) => call<Plan>('get_plan', { caseId }),
	savePlan: (caseId: string, input: PlanInput) => call<Plan>('save_plan', { caseId, input }),
	getFollowUp: (caseId: string) => call<FollowUp>('get_follow_up', { caseId }),
	saveFollowUp: (caseId: string, input: FollowUpInput) => call<FollowUp>('save_follow_up', { caseId, input }),
	listConsultants: (filter: ConsultantFilter, page: PageRequest) =>
		call<Page<Consultant>>('list_consultants', { filter, page }),
	getConsultant: (id: string) => call<Consultant>('get_consultant', { id }),
	createConsultant: (input: ConsultantInput) => call<Consultant>('create_consultant', { input }),
	updateConsultant: (id: string, input: ConsultantInput) => call<Consultant>('update_consultant', { id, input }),
	consultantHistory: (id: string, page: PageRequest) => call<Page<AuditEntry>>('consultant_history', { id, page }),
	listEngagements: (filter: EngagementFilter, page: PageRequest) =>
		call<Page<Engagement>>('list_engagements', { filter, page }),
	getEngagement: (id: string) => call<Engagement>('get_engagement', { id }),
	createEngagement: (input: EngagementInput) => call<Engagement>('create_engagement', { input }),
	updateEngagement: (id: string, input: EngagementInput) => call<Engagement>('update_engagement', { id, input }),
	engagementHistory: (id: string, page: PageRequest) => call<Page<AuditEntry>>('engagement_history', { id, page }),
	getEmployerFunction: (structureId: string) => call<EmployerFunction>('get_employer_function', { structureId }),
	saveObligations: (structureId: string, obligations: ObligationInput[]) =>
		call<EmployerFunction>('save_obligations', { structureId, obligations }),
	caseFinance: (caseId: string) => call<FinanceSummary>('case_finance', { caseId }),
	structureFinance: (structureId: string) => call<FinanceSummary>('structure_finance', { structureId }),
	createFinanceApplication: (input: FinanceInput) =>
		call<FinanceApplication>('create_finance_application', { input }),
	updateFinanceApplication: (id: string, input: FinanceInput) =>
		call<FinanceApplication>('update_finance_application', { id, input }),
	financeOverview: (filter: FinanceFilter) => call<FinanceOverview>('finance_overview', { filter }),
	listPartners: (filter: PartnerFilter, page: PageRequest) => call<Page<Partner>>('list_partners', { filter, page }),
	getPartner: (id: string) => call<Partner>('get_partner', { id }),
	createPartner: (input: PartnerInput) => call<Partner>('create_partner', { input }),
	updatePartner: (id: string, input: PartnerInput) => call<Partner>('update_partner', { id, input }),
	partnerHistory: (id: string, page: PageRequest) => call<Page<AuditEntry>>('partner_history', { id, page }),
	listReferrals: (filter: ReferralFilter, page: PageRequest) => call<Page<Referral>>('list_referrals', { filter, page }),
	referralPartners: (filter: ReferralFilter) => call<PartnerReferrals[]>('referral_partners', { filter }),
	createReferral: (input: ReferralInput) => call<Referral>('create_referral', { input }),
	updateReferral: (id: string, input: ReferralInput) => call<Referral>('update_referral', { id, input }),
	listCooperations: (filter: CooperationFilter, page: PageRequest) =>
		call<Page<CooperationProject>>('list_cooperations', { filter, page }),
	getCooperation: (id: string) => call<CooperationProject>('get_cooperation', { id }),
	createCooperation: (input: CooperationInput) => call<CooperationProject>('create_cooperation', { input }),
	updateCooperation: (id: string, input: CooperationInput) =>
		call<CooperationProject>('update_cooperation', { id, input }),
	cooperationHistory: (id: string, page: PageRequest) => call<Page<AuditEntry>>('cooperation_history', { id, page }),
	getTraining: (structureId: string) => call<TrainingPlan>('get_training', { structureId }),
	setOpco: (structureId: string, opco: string) => call<TrainingPlan>('set_opco', { structureId, opco }),
	createTrainingAction: (input: TrainingActionInput) => call<TrainingPlan>('create_training_action', { input }),
	updateTrainingAction: (id: string, input: TrainingActionInput) =>
		call<TrainingPlan>('update_training_action', { id, input }),
	deleteTrainingAction: (id: string) => call<TrainingPlan>('delete_training_action', { id }),
	listJournal: (filter: JournalFilter, page: PageRequest) =>
		call<Page<JournalEntry>>('list_journal', { filter, page }),
	createJournalEntry: (input: JournalInput) => call<JournalEntry>('create_journal_entry', { input }),
	updateJournalEntry: (id: string, input: JournalInput) =>
		call<JournalEntry>('update_journal_entry', { id, input }),
	deleteJournalEntry: (id: string) => call<null>('delete_journal_entry', { id }),
	search: (query: string) => call<SearchResults>('search', { query }),
	listTasks: (filter: TaskFilter) => call<Task[]>('list_tasks', { filter }),
	createTask: (input: TaskInput) => call<Task>('create_task', { input }),
	updateTask: (id: string, input: TaskInput) => call<Task>('update_task', { id, input }),
	setTaskDone: (id: string, done: boolean) => call<Task>('set_task_done', { id, done }),
	deleteTask: (id: string) => call<null>('delete_task', { id }),
	agenda: (shown: AgendaShown) => call<AgendaPage>('agenda', { shown }),
	listAttachments: (owner: AttachmentOwner) => call<Attachment[]>('list_attachments', { owner }),
	attachFiles: (owner: AttachmentOwner, confidential: boolean) =>
		call<Attachment[]>('attach_files', { owner, confidential }),
	openAttachment: (id: string) => call<null>('open_attachment', { id }),
	removeAttachment: (id: string) => call<null>('remove_attachment', { id }),
	listFunders: () => call<Funder[]>('list_funders'),
	createFunder: (input: FunderInput) => call<Funder>('create_funder', { input }),
	updateFunder: (id: string, input: FunderInput) => call<Funder>('update_funder', { id, input }),
	setFunderArchived: (id: string, archived: boolean) => call<Funder>('set_funder_archived', { id, archived }),
	deleteFunder: (id: string) => call<null>('delete_funder', { id }),
	caseFunders: (caseId: string) => call<CaseFunder[]>('case_funders', { caseId }),
	setCaseFunders: (caseId: string, lines: CaseFunderInput[]) => call<CaseFunder[]>('set_case_funders', { caseId, lines }),
	getOperator: () => call<Operator | null>('get_operator'),
	saveOperator: (input: OperatorInput) => call<Operator>('save_operator', { input }),
	pickOperatorLogo: () => call<Operator | null>('pick_operator_logo'),
	clearOperatorLogo: () => call<Operator | null>('clear_operator_logo'),
	operatorLogo: () => call<Logo | null>('operator_logo'),
	summaryPreview: (caseId: string, parts: DossierParts) =>
		call<SummaryPreview>('summary_preview', { caseId, parts }),
	saveSummary: (caseId: string, parts: DossierParts) => call<string | null>('save_summary', { caseId, parts }),
	/** A period's scope and totals, as the Bilans screen shows them. */
	periodTotals: (filter: ReportFilter) => call<PeriodTotals>('period_totals', { filter }),
	observatory: (filter: ObservatoryFilter) => call<Observatory>('observatory', { filter }),
	saveObservatoryTable: (filter: ObservatoryFilter, chart: ObservatoryChart, format: TableFormat) =>
		call<string | null>('save_observatory_table', { filter, chart, format }),
	saveChartImage: (filter: ObservatoryFilter, chart: ObservatoryChart, format: ImageFormat, data: string) =>
		call<string | null>('save_chart_image', { filter, chart, format, data }),
	saveReport: (filter: ReportFilter, format: ReportFormat) =>
		call<string | null>('save_report', { filter, format }),
	exportSummaries: (filter: ReportFilter, parts: DossierParts) =>
		call<BatchProgress | null>('export_summaries', { filter, parts }),
	cancelSummaries: () => call<null>('cancel_summaries'),
	startup: () => call<Startup>('startup'),
	/** Whether the database being opened is first brought up to date (a new version). */
	databaseUpdating: () => call<boolean>('database_updating'),
	backupStatus: () => call<BackupStatus>('backup_status'),
	backupNow: () => call<BackupInfo>('backup_now'),
	chooseBackupFolder: () => call<BackupStatus | null>('choose_backup_folder'),
	resetBackupFolder: () => call<BackupStatus>('reset_backup_folder'),
	restoreBackup: (fileName: string) => call<Restored>('restore_backup', { fileName }),
	recoverFromBackup: (fileName: string) => call<Restored>('recover_from_backup', { fileName }),
	passphraseStrength: (phrase: string) => call<PhraseStrength>('passphrase_strength', { phrase }),
	/** A new database, or one of an earlier Jalons to encrypt: the passphrase chosen. */
	protectDatabase: (phrase: string, confirmation: string, remember: boolean) =>
		call<Unlocked>('protect_database', { phrase, confirmation, remember }),
	unlockDatabase: (secret: { phrase?: string; recoveryKey?: string }, remember: boolean) =>
		call<Unlocked>('unlock_database', { ...secret, remember }),
	resetPassphrase: (phrase: string, confirmation: string) =>
		call<null>('reset_passphrase', { phrase, confirmation }),
	changePassphrase: (current: string, phrase: string, confirmation: string) =>
		call<null>('change_passphrase', { current, phrase, confirmation }),
	encryptionStatus: () => call<EncryptionStatus>('encryption_status'),
	setKeyRemembered: (remember: boolean) => call<EncryptionStatus>('set_key_remembered', { remember }),
	saveRecoveryKey: (phrase: string) => call<string | null>('save_recovery_key', { phrase }),
	/** What erasing the person would remove, for the chargé to confirm. */
	erasurePlan: (person: PersonRef) => call<ErasurePlan>('erasure_plan', { person }),
	/** Erases the person everywhere; returns what was erased, counted in French. */
	erasePerson: (person: PersonRef) => call<string[]>('erase_person', { person }),
	/** Everything held on the person, to the file chosen; null when the dialog is closed. */
	exportPersonData: (person: PersonRef) => call<string | null>('export_person_data', { person }),
	typedPeopleBases: () => call<KindBasis[]>('typed_people_bases'),
	structureDeletionPlan: (id: string) => call<DeletionPlan>('structure_deletion_plan', { id }),
	/** Deletes the structure for real, with its cases; returns what went, counted. */
	deleteStructure: (id: string) => call<string[]>('delete_structure', { id }),
	caseDeletionPlan: (id: string) => call<DeletionPlan>('case_deletion_plan', { id }),
	deleteCase: (id: string) => call<string[]>('delete_case', { id }),
	retention: () => call<Retention>('retention'),
	setRetention: (input: RetentionInput) => call<Retention>('set_retention', { input }),
	/** One page of what is due for purge: finished cases first, then contacts. */
	purgeDuePage: (page: PageRequest) => call<Page<DueItem>>('purge_due_page', { page }),
	/** How many items are due, without the list (thousands at a large DLA). */
	purgeDueCount: () => call<number>('purge_due_count'),
	/** Starts purging everything due but what was unticked, in the background; refused when
	 * the list no longer holds the number of items confirmed. */
	purge: (choice: PurgeChoice) => call<PurgeProgress>('purge', { choice }),
	/** Stops the purge after the item under way; what was purged stays purged. */
	cancelPurge: () => call<null>('cancel_purge'),
	setTypedPeopleBasis: (kind: TypedPeople, lawfulBasis: string) =>
		call<KindBasis[]>('set_typed_people_basis', { kind, lawfulBasis }),
	/** The integrity check, run beside the first screen, found the database damaged. */
	onDamaged: (damaged: () => void): Promise<UnlistenFn> => listen('database-damaged', () => damaged()),
	/** The purge, after each item and when it ends or fails. */
	onPurge: async (progress: (p: PurgeProgress) => void, failed: (e: CommandError) => void): Promise<UnlistenFn> => {
		const stops = await Promise.all([
			listen<PurgeProgress>('purge-progress', (e) => progress(e.payload)),
			listen<ApiError>('purge-failed', (e) => failed(new CommandError(e.payload)))
		]);
		return () => stops.forEach((stop) => stop());
	},
	/** The batch of summaries, after each file written and when it ends or fails. */
	onSummaries: async (progress: (p: BatchProgress) => void, failed: (e: CommandError) => void): Promise<UnlistenFn> => {
		const stops = await Promise.all([
			listen<BatchProgress>('summaries-progress', (e) => progress(e.payload)),
			listen<ApiError>('summaries-failed', (e) => failed(new CommandError(e.payload)))
		]);
		return () => stops.forEach((stop) => stop());
	}
};
