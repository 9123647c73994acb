// Generated from the Rust types by jalons-core (src/bindings.rs). Do not edit.

export type ApiError = { code: ErrorCode, 
/**
 * A French sentence for the user.
 */
message: string, 
/**
 * The input field the error is about, in the input type's naming.
 */
field?: string, };

export type ErrorCode = "validation" | "not_found" | "conflict" | "storage" | "damaged" | "not_jalons" | "disk_full" | "read_only" | "in_use" | "unencrypted" | "internal";

export type Page<T> = { rows: Array<T>, offset: number, total: number, };

export type PageRequest = { offset: number, limit: number, };

export type Choice = { code: string, label: string, };

export type ReferenceData = { legal_forms: Array<Choice>, frr: Array<Choice>, contact_roles: Array<Choice>, lawful_bases: Array<Choice>, typed_people: Array<Choice>, channels: Array<Choice>, referral_sources: Array<Choice>, stages: Array<Choice>, budget_bands: Array<Choice>, headcount_bands: Array<Choice>, departements: Array<Choice>, diagnostic_domains: Array<Choice>, 
/**
 * The diagnostic's 0–3 scale, code `0` to `3`.
 */
score_scale: Array<Choice>, themes: Array<Choice>, action_kinds: Array<Choice>, action_statuses: Array<Choice>, engagement_modes: Array<Choice>, engagement_statuses: Array<Choice>, vat_rates: Array<Choice>, trends: Array<Choice>, 
/**
 * The follow-up's 0–3 appropriation scale, code `0` to `3`.
 */
appropriation_scale: Array<Choice>, attention: Array<Choice>, 
/**
 * Collective agreements of culture and the ESS, `1285 – Entreprises artistiques…`.
 */
idcc: Array<Choice>, idcc_source: string, obligation_kinds: Array<Choice>, obligation_statuses: Array<Choice>, finance_tools: Array<Choice>, finance_statuses: Array<Choice>, partner_kinds: Array<Choice>, cooperation_kinds: Array<Choice>, opcos: Array<Choice>, journal_kinds: Array<Choice>, search_kinds: Array<Choice>, training_statuses: Array<Choice>, cooperation_stages: Array<Choice>, referral_outcomes: Array<Choice>, 
/**
 * The vintage of the territorial data (`COG INSEE 2026`), shown in the form.
 */
territory_source: string, };

export type Commune = { code: string, name: string, postal_codes: Array<string>, departement: string, departement_name: string, region: string, region_name: string, 
/**
 * SIREN of the EPCI the commune belongs to, when it belongs to one.
 */
epci: string | null, epci_name: string | null, population: number | null, };

export type CommuneListKind = "density" | "frr";

export type CommuneList = { kind: CommuneListKind, vintage: number, file_name: string, loaded_at: string, communes: number, };

export type CommuneLists = { density: CommuneList | null, frr: CommuneList | null, };

export type LoadedList = { list: CommuneList, ignored: number, };

export type FrrOfCommune = { 
/**
 * `none` when the list is loaded and does not hold the commune.
 */
frr: Frr, vintage: number, };

export type Settings = { 
/**
 * The local user's name, asked once at first start; it signs the audit trail.
 */
user_name: string | null, 
/**
 * A desktop notification lists what is due, at start and once a day; on unless
 * turned off.
 */
notify_due: boolean, 
/**
 * The notification names the structures and tasks (they stay in the desktop's history
 * of notifications); off unless turned on: it then only says how many.
 */
notify_names: boolean, };

export type DemoLoaded = { structures: number, cases: number, consultants: number, engagements: number, partners: number, cooperations: number, };

export type AuditEntry = { 
/**
 * What was written: `case`, `diagnostic`, `plan`... A case's history gathers several.
 */
entity: string, at: string, actor: string, action: string, changes: Array<FieldChange>, };

export type FieldChange = { field: string, from: unknown, to: unknown, };

export type Money = number;

export type Etp = number;

export type Days = number;

export type Hours = number;

export type Share = number;

export type Siren = string;

export type Siret = string;

export type Rna = string;

export type Naf = string;

export type Idcc = string;

export type CommuneCode = string;

export type LegalForm = "association" | "association_local" | "association_rup" | "foundation" | "endowment_fund" | "scop" | "scic" | "cae" | "other_coop" | "mutual" | "esus_company" | "employer_group" | "gie" | "public_body" | "other";

export type Frr = "none" | "frr" | "frr_plus";

export type ContactRole = "president" | "treasurer" | "secretary" | "board_member" | "director" | "employee" | "volunteer" | "other";

export type LawfulBasis = "legitimate_interest" | "consent" | "contract" | "public_interest";

export type BudgetBand = "under_50k" | "50k_200k" | "200k_500k" | "500k_1m" | "over_1m";

export type HeadcountBand = "0" | "1_2" | "3_5" | "6_9" | "10_19" | "20_49" | "50_99" | "100_199" | "200_plus";

export type Structure = { id: string, name: string, acronym: string | null, siren: Siren | null, siret: Siret | null, rna: Rna | null, creation_date: string | null, legal_form: LegalForm, 
/**
 * INSEE "catégorie juridique", 4 digits (9220 association déclarée...).
 */
insee_category: string | null, 
/**
 * The category's name in the INSEE list; none for a code the list does not know.
 */
insee_category_label: string | null, naf: Naf | null, 
/**
 * The code's name in the NAF rév. 2; none for a code the list does not know.
 */
naf_label: string | null, idcc: Array<Idcc>, ess: boolean, esus: boolean, 
/**
 * Opale's cultural type (compagnie, lieu, festival...).
 */
cultural_type: string | null, address: string | null, postal_code: string | null, commune_code: CommuneCode | null, commune_name: string | null, departement: string | null, departement_name: string | null, region: string | null, region_name: string | null, epci: string | null, epci_name: string | null, qpv: boolean, qpv_code: string | null, frr: Frr, 
/**
 * The year of the FRR classification the flag comes from.
 */
frr_vintage: number | null, employees_cdi: number | null, employees_cdd: number | null, employees_aided: number | null, employees_intermittent: number | null, etp: Etp | null, volunteers: number | null, budget: Money | null, own_funds: Money | null, cash: Money | null, 
/**
 * Derived from `budget`.
 */
budget_band: BudgetBand | null, 
/**
 * Derived from the headcount by contract type.
 */
headcount_band: HeadcountBand | null, networks: Array<string>, contacts: Array<Contact>, archived_at: string | null, created_at: string, updated_at: string, };

export type Contact = { id: string, name: string, role: ContactRole, email: string | null, phone: string | null, lawful_basis: LawfulBasis, 
/**
 * The day this basis was recorded: when the contact was added, or its basis changed.
 */
lawful_basis_since: string | null, };

export type StructureInput = { name: string, acronym: string, siren: string, siret: string, rna: string, creation_date: string, legal_form: string, insee_category: string, naf: string, idcc: Array<string>, ess: boolean, esus: boolean, cultural_type: string, address: string, postal_code: string, commune_code: string, qpv: boolean, qpv_code: string, frr: string, frr_vintage: string, employees_cdi: string, employees_cdd: string, employees_aided: string, employees_intermittent: string, etp: string, volunteers: string, budget: string, own_funds: string, cash: string, networks: Array<string>, contacts: Array<ContactInput>, };

export type ContactInput = { 
/**
 * Empty for a new contact; the existing id otherwise, so history follows the person.
 */
id: string, name: string, role: string, email: string, phone: string, lawful_basis: string, };

export type StructureFilter = { 
/**
 * Words matched in any accent or case against the name, acronym and commune, or a
 * SIREN/SIRET prefix.
 */
query: string, departement: string, legal_form: LegalForm | null, archived: ArchiveFilter, sort: StructureSort, descending: boolean, 
/**
 * Only the structures with an employer obligation past its due date.
 */
employer_late: boolean, };

export type StructureSort = "name" | "commune" | "departement" | "legal_form" | "etp" | "budget" | "updated_at";

export type ArchiveFilter = "active" | "archived" | "all";

export type StructureSummary = { id: string, name: string, acronym: string | null, legal_form: LegalForm, siret: Siret | null, commune_name: string | null, departement: string | null, departement_name: string | null, etp: Etp | null, budget: Money | null, open_cases: number, 
/**
 * Employer obligations past their due date.
 */
employer_late: number, archived: boolean, updated_at: string, };

export type Stage = "intake" | "diagnostic" | "plan" | "engineering" | "follow_up" | "closed" | "referred" | "not_eligible" | "abandoned";

export type CasePart = "funders" | "diagnostic" | "plan" | "engagements" | "follow_up" | "finance";

export type RequestChannel = "phone" | "email" | "meeting" | "web_form" | "partner_referral" | "event" | "other";

export type ReferralSource = "network" | "cress" | "local_authority" | "state_service" | "funder" | "previous_case" | "word_of_mouth" | "website" | "other";

export type Case = { id: string, 
/**
 * Human reference, `2026-014`: year of the request and order within that year.
 */
reference: string, structure_id: string, structure_name: string, stage: Stage, request_date: string, channel: RequestChannel, 
/**
 * Who made the request: name and role at the structure.
 */
requester: string, referral_source: ReferralSource, request_text: string, 
/**
 * The chargé(e) de mission following the case.
 */
officer: string, created_at: string, updated_at: string, };

export type CaseSummary = { id: string, reference: string, structure_id: string, structure_name: string, commune_name: string | null, departement: string | null, stage: Stage, request_date: string, 
/**
 * The day the case reached its stage (`cases.stage_since`, kept from the timeline):
 * how long it has been where it is.
 */
stage_since: string, officer: string, attention: Array<Attention>, 
/**
 * When the follow-up window opens (12 months after the diagnostic's validation).
 */
follow_up_from: string | null, };

export type CaseInput = { structure_id: string, request_date: string, channel: string, requester: string, referral_source: string, request_text: string, };

export type CaseFilter = { 
/**
 * Only the cases of this structure.
 */
structure_id: string | null, stage: Stage | null, 
/**
 * Words matched against the structure's name and the case reference.
 */
query: string, 
/**
 * Open cases, finished ones (closed, referred, not eligible, abandoned) or all; a
 * stage chosen wins over it.
 */
scope: CaseScope, 
/**
 * Only the cases with something needing attention.
 */
attention_only: boolean, sort: CaseSort, descending: boolean, };

export type CaseScope = "open" | "finished" | "all";

export type CaseSort = "reference" | "structure" | "stage" | "request_date" | "stage_since" | "attention";

export type Attention = "diagnostic_to_validate" | "report_missing" | "follow_up_due" | "follow_up_late" | "employer_late";

export type StageCount = { stage: Stage, count: number, };

export type Theme = "project" | "activities" | "governance" | "employer" | "training" | "economic_model" | "finance" | "solidarity_finance" | "partnerships" | "communication" | "cooperation" | "digital" | "ecology";

export type MoveKind = "forward" | "back" | "exit" | "reopen";

export type MoveOption = { to: Stage, kind: MoveKind, 
/**
 * Empty when the move may go; otherwise what to do first, in French.
 */
missing: Array<string>, 
/**
 * What the move leaves unfinished, in French: shown, and confirmed before it goes.
 */
left_open: Array<string>, };

export type CaseWorkflow = { case_id: string, stage: Stage, timeline: Array<TimelineEntry>, moves: Array<MoveOption>, 
/**
 * The parts of the case its stage opens to changes.
 */
editable: Array<CasePart>, };

export type TimelineEntry = { id: string, 
/**
 * None for the opening of the case.
 */
from: Stage | null, to: Stage, date: string, author: string, comment: string | null, reason: string | null, 
/**
 * The partner a referred case was sent to.
 */
partner: string | null, recorded_at: string, };

export type TransitionInput = { case_id: string, to: string, date: string, comment: string, reason: string, 
/**
 * The partner referred to, as typed; or, when `partner_id` names one of the
 * directory, that partner, and the move records the referral too.
 */
partner: string, partner_id: string, 
/**
 * The user saw what the move leaves open (`MoveOption::left_open`) and confirms.
 */
leave_open: boolean, };

export type DiagnosticDomain = "project" | "activities" | "governance" | "employer" | "economic_model" | "finance" | "partnerships" | "communication" | "cooperation" | "digital" | "ecology";

export type Diagnostic = { case_id: string, interviews: Array<Interview>, scores: Array<DomainScore>, problem_statement: string | null, recommendations: string | null, validated_on: string | null, 
/**
 * Who wrote it; None until first saved.
 */
author: string | null, headcount: number | null, etp: Etp | null, updated_at: string | null, previous: PreviousDiagnostic | null, };

export type DomainScore = { domain: DiagnosticDomain, 
/**
 * 0 critique to 3 point fort; None while not scored.
 */
score: number | null, finding: string | null, priority: boolean, };

export type Interview = { id: string, date: string, 
/**
 * The structure's contacts met, then the other people met, as typed.
 */
contacts: Array<MetContact>, people: string, place: string | null, notes: string | null, };

export type PreviousDiagnostic = { case_id: string, reference: string, validated_on: string | null, scores: Array<DomainScore>, };

export type DiagnosticInput = { interviews: Array<InterviewInput>, scores: Array<ScoreInput>, problem_statement: string, recommendations: string, 
/**
 * The day the structure's governing body validated the diagnostic; empty until then.
 */
validated_on: string, 
/**
 * The structure's headcount and ETP when diagnosed, compared at follow-up.
 */
headcount: string, etp: string, };

export type InterviewInput = { date: string, 
/**
 * The structure's contacts met, by id.
 */
contact_ids: Array<string>, 
/**
 * The other people met, typed: needed when no contact is ticked.
 */
people: string, place: string, notes: string, };

export type ScoreInput = { domain: string, 
/**
 * `0` to `3`, or empty while the domain is not scored yet.
 */
score: string, finding: string, priority: boolean, };

export type MetContact = { id: string, name: string, role: ContactRole, };

export type ActionKind = "internal" | "referral" | "engineering" | "own_support";

export type ActionStatus = "planned" | "in_progress" | "done" | "dropped";

export type Plan = { case_id: string, axes: Array<Axis>, committee_date: string | null, committee_opinion: string | null, validated_on: string | null, updated_at: string | null, };

export type Axis = { id: string, title: string, actions: Array<PlanAction>, };

export type PlanAction = { id: string, kind: ActionKind, description: string, theme: Theme, partner: string | null, due_date: string | null, 
/**
 * The ingénierie's own status, as an action's, when one carries it out.
 */
status: ActionStatus, 
/**
 * The ingénierie that carries the action out, and its title.
 */
engagement_id: string | null, engagement_title: string | null, };

export type PlanInput = { 
/**
 * In priority order: the first axis is the most urgent.
 */
axes: Array<AxisInput>, committee_date: string, committee_opinion: string, 
/**
 * The day the structure validated the parcours; empty until then.
 */
validated_on: string, };

export type AxisInput = { title: string, actions: Array<ActionInput>, };

export type ActionInput = { 
/**
 * The action's id as read; empty for an action added in the form.
 */
id: string, kind: string, description: string, theme: string, 
/**
 * The support a referral sends the structure to.
 */
partner: string, due_date: string, 
/**
 * Ignored when an ingénierie carries the action out: its status is then the ingénierie's.
 */
status: string, 
/**
 * The ingénierie of this case that carries the action out; empty for none.
 */
engagement_id: string, };

export type Consultant = { id: string, name: string, 
/**
 * Erased at their request: the record stays, anonymous, for the ingénieries.
 */
erased: boolean, organisation: string | null, siret: Siret | null, skills: Array<Theme>, sectors: string | null, day_rate: Money | null, email: string | null, phone: string | null, notes: string | null, lawful_basis: LawfulBasis, 
/**
 * The day this basis was recorded: when the consultant was added, or the basis changed.
 */
lawful_basis_since: string | null, 
/**
 * How many ingénieries they were chosen for.
 */
engagements: number, created_at: string, updated_at: string, };

export type ConsultantFilter = { 
/**
 * Words matched against name, organisation and sectors, accents ignored.
 */
query: string, skill: Theme | null, };

export type ConsultantInput = { name: string, organisation: string, siret: string, 
/**
 * Theme codes.
 */
skills: Array<string>, 
/**
 * Sectors known, as written (spectacle vivant, musiques actuelles...).
 */
sectors: string, day_rate: string, email: string, phone: string, notes: string, 
/**
 * Why Jalons may keep this person's data; empty for the usual one, a contract.
 */
lawful_basis: string, };

export type EngagementMode = "individual" | "collective";

export type EngagementStatus = "preparing" | "terms_written" | "consulting" | "chosen" | "started" | "restituted" | "finished" | "cancelled";

export type Engagement = { id: string, title: string, theme: Theme, mode: EngagementMode, status: EngagementStatus, cases: Array<LinkedCase>, consultant_id: string | null, consultant_name: string | null, days: Days | null, day_rate: Money | null, 
/**
 * Basis points (2000 = 20 %); None when exempt.
 */
vat_rate: number | null, 
/**
 * Days × day rate, and with VAT: derived, never typed.
 */
cost_ht: Money | null, cost_ttc: Money | null, 
/**
 * The funder line that pays for it, and how it reads.
 */
funder_id: string | null, funder: string | null, terms_date: string | null, consultation_date: string | null, decision_date: string | null, kickoff_date: string | null, restitution_date: string | null, final_report_date: string | null, cancelled_on: string | null, cancel_reason: string | null, results: string | null, offers: Array<Offer>, created_at: string, updated_at: string, };

export type LinkedCase = { case_id: string, reference: string, structure_id: string, structure_name: string, stage: Stage, };

export type Offer = { consultant_id: string, consultant_name: string, amount_ht: Money | null, 
/**
 * The structure's score, out of 20.
 */
score: number | null, };

export type EngagementFilter = { 
/**
 * Only the ingénieries serving this case.
 */
case_id: string | null, 
/**
 * Words matched against the title, the consultant and the structures.
 */
query: string, 
/**
 * Include finished and cancelled ones.
 */
include_finished: boolean, };

export type EngagementInput = { title: string, theme: string, mode: string, 
/**
 * The cases it serves: one for an individual ingénierie, several for a collective one.
 */
case_ids: Array<string>, consultant_id: string, days: string, day_rate: string, 
/**
 * `2000` for 20 %, `exempt` when the consultant charges no VAT.
 */
vat_rate: string, 
/**
 * The funder line that pays for it, if known.
 */
funder_id: string, terms_date: string, consultation_date: string, decision_date: string, kickoff_date: string, restitution_date: string, final_report_date: string, cancelled_on: string, cancel_reason: string, results: string, offers: Array<OfferInput>, 
/**
 * On creation only: the parcours action (of kind « ingénierie ») the ingénierie is
 * created from, which it then carries out.
 */
plan_action_id: string, };

export type OfferInput = { consultant_id: string, amount_ht: string, score: string, };

export type Trend = "minus" | "equal" | "plus";

export type DueState = "upcoming" | "due" | "late" | "done";

export type FollowUpDue = { from: string, until: string, state: DueState, };

export type FollowUp = { case_id: string, record: FollowUpRecord | null, 
/**
 * None until the diagnostic is validated.
 */
due: FollowUpDue | null, diagnostic_headcount: number | null, diagnostic_etp: Etp | null, };

export type FollowUpRecord = { done_on: string, headcount: number | null, etp: Etp | null, appropriation: number, new_needs: string | null, jobs: Trend, economic: Trend, strategy: Trend, partnerships: Trend, outcome: string | null, updated_at: string, };

export type FollowUpInput = { done_on: string, headcount: string, etp: string, 
/**
 * `0` to `3`.
 */
appropriation: string, new_needs: string, jobs: string, economic: string, strategy: string, partnerships: string, outcome: string, };

export type ObligationKind = "dpae" | "staff_register" | "duerp" | "professional_interviews" | "six_year_review" | "health_insurance" | "guso" | "show_licence" | "intermittents" | "gepp" | "custom";

export type ObligationStatus = "to_do" | "up_to_date" | "not_applicable";

export type Obligation = { id: string, kind: ObligationKind, 
/**
 * The name of a custom obligation; None for the listed ones.
 */
label: string | null, status: ObligationStatus, last_done: string | null, period_months: number | null, 
/**
 * The due date the user typed, if any; otherwise `next_due` is computed.
 */
due_override: string | null, next_due: string | null, note: string | null, 
/**
 * Its due date has passed and it concerns the structure.
 */
late: boolean, };

export type EmployerFunction = { structure_id: string, obligations: Array<Obligation>, late: number, };

export type ObligationInput = { kind: string, 
/**
 * The name of a custom obligation.
 */
label: string, status: string, last_done: string, 
/**
 * Months between two renewals; empty takes the obligation's usual period.
 */
period_months: string, 
/**
 * An explicit next due date; empty computes it from the last one and the period.
 */
next_due: string, note: string, };

export type FinanceTool = "fa_guarantee" | "fa_loan" | "fa_prime" | "solidarity_fund" | "associative_contribution" | "participative_loan" | "associative_bonds" | "ethical_loan" | "endowment_fund" | "pooled_cash_fund" | "impact_contract" | "other";

export type FinanceStatus = "preparing" | "submitted" | "granted" | "refused" | "withdrawn";

export type FinanceApplication = { id: string, case_id: string, case_reference: string, structure_id: string, structure_name: string, tool: FinanceTool, body: string | null, amount_requested: Money, amount_obtained: Money | null, submitted_on: string | null, decision_date: string | null, status: FinanceStatus, note: string | null, };

export type FinanceSummary = { applications: Array<FinanceApplication>, 
/**
 * Requested by the applications not withdrawn.
 */
requested: Money, obtained: Money, };

export type FinanceInput = { case_id: string, tool: string, 
/**
 * Who decides: France Active Auvergne-Rhône-Alpes, La Nef…
 */
body: string, amount_requested: string, amount_obtained: string, 
/**
 * Set when the user confirms that more was obtained than requested.
 */
over_confirmed: boolean, submitted_on: string, decision_date: string, status: string, note: string, };

export type FinanceFilter = { year: number | null, tool: FinanceTool | null, status: FinanceStatus | null, };

export type FinanceOverview = { summary: FinanceSummary, 
/**
 * Tools with at least one application, most obtained first.
 */
by_tool: Array<ToolTotal>, };

export type ToolTotal = { tool: FinanceTool, applications: number, requested: Money, obtained: Money, };

export type ChainCheck = { rows: number, 
/**
 * Where and why the chain is broken, in French, read after « Chaîne »: « rompue à la
 * ligne n° 42 (du 01/03/2025) : son contenu a été modifié »; none when it is whole.
 */
broken: string | null, };

export type Funder = { id: string, name: string, programme: string | null, period_start: string | null, period_end: string | null, 
/**
 * Archived lines stay on what they paid for but are no longer offered.
 */
archived: boolean, 
/**
 * How many cases and ingénieries this line pays for.
 */
cases: number, engagements: number, created_at: string, updated_at: string, };

export type FunderInput = { name: string, programme: string, period_start: string, period_end: string, };

export type CaseFunder = { line: Funder, amount: Money | null, share: Share | null, };

export type CaseFunderInput = { funder_id: string, 
/**
 * In euros as typed (`12 500,50`); empty when not known.
 */
amount: string, 
/**
 * In percent as typed (`25`, `12,5`); empty when not known.
 */
share: string, };

export type Operator = { 
/**
 * « DLA de la Drôme ».
 */
name: string, 
/**
 * The territory it covers: « Drôme (26) », « Région Auvergne-Rhône-Alpes ».
 */
area: string | null, address: string | null, 
/**
 * Who signs the summaries: name and role.
 */
signatory: string | null, 
/**
 * `image/png`, `image/jpeg` or `image/svg+xml` when a logo is set.
 */
logo_type: string | null, updated_at: string, };

export type OperatorInput = { name: string, area: string, address: string, signatory: string, };

export type Logo = { media_type: string, bytes: Array<number>, };

export type DossierParts = { 
/**
 * The scores of the eleven domains.
 */
scores: boolean, 
/**
 * The finding written for each domain.
 */
findings: boolean, 
/**
 * Budget, own funds, cash, and the solidarity finance applications.
 */
finances: boolean, 
/**
 * The requester's and the people's names.
 */
people: boolean, };

export type SummaryPreview = { pages: Array<string>, 
/**
 * `Fiche de synthèse 2026-014 Compagnie du Sillon.pdf`.
 */
file_name: string, };

export type BatchProgress = { done: number, total: number, 
/**
 * Set once the batch is over, cancelled or not.
 */
finished: boolean, cancelled: boolean, folder: string, };

export type ReportFilter = { from: string, to: string, funder_id: string, };

export type Period = { from: string, to: string, funder_id: string | null, 
/**
 * « État (DREETS) — Convention DLA 2026 », or none for every funder.
 */
funder: string | null, };

export type PeriodTotals = { period: Period, totals: Totals, };

export type Totals = { 
/**
 * Stock: the cases open for at least one day of the period, and their structures.
 */
cases: number, structures: number, 
/**
 * Each structure once, by its first case of the period.
 */
first_time: number, returning: number, with_engagement: number, qpv: number, frr: number, rural: number, 
/**
 * How a commune was found rural: the density grid loaded, or else its population.
 */
rural_rule: string, 
/**
 * Each structure once, at its latest diagnostic validated by the period's last day.
 */
staff_known: number, headcount_diagnostic: number, etp_diagnostic: Etp, 
/**
 * CDI in hundredths of a percent of the staff (2550 = 25,5 %), each structure once;
 * none without staff.
 */
cdi_share: number | null, 
/**
 * Flows: requests received, cases finished, diagnostics validated in the period.
 */
requested_cases: number, finished_cases: number, diagnosed: number, 
/**
 * Ingénieries whose consultant was chosen in the period, and what they cost.
 */
engaged: number, individual: number, collective: number, days: Days, cost_ht: Money, cost_ttc: Money, delivered: number, cancelled: number, 
/**
 * With a funder line: what the ingénieries engaged in the period cost for the cases it
 * answers for, all funders together, and the share the line pays (hundredths of a
 * percent).
 */
cases_cost_ht: Money | null, line_share: number | null, 
/**
 * Solidarity finance: submitted, granted and refused in the period.
 */
submitted: number, requested: Money, granted: number, obtained: Money, refused: number, refused_amount: Money, by_tool: Array<ToolAmounts>, 
/**
 * Follow-ups made in the period, those made 12 to 18 months after the diagnostic, and
 * the jobs compared on the same structures.
 */
followed_up: number, in_window: number, compared: number, headcount_before: number, headcount_after: number, etp_before: Etp, etp_after: Etp, criteria: Array<CriterionCount>, };

export type ToolAmounts = { tool: string, submitted: number, requested: Money, granted: number, obtained: Money, refused: number, };

export type CriterionCount = { criterion: string, plus: number, equal: number, minus: number, };

export type ReportFormat = "xlsx" | "ods" | "cases_csv" | "aggregates_csv";

export type ObservatoryFilter = { from: string, to: string, funder_id: string, 
/**
 * `region:84`, `departement:26` or `epci:200040715`.
 */
territory: string, 
/**
 * A NAF code, `90.01Z`.
 */
naf: string, 
/**
 * A legal form's code, `association`.
 */
legal_form: string, 
/**
 * A cultural type as the structures hold it.
 */
cultural_type: string, };

export type Observatory = { period: Period, 
/**
 * What the selection keeps, one part per filter; empty for the whole period.
 */
scope: Array<string>, totals: Totals, 
/**
 * Cases by their stage on the period's last day.
 */
stages: Array<Tally>, 
/**
 * Requests received, by month (by quarter over more than two years).
 */
opened: Array<Tally>, departements: Array<AreaTally>, epcis: Array<AreaTally>, 
/**
 * Structures, each once, by NAF code, cultural type, legal form and band.
 */
sectors: Array<Tally>, cultural_types: Array<Tally>, legal_forms: Array<Tally>, budget_bands: Array<Tally>, headcount_bands: Array<Tally>, 
/**
 * Ingénieries engaged in the period.
 */
themes: Array<EngagementTally>, modes: Array<EngagementTally>, funders: Array<EngagementTally>, 
/**
 * Referrals made in the period, by the partner's type.
 */
referrals: Array<Tally>, 
/**
 * Diagnostics validated by the period's last day, in the selection and in the whole.
 */
diagnostics: number, whole_diagnostics: number, needs: Array<DomainNeeds>, 
/**
 * What the filters may choose from: what the period's cases hold.
 */
choices: ObservatoryChoices, };

export type ObservatoryChart = "stages" | "opened" | "departements" | "epcis" | "sectors" | "cultural_types" | "legal_forms" | "budget_bands" | "headcount_bands" | "needs" | "themes" | "modes" | "funders" | "finance" | "referrals" | "criteria";

export type ObservatoryChoices = { 
/**
 * `region:84`, `departement:26`, `epci:…`: régions, then départements, then EPCI.
 */
territories: Array<Choice>, nafs: Array<Choice>, legal_forms: Array<Choice>, cultural_types: Array<Choice>, };

export type Tally = { label: string, count: number, };

export type TableFormat = "csv" | "xlsx";

export type ImageFormat = "png" | "svg";

export type AreaTally = { code: string, name: string, structures: number, cases: number, };

export type EngagementTally = { label: string, count: number, days: Days, cost_ht: Money, };

export type DomainNeeds = { domain: string, label: string, 
/**
 * Diagnostics that scored it 0 (critique), 1 (fragile), 2 (satisfaisant), 3 (point fort).
 */
scores: [number, number, number, number], 
/**
 * Diagnostics that left it unscored.
 */
unscored: number, 
/**
 * Diagnostics that made it a priority.
 */
priority: number, 
/**
 * Critique or fragile among those scored, in hundredths of a percent.
 */
fragile_share: number | null, 
/**
 * The same share over every diagnostic of the period (the whole the selection is
 * compared with).
 */
whole_fragile_share: number | null, };

export type PartnerKind = "cress" | "dla" | "network" | "opco" | "solidarity_finance" | "bank" | "local_authority" | "state" | "accompanier" | "other";

export type ReferralOutcome = "pending" | "taken_up" | "declined" | "no_contact";

export type Partner = { id: string, name: string, kind: PartnerKind, 
/**
 * Where it acts: a département, a région, national.
 */
territory: string | null, website: string | null, email: string | null, phone: string | null, notes: string | null, contacts: Array<PartnerContact>, 
/**
 * How many cases were referred to it.
 */
referrals: number, created_at: string, updated_at: string, };

export type PartnerContact = { id: string, name: string, 
/**
 * Their position: chargée d'accompagnement, directeur…
 */
role: string | null, email: string | null, phone: string | null, lawful_basis: LawfulBasis, 
/**
 * The day this basis was recorded: when the contact was added, or the basis changed.
 */
lawful_basis_since: string | null, };

export type PartnerFilter = { 
/**
 * Words matched against name, territory and contacts' names, accents ignored.
 */
query: string, kind: PartnerKind | null, };

export type PartnerInput = { name: string, kind: string, territory: string, website: string, email: string, phone: string, notes: string, contacts: Array<PartnerContactInput>, };

export type PartnerContactInput = { 
/**
 * Empty for a contact added in this form; kept from save to save otherwise.
 */
id: string, name: string, role: string, email: string, phone: string, 
/**
 * Empty for the usual basis of a professional contact: legitimate interest.
 */
lawful_basis: string, };

export type Referral = { id: string, case_id: string, case_reference: string, case_stage: Stage, structure_id: string, structure_name: string, partner_id: string, partner_name: string, partner_kind: PartnerKind, referred_on: string, reason: string, outcome: ReferralOutcome, outcome_note: string | null, };

export type ReferralFilter = { 
/**
 * The referrals of a structure's cases.
 */
structure_id: string | null, case_id: string | null, partner_id: string | null, partner_kind: PartnerKind | null, 
/**
 * The calendar year of the referral date.
 */
year: number | null, };

export type ReferralInput = { case_id: string, partner_id: string, referred_on: string, reason: string, outcome: string, outcome_note: string, };

export type PartnerReferrals = { partner_id: string, partner_name: string, partner_kind: PartnerKind, referrals: number, };

export type CooperationKind = "shared_place" | "ptce" | "scic_creation" | "scic_transformation" | "employer_group" | "merger" | "pooling";

export type CooperationStage = "idea" | "study" | "setup" | "running" | "stopped";

export type CooperationProject = { id: string, name: string, kind: CooperationKind, stage: CooperationStage, started_on: string | null, territory: string | null, notes: string | null, members: Array<CooperationMember>, created_at: string, updated_at: string, };

export type CooperationMember = { structure_id: string, structure_name: string, commune_name: string | null, role: string | null, };

export type CooperationFilter = { 
/**
 * Words matched against the project's name, territory and members' names.
 */
query: string, kind: CooperationKind | null, 
/**
 * The projects a structure takes part in.
 */
structure_id: string | null, };

export type CooperationInput = { name: string, kind: string, stage: string, started_on: string, territory: string, notes: string, members: Array<MemberInput>, };

export type MemberInput = { structure_id: string, role: string, };

export type SearchKind = "structure" | "contact" | "case" | "journal" | "diagnostic" | "engagement" | "consultant";

export type TargetKind = "structure" | "case" | "engagement" | "consultant";

export type Segment = { text: string, hit: boolean, };

export type SearchHit = { kind: SearchKind, target: TargetKind, target_id: string, title: Array<Segment>, 
/**
 * Where the record belongs: the structure, the case, the date.
 */
context: string, 
/**
 * The matching passage of a longer text, when the title did not hold the match.
 */
snippet: Array<Segment>, };

export type SearchGroup = { kind: SearchKind, hits: Array<SearchHit>, };

export type SearchResults = { query: string, groups: Array<SearchGroup>, };

export type OwnerKind = "structure" | "case" | "engagement" | "journal";

export type AttachmentOwner = { kind: OwnerKind, id: string, };

export type Attachment = { id: string, name: string, mime: string, 
/**
 * Bytes.
 */
size: number, confidential: boolean, sha256: string, created_at: string, };

export type PersonRef = { "kind": "contact", id: string, } | { "kind": "partner_contact", id: string, } | { "kind": "consultant", id: string, } | { "kind": "named", name: string, };

export type ErasurePlan = { name: string, 
/**
 * Their record, in French, when they have one.
 */
record: string | null, 
/**
 * What names them, counted place by place: « 3 entrées du journal ».
 */
found: Array<string>, 
/**
 * The names of the attached files removed with them.
 */
files: Array<string>, 
/**
 * Other records that match (a namesake, or the same person recorded twice), in French:
 * left as they are, each erased from its own page if it is them.
 */
others: Array<string>, };

export type TypedPeople = "requesters" | "met" | "present";

export type KindBasis = { kind: TypedPeople, lawful_basis: LawfulBasis, 
/**
 * The day it was set; none while it is the default (legitimate interest).
 */
since: string | null, };

export type DeletionPlan = { 
/**
 * The structure's name, or the case's reference and its structure.
 */
name: string, 
/**
 * What goes with it, counted: « 3 entrées du journal ».
 */
found: Array<string>, };

export type Retention = { 
/**
 * The contacts of a structure with no open case, counted from its last activity.
 */
contacts_years: number, 
/**
 * A finished case (closed, referred, not eligible, abandoned), from the day it ended.
 */
cases_years: number, };

export type RetentionInput = { contacts_years: string, cases_years: string, };

export type DueKind = "contact" | "case";

export type DueItem = { kind: DueKind, id: string, 
/**
 * The contact's name, or the case's reference.
 */
label: string, structure_id: string, structure_name: string, 
/**
 * The day the term is counted from: the structure's last activity, or the case's end.
 */
since: string, };

export type PurgeItem = { kind: DueKind, id: string, };

export type PurgeChoice = { except: Array<PurgeItem>, confirmed: number, };

export type PurgeProgress = { done: number, total: number, 
/**
 * Set once the purge is over, stopped or not.
 */
finished: boolean, cancelled: boolean, purged: Purged, };

export type Purged = { contacts: number, cases: number, 
/**
 * Items no longer due when the purge ran (reopened, written since): left.
 */
skipped: number, };

export type BackupReason = "manuelle" | "demarrage" | "automatique" | "fermeture" | "avant_restauration";

export type BackupInfo = { 
/**
 * The file's name in the backup folder: the one handle the UI sends back.
 */
file_name: string, 
/**
 * When it was taken, local time, `2026-12-01T09:30:12`.
 */
taken_at: string, reason: BackupReason, reason_label: string, 
/**
 * Bytes of the database copy (attached files are shared between backups).
 */
size: number, 
/**
 * None when the file cannot be read as a Jalons database.
 */
holds: Holding | null, };

export type Holding = { structures: number, cases: number, 
/**
 * The last change recorded in the audit trail, UTC RFC 3339.
 */
last_change: string | null, };

export type BackupStatus = { 
/**
 * The backup folder, as the user reads it.
 */
folder: string, 
/**
 * Whether it is the default folder beside the database.
 */
default_folder: boolean, 
/**
 * Newest first.
 */
backups: Array<BackupInfo>, 
/**
 * What the open database holds now, which a restore would replace.
 */
current: Holding | null, };

export type Restored = { 
/**
 * The backup of the state before the restore: restoring it undoes the restore.
 */
safety: BackupInfo | null, 
/**
 * Where a damaged database was set aside.
 */
set_aside: string | null, };

export type Startup = { 
/**
 * What the user must do before the database opens (a passphrase to choose or type).
 */
lock: LockNeed | null, problem: ApiError | null, 
/**
 * The database file.
 */
database: string, 
/**
 * The backups that could replace it, only when it could not be opened: reading what
 * each one holds is the slowest part of a start at a large DLA's scale.
 */
backups: BackupStatus | null, };

export type LockNeed = "create" | "convert" | "unlock" | "recovery_only";

export type PhraseStrength = { 
/**
 * 0 (guessed at once) to 4 (out of reach).
 */
score: number, label: string, 
/**
 * What would make it stronger; empty when nothing needs to change.
 */
hint: string, acceptable: boolean, };

export type EncryptionStatus = { 
/**
 * The key is kept in this computer's keyring: starts ask nothing.
 */
remembered: boolean, 
/**
 * The key file beside the database.
 */
key_file: string, };

export type Unlocked = { 
/**
 * For a passphrase just chosen: the recovery key, to write down now.
 */
recovery_key: string | null, 
/**
 * Why the key could not be remembered on this computer (no keyring): the database is
 * open all the same, and the passphrase will be asked at the next start.
 */
keyring_problem: string | null, };

export type Task = { id: string, structure_id: string, structure_name: string, case_id: string | null, case_reference: string | null, title: string, due_on: string, done_on: string | null, };

export type TaskFilter = { 
/**
 * A structure's tasks, those of its cases included.
 */
structure_id: string | null, case_id: string | null, include_done: boolean, };

export type TaskInput = { structure_id: string, 
/**
 * Empty for a task on the structure alone.
 */
case_id: string, title: string, due_on: string, };

export type AgendaSource = "task" | "follow_up" | "report" | "obligation";

export type AgendaItem = { source: AgendaSource, title: string, 
/**
 * The structure, and the case when there is one.
 */
context: string, due_on: string, target: TargetKind, target_id: string, 
/**
 * Set for a task, which can be ticked from the agenda.
 */
task_id: string | null, };

export type AgendaShown = { late: number, now: number, soon: number, };

export type AgendaPage = { today: string, late: Page<AgendaItem>, now: Page<AgendaItem>, soon: Page<AgendaItem>, };

export type JournalKind = "meeting" | "call" | "site_visit" | "email" | "collective_meeting" | "note";

export type JournalEntry = { id: string, structure_id: string, structure_name: string, case_id: string | null, case_reference: string | null, kind: JournalKind, occurred_on: string, 
/**
 * Minutes.
 */
duration: number | null, 
/**
 * The names of the people present.
 */
people: Array<string>, place: string | null, body: string, 
/**
 * How many files are attached to it.
 */
attachments: number, created_at: string, updated_at: string, };

export type JournalFilter = { 
/**
 * A structure's entries, those of its cases included.
 */
structure_id: string | null, case_id: string | null, };

export type JournalInput = { structure_id: string, 
/**
 * Empty for an entry on the structure alone.
 */
case_id: string, kind: string, occurred_on: string, 
/**
 * As typed: `1 h 30`, `45 min`, `90`.
 */
duration: string, 
/**
 * Names: the structure's contacts ticked, and others typed.
 */
people: Array<string>, place: string, body: string, };

export type Opco = "afdas" | "uniformation" | "akto" | "opco_ep" | "opco_sante" | "atlas" | "ocapiat" | "opco_2i" | "constructys" | "opco_mobilites" | "opcommerce";

export type TrainingStatus = "planned" | "requested" | "funded" | "done" | "cancelled";

export type TrainingAction = { id: string, structure_id: string, title: string, 
/**
 * How many people it concerns.
 */
people: number | null, hours: Hours | null, cost: Money | null, funding_requested: Money | null, funding_obtained: Money | null, start_on: string | null, end_on: string | null, status: TrainingStatus, note: string | null, };

export type TrainingYear = { 
/**
 * The year the actions start (or end); none for undated actions.
 */
year: number | null, actions: number, people: number, hours: Hours, cost: Money, funding_requested: Money, funding_obtained: Money, };

export type TrainingPlan = { structure_id: string, opco: Opco | null, 
/**
 * Newest first.
 */
actions: Array<TrainingAction>, 
/**
 * Newest year first, undated last.
 */
years: Array<TrainingYear>, };

export type TrainingActionInput = { structure_id: string, title: string, people: string, hours: string, cost: string, funding_requested: string, funding_obtained: string, 
/**
 * Set when the user confirms that more was obtained than requested.
 */
over_confirmed: boolean, start_on: string, end_on: string, status: string, note: string, };
