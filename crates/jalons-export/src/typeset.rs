//! Typst as a library: a world with our fonts, one template and its data, compiled to a
//! PDF/A-2b file or to SVG pages for the preview. Nothing is read from disk at run time:
//! the fonts and templates are built into the binary, so a document looks the same on
//! every laptop.

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, Timelike, Utc};
use jalons_core::{Error, Result};
use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Duration, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

const FONTS: [&[u8]; 4] = [
    include_bytes!("../../../assets/fonts/Inter-Regular.otf"),
    include_bytes!("../../../assets/fonts/Inter-Italic.otf"),
    include_bytes!("../../../assets/fonts/Inter-SemiBold.otf"),
    include_bytes!("../../../assets/fonts/Inter-Bold.otf"),
];

/// Loaded once per process: parsing the fonts and building the standard library is the
/// slow part of a first document.
struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

fn shared() -> &'static Shared {
    static SHARED: OnceLock<Shared> = OnceLock::new();
    SHARED.get_or_init(|| {
        let fonts: Vec<Font> = FONTS.iter().flat_map(|data| Font::iter(Bytes::new(*data))).collect();
        Shared { library: LazyHash::new(Library::default()), book: LazyHash::new(FontBook::from_fonts(&fonts)), fonts }
    })
}

fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("the document's virtual paths are absolute and valid");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

/// One document to typeset: the template, and the files it reads (its data as JSON, the logo).
pub struct Document {
    main: Source,
    files: Vec<(FileId, Bytes)>,
    today: NaiveDate,
}

impl Document {
    pub fn new(template: &str, today: NaiveDate) -> Self {
        Self { main: Source::new(file_id("/main.typ"), template.to_owned()), files: Vec::new(), today }
    }

    /// A file the template reads, at an absolute virtual path such as `/data.json`.
    pub fn with_file(mut self, path: &str, bytes: Vec<u8>) -> Self {
        self.files.push((file_id(path), Bytes::new(bytes)));
        self
    }

    fn compile(&self) -> Result<PagedDocument> {
        typst::compile::<PagedDocument>(self).output.map_err(|errors| failed(&errors))
    }

    /// An archivable PDF (PDF/A-2b) with the fonts embedded.
    pub fn pdf(&self, ident: &str) -> Result<Vec<u8>> {
        let document = self.compile()?;
        let standards = PdfStandards::new(&[PdfStandard::A_2b])
            .map_err(|e| Error::internal(format!("Norme PDF/A refusée\u{a0}: {}", e.message())))?;
        let options = PdfOptions {
            ident: Smart::Custom(ident.to_owned()),
            creator: Smart::Custom(Some("Jalons".to_owned())),
            standards,
            timestamp: now(),
            ..PdfOptions::default()
        };
        typst_pdf::pdf(&document, &options).map_err(|errors| failed(&errors))
    }

    /// Each page as an SVG picture, for the preview inside the window.
    pub fn svg_pages(&self) -> Result<Vec<String>> {
        let document = self.compile()?;
        let options = typst_svg::SvgOptions::default();
        Ok(document.pages().iter().map(|page| typst_svg::svg(page, &options)).collect())
    }
}

/// PDF/A records when the file was made.
fn now() -> Option<Timestamp> {
    let t = Utc::now();
    let part = |n: u32| u8::try_from(n).ok();
    let at = Datetime::from_ymd_hms(
        t.year(),
        part(t.month())?,
        part(t.day())?,
        part(t.hour())?,
        part(t.minute())?,
        part(t.second())?,
    )?;
    Some(Timestamp::new_utc(at))
}

fn failed(errors: &[SourceDiagnostic]) -> Error {
    let details: Vec<String> = errors.iter().map(|e| e.message.to_string()).collect();
    Error::internal(format!("Le document n'a pas pu être composé\u{a0}: {}", details.join("\u{202f}; ")))
}

impl World for Document {
    fn library(&self) -> &LazyHash<Library> {
        &shared().library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &shared().book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() { Ok(self.main.clone()) } else { Err(FileError::NotSource) }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.files
            .iter()
            .find(|(file, _)| *file == id)
            .map(|(_, bytes)| bytes.clone())
            .ok_or_else(|| FileError::NotFound(id.get().vpath().get_without_slash().into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        shared().fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        let (month, day) = (u8::try_from(self.today.month()).ok()?, u8::try_from(self.today.day()).ok()?);
        Datetime::from_ymd(self.today.year(), month, day)
    }
}
