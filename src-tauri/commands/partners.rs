use jalons_core::paging::{Page, PageRequest};
use jalons_core::partners::{
    Partner, PartnerFilter, PartnerInput, PartnerReferrals, Referral, ReferralFilter, ReferralInput,
};
use jalons_core::store::audit::AuditEntry;
use tauri::State;

use crate::error::CmdResult;
use crate::state::AppState;

#[tauri::command]
pub async fn list_partners(
    state: State<'_, AppState>,
    filter: PartnerFilter,
    page: PageRequest,
) -> CmdResult<Page<Partner>> {
    state.reader()?.list_partners(&filter, page)
}

#[tauri::command]
pub async fn get_partner(state: State<'_, AppState>, id: String) -> CmdResult<Partner> {
    state.reader()?.get_partner(&id)
}

#[tauri::command]
pub async fn create_partner(state: State<'_, AppState>, input: PartnerInput) -> CmdResult<Partner> {
    state.store()?.create_partner(&input)
}

#[tauri::command]
pub async fn update_partner(state: State<'_, AppState>, id: String, input: PartnerInput) -> CmdResult<Partner> {
    state.store()?.update_partner(&id, &input)
}

#[tauri::command]
pub async fn partner_history(state: State<'_, AppState>, id: String, page: PageRequest) -> CmdResult<Page<AuditEntry>> {
    state.reader()?.partner_history(&id, page)
}

#[tauri::command]
pub async fn list_referrals(
    state: State<'_, AppState>,
    filter: ReferralFilter,
    page: PageRequest,
) -> CmdResult<Page<Referral>> {
    state.reader()?.list_referrals(&filter, page)
}

#[tauri::command]
pub async fn referral_partners(state: State<'_, AppState>, filter: ReferralFilter) -> CmdResult<Vec<PartnerReferrals>> {
    state.reader()?.referral_partners(&filter)
}

#[tauri::command]
pub async fn create_referral(state: State<'_, AppState>, input: ReferralInput) -> CmdResult<Referral> {
    state.store()?.create_referral(&input)
}

#[tauri::command]
pub async fn update_referral(state: State<'_, AppState>, id: String, input: ReferralInput) -> CmdResult<Referral> {
    state.store()?.update_referral(&id, &input)
}
