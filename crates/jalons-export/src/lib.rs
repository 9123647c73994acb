//! Jalons' documents for funders (domain.md §9): the case summary as PDF, period reports
//! as XLSX, ODS and CSV, the Observatoire's charts as data or drawings. The figures come from `jalons-core`; this crate only lays them out.

pub mod batch;
mod csv;
mod french;
mod observatory;
mod ods;
pub mod report;
pub mod summary;
mod table;
mod typeset;
mod xlsx;

use jalons_core::Result;
use jalons_core::indicators::{PeriodReport, ReportFormat, aggregates};

pub use batch::write_summaries;
pub use observatory::{chart_file_name, image_file, table_file};
pub use summary::{summary_pdf, summary_preview};

/// The name proposed for the file: `Bilan 2026-01-01 au 2026-12-31.xlsx`.
pub fn report_file_name(report: &PeriodReport, format: ReportFormat) -> String {
    let (what, extension) = match format {
        ReportFormat::Xlsx => ("Bilan", "xlsx"),
        ReportFormat::Ods => ("Bilan", "ods"),
        ReportFormat::CasesCsv => ("Accompagnements", "csv"),
        ReportFormat::AggregatesCsv => ("Agrégats anonymisés", "csv"),
    };
    jalons_core::durable::file_name(&format!("{what} {} au {}", report.period.from, report.period.to), extension)
}

pub fn report_file(report: &PeriodReport, format: ReportFormat) -> Result<Vec<u8>> {
    match format {
        ReportFormat::Xlsx => xlsx::workbook(&report::sheets(report)),
        ReportFormat::Ods => ods::workbook(&report::sheets(report)),
        ReportFormat::CasesCsv => csv::csv(&report::cases_table(report)),
        ReportFormat::AggregatesCsv => csv::csv(&report::aggregates_table(&aggregates(report))),
    }
}
