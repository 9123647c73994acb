//! Size bands derived from a structure's figures (domain.md §6), used to read and later
//! to aggregate: the budget band of the DLA reports and the INSEE headcount tranches.

use crate::labels::labelled_enum;
use crate::values::Money;

labelled_enum!(
    BudgetBand, "une tranche de budget" {
        Under50k => "under_50k", "Moins de 50 k€";
        From50kTo200k => "50k_200k", "50 à 200 k€";
        From200kTo500k => "200k_500k", "200 à 500 k€";
        From500kTo1m => "500k_1m", "500 k€ à 1 M€";
        Over1m => "over_1m", "Plus de 1 M€";
    }
);

labelled_enum!(
    /// INSEE "tranches d'effectif salarié".
    HeadcountBand, "une tranche d'effectif" {
        None => "0", "Aucun salarié";
        From1To2 => "1_2", "1 ou 2 salariés";
        From3To5 => "3_5", "3 à 5 salariés";
        From6To9 => "6_9", "6 à 9 salariés";
        From10To19 => "10_19", "10 à 19 salariés";
        From20To49 => "20_49", "20 à 49 salariés";
        From50To99 => "50_99", "50 à 99 salariés";
        From100To199 => "100_199", "100 à 199 salariés";
        Over200 => "200_plus", "200 salariés et plus";
    }
);

impl BudgetBand {
    pub fn of(budget: Money) -> Self {
        match budget.0 / 100 {
            ..50_000 => Self::Under50k,
            50_000..200_000 => Self::From50kTo200k,
            200_000..500_000 => Self::From200kTo500k,
            500_000..1_000_000 => Self::From500kTo1m,
            _ => Self::Over1m,
        }
    }
}

impl HeadcountBand {
    pub fn of(employees: i64) -> Self {
        match employees {
            ..=0 => Self::None,
            1..=2 => Self::From1To2,
            3..=5 => Self::From3To5,
            6..=9 => Self::From6To9,
            10..=19 => Self::From10To19,
            20..=49 => Self::From20To49,
            50..=99 => Self::From50To99,
            100..=199 => Self::From100To199,
            _ => Self::Over200,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn budget_bands_include_their_lower_bound() {
        assert_eq!(BudgetBand::of(Money(4_999_999)), BudgetBand::Under50k);
        assert_eq!(BudgetBand::of(Money(5_000_000)), BudgetBand::From50kTo200k);
        assert_eq!(BudgetBand::of(Money(18_650_000)), BudgetBand::From50kTo200k);
        assert_eq!(BudgetBand::of(Money(100_000_000)), BudgetBand::Over1m);
    }

    #[test]
    fn headcount_bands_follow_insee() {
        assert_eq!(HeadcountBand::of(0), HeadcountBand::None);
        assert_eq!(HeadcountBand::of(2), HeadcountBand::From1To2);
        assert_eq!(HeadcountBand::of(9), HeadcountBand::From6To9);
        assert_eq!(HeadcountBand::of(21), HeadcountBand::From20To49);
        assert_eq!(HeadcountBand::of(250), HeadcountBand::Over200);
    }
}
