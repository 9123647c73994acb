use crate::labels::labelled_enum;

labelled_enum!(
    /// How one of the four 2017 performance criteria moved since the diagnostic.
    Trend, "une évolution" {
        Minus => "minus", "− En recul";
        Equal => "equal", "= Stable";
        Plus => "plus", "+ En progrès";
    }
);

/// How far the structure made the recommendations its own, 0 to 3.
pub const APPROPRIATION_LABELS: [&str; 4] =
    ["Non appropriées", "Peu appropriées", "En partie appropriées", "Pleinement appropriées"];
