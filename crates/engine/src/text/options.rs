//! What every statistic's options share: the error for a value outside its
//! range, named by the option a person set.

use std::fmt;

/// An option set to a value outside the range the statistic accepts;
/// displayed as `--option value: expected`, e.g. `--k 1: choose 2 to 50
/// topics`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionError {
    /// The option's name as the CLI spells it (`min-n`, `k`, …).
    pub option: &'static str,
    /// The value given.
    pub value: String,
    /// What is accepted, in words.
    pub expected: &'static str,
}

impl fmt::Display for OptionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "--{} {}: {}", self.option, self.value, self.expected)
    }
}

impl std::error::Error for OptionError {}

/// `Ok` when `value` is in `range`, else the error naming `option`.
pub(crate) fn check_range<T>(
    option: &'static str,
    value: T,
    range: std::ops::RangeInclusive<T>,
    expected: &'static str,
) -> Result<(), OptionError>
where
    T: PartialOrd + fmt::Display,
{
    if range.contains(&value) {
        Ok(())
    } else {
        Err(OptionError { option, value: value.to_string(), expected })
    }
}

/// An option with a fixed set of values, each with a short code (as the
/// CLI, the URL and serde spell it): sort orders, references, modes.
///
/// ```
/// use cijing_engine::statistics::keyness::Reference;
/// use cijing_engine::text::options::Choice;
/// assert_eq!(Reference::parse("whole"), Some(Reference::Whole));
/// assert_eq!(Reference::parse("Whole"), None);
/// assert_eq!(Reference::codes(), "rest, whole");
/// ```
pub trait Choice: Sized + Copy + PartialEq + 'static {
    /// Every value, in the order menus list them.
    const ALL: &'static [Self];

    /// The value's code: lower-case ASCII, unique within the type.
    fn code(self) -> &'static str;

    /// The value with exactly this code, or `None` (codes are
    /// case-sensitive).
    fn parse(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.code() == code)
    }

    /// Every code in [`Choice::ALL`] order, joined by `", "`, for messages.
    fn codes() -> String {
        Self::ALL.iter().map(|c| c.code()).collect::<Vec<_>>().join(", ")
    }
}

/// Implements [`Choice`] for an enum from `Variant => "code"` pairs.
macro_rules! choices {
    ($ty:ident { $($variant:ident => $code:literal),+ $(,)? }) => {
        impl $crate::text::options::Choice for $ty {
            const ALL: &'static [Self] = &[$($ty::$variant),+];
            fn code(self) -> &'static str {
                match self {
                    $($ty::$variant => $code),+
                }
            }
        }
    };
}
pub(crate) use choices;
