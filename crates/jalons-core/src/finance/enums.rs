use crate::labels::labelled_enum;

labelled_enum!(
    /// The solidarity finance tools of domain.md §5.
    FinanceTool, "l'outil de financement" {
        FranceActiveGuarantee => "fa_guarantee", "France Active – garantie";
        FranceActiveLoan => "fa_loan", "France Active – prêt";
        FranceActivePrime => "fa_prime", "France Active – prime";
        SolidarityFund => "solidarity_fund", "Fonds de solidarité";
        AssociativeContribution => "associative_contribution", "Contrat d'apport associatif";
        ParticipativeLoan => "participative_loan", "Prêt participatif";
        AssociativeBonds => "associative_bonds", "Titres associatifs";
        EthicalLoan => "ethical_loan", "Emprunt éthique (La Nef, Crédit Coopératif…)";
        EndowmentFund => "endowment_fund", "Fonds de dotation";
        PooledCashFund => "pooled_cash_fund", "Fonds de trésorerie mutualisé";
        ImpactContract => "impact_contract", "Contrat à impact";
        Other => "other", "Autre";
    }
);

labelled_enum!(
    FinanceStatus, "l'état de la demande" {
        Preparing => "preparing", "En préparation";
        Submitted => "submitted", "Déposée";
        Granted => "granted", "Accordée";
        Refused => "refused", "Refusée";
        Withdrawn => "withdrawn", "Abandonnée";
    }
);
