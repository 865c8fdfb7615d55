//! Calendar dates, parsed once: a document's date ([`Date`], `YYYY-MM-DD`)
//! and the bounds of a date filter ([`DateBound`], `YYYY`, `YYYY-MM` or
//! `YYYY-MM-DD`). Nothing here slices strings by byte.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A calendar date (proleptic Gregorian, years 0 to 9999), ordered by
/// time. Parse one from `YYYY-MM-DD` with [`str::parse`]; it is written
/// (and serialized) the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: u16,
    month: u8,
    day: u8,
}

/// Why a text is not a date or a date bound.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    /// The text as given.
    pub text: String,
    /// What was expected: "YYYY-MM-DD" or "YYYY, YYYY-MM or YYYY-MM-DD".
    pub expected: &'static str,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\"{}\" is not a date written {}", self.text, self.expected)
    }
}

impl std::error::Error for DateError {}

fn days_in_month(year: u16, month: u8) -> u8 {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 0,
    }
}

/// `n` ASCII digits exactly, as a number.
fn digits(text: &str, n: usize) -> Option<u16> {
    (text.len() == n && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

impl Date {
    /// A date from its parts, or `None` when it does not exist on the
    /// calendar (month outside 1 to 12, day past the month's end, year past
    /// 9999).
    ///
    /// ```
    /// use cijing_engine::text::date::Date;
    /// assert!(Date::new(2024, 2, 29).is_some());
    /// assert!(Date::new(2023, 2, 29).is_none());
    /// ```
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        (year <= 9999 && (1..=days_in_month(year, month)).contains(&day)).then_some(Date {
            year,
            month,
            day,
        })
    }

    /// The day `days` after 1970-01-01 (Howard Hinnant's civil-from-days
    /// algorithm), kept within years 0 to 9999.
    ///
    /// ```
    /// use cijing_engine::text::date::Date;
    /// assert_eq!(Date::from_unix_days(0).to_string(), "1970-01-01");
    /// assert_eq!(Date::from_unix_days(11_016).to_string(), "2000-02-29"); // 10,957 days to 2000 + 59
    /// assert_eq!(Date::from_unix_days(19_723).to_string(), "2024-01-01"); // 54 × 365 + 13 leap days
    /// assert_eq!(Date::from_unix_days(-1).to_string(), "1969-12-31");
    /// ```
    pub fn from_unix_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = yoe + era * 400 + i64::from(month <= 2);
        match year {
            ..0 => Date { year: 0, month: 1, day: 1 },
            10_000.. => Date { year: 9999, month: 12, day: 31 },
            _ => Date { year: year as u16, month, day },
        }
    }

    /// The year, 0 to 9999.
    pub fn year(self) -> u16 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1 to 31.
    pub fn day(self) -> u8 {
        self.day
    }
}

impl FromStr for Date {
    type Err = DateError;

    /// Parses `YYYY-MM-DD`: exactly four, two and two ASCII digits, and a
    /// day that exists (`2023-02-29` is an error).
    fn from_str(text: &str) -> Result<Date, DateError> {
        let error = || DateError { text: text.to_string(), expected: "YYYY-MM-DD" };
        let mut parts = text.split('-');
        let (Some(y), Some(m), Some(d), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(error());
        };
        let (Some(y), Some(m), Some(d)) = (digits(y, 4), digits(m, 2), digits(d, 2)) else {
            return Err(error());
        };
        Date::new(y, m as u8, d as u8).ok_or_else(error)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// Serde as the text a person writes: `Display` out, `FromStr` in.
macro_rules! serde_as_text {
    ($type:ty) => {
        impl Serialize for $type {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $type {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<$type, D::Error> {
                let text = String::deserialize(deserializer)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

serde_as_text!(Date);

/// One end of a date filter: a year, a month or a day. As a lower bound it
/// starts at the first day it names; as an upper bound it runs to the last
/// (`2023` as an upper bound takes in all of 2023).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateBound {
    /// `YYYY`.
    Year(u16),
    /// `YYYY-MM`.
    Month(u16, u8),
    /// `YYYY-MM-DD`.
    Day(Date),
}

impl DateBound {
    /// Is `date` on or after this bound? (`2023-05` admits `2023-05-01`
    /// and later.)
    pub fn admits_from(self, date: Date) -> bool {
        match self {
            DateBound::Year(y) => date.year >= y,
            DateBound::Month(y, m) => (date.year, date.month) >= (y, m),
            DateBound::Day(d) => date >= d,
        }
    }

    /// The first day it names (`2023-05` → 2023-05-01).
    pub fn first_day(self) -> Date {
        match self {
            DateBound::Year(y) => Date { year: y, month: 1, day: 1 },
            DateBound::Month(y, m) => Date { year: y, month: m, day: 1 },
            DateBound::Day(d) => d,
        }
    }

    /// Is `date` on or before this bound? (`2023-05` admits up to
    /// `2023-05-31`.)
    pub fn admits_to(self, date: Date) -> bool {
        match self {
            DateBound::Year(y) => date.year <= y,
            DateBound::Month(y, m) => (date.year, date.month) <= (y, m),
            DateBound::Day(d) => date <= d,
        }
    }
}

impl FromStr for DateBound {
    type Err = DateError;

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    ///
    /// ```
    /// use cijing_engine::text::date::{Date, DateBound};
    /// let bound: DateBound = "2023-05".parse().unwrap();
    /// let date: Date = "2023-05-18".parse().unwrap();
    /// assert!(bound.admits_from(date) && bound.admits_to(date));
    /// assert!("2023-13".parse::<DateBound>().is_err());
    /// ```
    fn from_str(text: &str) -> Result<DateBound, DateError> {
        let error =
            || DateError { text: text.to_string(), expected: "YYYY, YYYY-MM or YYYY-MM-DD" };
        match text.len() {
            4 => digits(text, 4).map(DateBound::Year).ok_or_else(error),
            7 => {
                let (y, m) = text.split_once('-').ok_or_else(error)?;
                match (digits(y, 4), digits(m, 2)) {
                    (Some(y), Some(m)) if (1..=12).contains(&m) => Ok(DateBound::Month(y, m as u8)),
                    _ => Err(error()),
                }
            }
            10 => text.parse().map(DateBound::Day).map_err(|_| error()),
            _ => Err(error()),
        }
    }
}

impl fmt::Display for DateBound {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateBound::Year(y) => write!(f, "{y:04}"),
            DateBound::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            DateBound::Day(d) => d.fmt(f),
        }
    }
}

serde_as_text!(DateBound);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_only_when_real() {
        assert_eq!("2019-06-05".parse::<Date>().unwrap().to_string(), "2019-06-05");
        for bad in [
            "2019-6-5",
            "2019-06-31",
            "2019/06/05",
            "",
            "20190605",
            "2019-06-05-01",
            "२०१९-06-05",
            "2019-0a-05",
        ] {
            assert!(bad.parse::<Date>().is_err(), "{bad}");
        }
        assert!("2000-02-29".parse::<Date>().is_ok());
        assert!("1900-02-29".parse::<Date>().is_err());
    }

    #[test]
    fn bounds_cover_their_whole_period() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        let b = |s: &str| s.parse::<DateBound>().unwrap();
        assert!(b("2023").admits_to(d("2023-12-31")));
        assert!(!b("2023").admits_to(d("2024-01-01")));
        assert!(b("2023-05").admits_from(d("2023-05-01")));
        assert!(!b("2023-05").admits_from(d("2023-04-30")));
        assert!(b("2023-05-18").admits_to(d("2023-05-18")));
        assert!(!b("2023-05-18").admits_to(d("2023-05-19")));
        for bad in ["23", "2023-1", "2023-00", "2023-13", "2023-02-30", "abcd", "２０２３"] {
            assert!(bad.parse::<DateBound>().is_err(), "{bad}");
        }
        assert_eq!(b("2023-05").to_string(), "2023-05");
    }
}
