//! Times shown to people: dates and times (in UTC: the standard library knows no
//! time zones) and durations in Chinese.

/// Seconds since the Unix epoch.
pub type Timestamp = u64;

/// `YYYY-MM-DD` of a time (UTC).
pub fn date(at: Timestamp) -> String {
    let days = (at / 86_400) as i64;
    // Days to a civil date (proleptic Gregorian), after H. Hinnant's algorithm.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// `3 小时 5 分`, `12 分`, `40 秒`.
pub fn duration(seconds: u64) -> String {
    let (hours, minutes) = (seconds / 3600, seconds % 3600 / 60);
    match (hours, minutes) {
        (0, 0) => format!("{seconds} 秒"),
        (0, m) => format!("{m} 分"),
        (h, m) => format!("{h} 小时 {m} 分"),
    }
}

/// `YYYY-MM-DD HH:MM` (UTC).
pub fn date_time(at: Timestamp) -> String {
    let clock = at % 86_400;
    format!("{} {:02}:{:02}", date(at), clock / 3600, clock % 3600 / 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_of_known_times() {
        assert_eq!(date(0), "1970-01-01");
        assert_eq!(date(951_782_400), "2000-02-29");
        assert_eq!(date_time(1_800_000_000), "2027-01-15 08:00");
    }

    #[test]
    fn durations() {
        assert_eq!(duration(40), "40 秒");
        assert_eq!(duration(720), "12 分");
        assert_eq!(duration(11_100), "3 小时 5 分");
    }
}
