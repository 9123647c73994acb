//! A dated list of codes and names shipped as a TSV file: a `# source: …` line saying what
//! it is and when it was made, a header, then one `code<TAB>name` per line.

pub(crate) struct Listing(pub &'static str);

impl Listing {
    /// What the list is and when it was made, from its first line.
    pub fn source(&self) -> &'static str {
        self.0.lines().next().and_then(|l| l.strip_prefix("# source: ")).unwrap_or("")
    }

    pub fn entries(&self) -> impl Iterator<Item = (&'static str, &'static str)> {
        self.0.lines().filter(|l| !l.starts_with('#')).skip(1).filter_map(|l| l.split_once('\t'))
    }

    pub fn name(&self, code: &str) -> Option<&'static str> {
        self.entries().find(|(c, _)| *c == code).map(|(_, name)| name)
    }
}
