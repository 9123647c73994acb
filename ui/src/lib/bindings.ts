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

export type ErrorCode = "validation" | "not_found" | "conflict" | "storage" | "internal";

export type Choice = { code: string, label: string, };

export type ReferenceData = { legal_forms: Array<Choice>, frr: Array<Choice>, contact_roles: Array<Choice>, lawful_bases: Array<Choice>, channels: Array<Choice>, referral_sources: Array<Choice>, stages: Array<Choice>, budget_bands: Array<Choice>, headcount_bands: Array<Choice>, departements: Array<Choice>, 
/**
 * The vintage of the territorial data (`COG INSEE 2026`), shown in the form.
 */
territory_source: string, };

export type Commune = { code: string, name: string, postal_codes: Array<string>, departement: string, departement_name: string, region: string, region_name: string, 
/**
 * SIREN of the EPCI the commune belongs to, when it belongs to one.
 */
epci: string | null, epci_name: string | null, population: number | null, };

export type Settings = { 
/**
 * The local user's name, asked once at first start; it signs the audit trail.
 */
user_name: string | null, };

export type DemoLoaded = { structures: number, cases: number, };

export type AuditEntry = { at: string, actor: string, action: string, changes: Array<FieldChange>, };

export type FieldChange = { field: string, from: unknown, to: unknown, };

export type Money = number;

export type Etp = number;

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
insee_category: string | null, naf: Naf | null, idcc: Array<Idcc>, ess: boolean, esus: boolean, 
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

export type Contact = { id: string, name: string, role: ContactRole, email: string | null, phone: string | null, lawful_basis: LawfulBasis, };

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
query: string, departement: string, legal_form: LegalForm | null, archived: ArchiveFilter, sort: StructureSort, descending: boolean, };

export type StructureSort = "name" | "commune" | "departement" | "legal_form" | "etp" | "budget" | "updated_at";

export type ArchiveFilter = "active" | "archived" | "all";

export type StructureSummary = { id: string, name: string, acronym: string | null, legal_form: LegalForm, siret: Siret | null, commune_name: string | null, departement: string | null, departement_name: string | null, etp: Etp | null, budget: Money | null, open_cases: number, archived: boolean, updated_at: string, };

export type Stage = "intake" | "diagnostic" | "plan" | "engineering" | "follow_up" | "closed" | "referred" | "not_eligible" | "abandoned";

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

export type CaseSummary = { id: string, reference: string, structure_id: string, structure_name: string, commune_name: string | null, departement: string | null, stage: Stage, request_date: string, officer: string, };

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
 * Include closed, referred, not eligible and abandoned cases.
 */
include_finished: boolean, };
