use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Serialize;
use ts_rs::TS;

use crate::values::fold;

const COMMUNES: &str = include_str!("../../../../assets/reference/communes.tsv");
const DEPARTEMENTS: &str = include_str!("../../../../assets/reference/departements.tsv");
const REGIONS: &str = include_str!("../../../../assets/reference/regions.tsv");
const EPCI: &str = include_str!("../../../../assets/reference/epci.tsv");

/// A commune of the COG with what the structure record fills in from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Commune {
    pub code: String,
    pub name: String,
    pub postal_codes: Vec<String>,
    pub departement: String,
    pub departement_name: String,
    pub region: String,
    pub region_name: String,
    /// SIREN of the EPCI the commune belongs to, when it belongs to one.
    pub epci: Option<String>,
    pub epci_name: Option<String>,
    pub population: Option<i64>,
}

struct Row {
    code: String,
    name: String,
    folded: String,
    departement: String,
    region: String,
    epci: Option<String>,
    postal_codes: Vec<String>,
    population: Option<i64>,
}

/// The territorial reference, parsed once on first use (about 35,000 communes, ~20 ms).
pub struct Territory {
    source: String,
    communes: Vec<Row>,
    by_code: HashMap<String, usize>,
    departements: Vec<(String, String)>,
    regions: HashMap<String, String>,
    epcis: HashMap<String, String>,
}

fn rows(tsv: &str) -> impl Iterator<Item = Vec<&str>> {
    tsv.lines().skip(2).filter(|l| !l.is_empty()).map(|l| l.split('\t').collect())
}

fn non_empty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_owned())
}

pub fn territory() -> &'static Territory {
    static T: OnceLock<Territory> = OnceLock::new();
    T.get_or_init(Territory::load)
}

impl Territory {
    fn load() -> Self {
        let source =
            COMMUNES.lines().next().and_then(|l| l.strip_prefix("# source: ")).unwrap_or("INSEE COG").to_owned();
        let communes: Vec<Row> = rows(COMMUNES)
            .map(|c| Row {
                code: c[0].into(),
                name: c[1].into(),
                folded: fold(c[1]),
                departement: c[2].into(),
                region: c[3].into(),
                epci: non_empty(c[4]),
                postal_codes: c[5].split(',').filter(|p| !p.is_empty()).map(Into::into).collect(),
                population: c[6].parse().ok(),
            })
            .collect();
        let by_code = communes.iter().enumerate().map(|(i, c)| (c.code.clone(), i)).collect();
        Self {
            source,
            communes,
            by_code,
            departements: rows(DEPARTEMENTS).map(|d| (d[0].to_owned(), d[1].to_owned())).collect(),
            regions: rows(REGIONS).map(|r| (r[0].to_owned(), r[1].to_owned())).collect(),
            epcis: rows(EPCI).map(|e| (e[0].to_owned(), e[1].to_owned())).collect(),
        }
    }

    /// The vintage alone, for users: `COG INSEE 2026` out of the source line
    /// `COG INSEE 2026 (@etalab/decoupage-administratif 6.0.0)`.
    pub fn vintage(&self) -> &str {
        self.source.split(" (").next().unwrap_or(&self.source)
    }

    pub fn departements(&self) -> impl Iterator<Item = (&str, &str)> {
        self.departements.iter().map(|(c, n)| (c.as_str(), n.as_str()))
    }

    pub fn departement_name(&self, code: &str) -> Option<&str> {
        self.departements.iter().find(|(c, _)| c == code).map(|(_, n)| n.as_str())
    }

    pub fn region_name(&self, code: &str) -> Option<&str> {
        self.regions.get(code).map(String::as_str)
    }

    pub fn epci_name(&self, siren: &str) -> Option<&str> {
        self.epcis.get(siren).map(String::as_str)
    }

    pub fn commune(&self, code: &str) -> Option<Commune> {
        self.by_code.get(code).map(|&i| self.expand(&self.communes[i]))
    }

    fn expand(&self, r: &Row) -> Commune {
        Commune {
            code: r.code.clone(),
            name: r.name.clone(),
            postal_codes: r.postal_codes.clone(),
            departement: r.departement.clone(),
            departement_name: self.departement_name(&r.departement).unwrap_or_default().to_owned(),
            region: r.region.clone(),
            region_name: self.region_name(&r.region).unwrap_or_default().to_owned(),
            epci: r.epci.clone(),
            epci_name: r.epci.as_deref().and_then(|e| self.epci_name(e)).map(Into::into),
            population: r.population,
        }
    }

    /// Autocompletion: a postal code or INSEE code prefix, or words of the name in any
    /// accent or case ("st jean" finds "Saint-Jean-..."). Exact names first, then
    /// prefixes, then larger communes.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Commune> {
        let q = fold(query.trim());
        if q.is_empty() {
            return Vec::new();
        }
        let mut hits: Vec<(u8, i64, &Row)> =
            if q.bytes().all(|b| b.is_ascii_digit()) || q.starts_with("2a") || q.starts_with("2b") {
                let upper = q.to_uppercase();
                self.communes
                    .iter()
                    .filter(|c| c.code.starts_with(&upper) || c.postal_codes.iter().any(|p| p.starts_with(&upper)))
                    .map(|c| (u8::from(!c.postal_codes.iter().any(|p| p == &upper)), -c.population.unwrap_or(0), c))
                    .collect()
            } else {
                let words: Vec<String> = q
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .map(|w| {
                        if w == "st" {
                            "saint".into()
                        } else if w == "ste" {
                            "sainte".into()
                        } else {
                            w.to_owned()
                        }
                    })
                    .collect();
                let joined = words.join(" ");
                self.communes
                    .iter()
                    .filter_map(|c| {
                        let name_words: Vec<&str> =
                            c.folded.split(|ch: char| !ch.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
                        let all_match = words.iter().all(|w| name_words.iter().any(|nw| nw.starts_with(w.as_str())));
                        if !all_match {
                            return None;
                        }
                        let plain = name_words.join(" ");
                        let rank = if plain == joined {
                            0
                        } else if plain.starts_with(&joined) {
                            1
                        } else {
                            2
                        };
                        Some((rank, -c.population.unwrap_or(0), c))
                    })
                    .collect()
            };
        hits.sort_by_key(|h| (h.0, h.1));
        hits.into_iter().take(limit).map(|(_, _, r)| self.expand(r)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn die_is_in_the_drome() {
        let die = territory().commune("26113").unwrap();
        assert_eq!(die.name, "Die");
        assert_eq!(die.departement, "26");
        assert_eq!(die.departement_name, "Drôme");
        assert_eq!(die.region, "84");
        assert_eq!(die.region_name, "Auvergne-Rhône-Alpes");
        assert_eq!(die.postal_codes, vec!["26150"]);
        assert!(die.epci_name.is_some());
    }

    #[test]
    fn search_by_name_ignores_accents_and_ranks_exact_first() {
        let hits = territory().search("die", 5);
        assert_eq!(hits[0].code, "26113");
        let hits = territory().search("chalon sur saone", 3);
        assert_eq!(hits[0].name, "Chalon-sur-Saône");
        let hits = territory().search("st etienne", 3);
        assert_eq!(hits[0].name, "Saint-Étienne");
    }

    #[test]
    fn search_by_postal_or_insee_code() {
        assert!(territory().search("26150", 10).iter().any(|c| c.code == "26113"));
        assert_eq!(territory().search("2A004", 1)[0].name, "Ajaccio");
    }

    #[test]
    fn the_vintage_is_known() {
        assert!(territory().source.contains("6.0.0"));
        assert_eq!(territory().vintage(), "COG INSEE 2026");
        assert!(territory().departements().count() >= 101);
    }
}
