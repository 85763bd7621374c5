//! Times shown to people: dates and times in the reader's own time zone (the
//! system's, or the one `TZ` names) and durations in Chinese.

use jiff::tz::TimeZone;

/// Seconds since the Unix epoch.
pub type Timestamp = u64;

/// `YYYY-MM-DD` of a time, where the reader is.
pub fn date(at: Timestamp) -> String {
    format_in(at, &TimeZone::system(), "%Y-%m-%d")
}

/// `YYYY-MM-DD HH:MM`, where the reader is.
pub fn date_time(at: Timestamp) -> String {
    format_in(at, &TimeZone::system(), "%Y-%m-%d %H:%M")
}

/// `at` in `zone`, as `format` says (strftime).
fn format_in(at: Timestamp, zone: &TimeZone, format: &str) -> String {
    let seconds = i64::try_from(at).unwrap_or(i64::MAX);
    let instant = jiff::Timestamp::from_second(seconds).unwrap_or(jiff::Timestamp::MAX);
    instant
        .to_zoned_datetime(zone.clone())
        .strftime(format)
        .to_string()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_of_known_times_in_a_zone() {
        let utc = TimeZone::UTC;
        let beijing = TimeZone::fixed(jiff::tz::offset(8));
        assert_eq!(format_in(0, &utc, "%Y-%m-%d"), "1970-01-01");
        assert_eq!(format_in(951_782_400, &utc, "%Y-%m-%d"), "2000-02-29");
        assert_eq!(
            format_in(1_800_000_000, &utc, "%Y-%m-%d %H:%M"),
            "2027-01-15 08:00"
        );
        assert_eq!(
            format_in(1_800_000_000, &beijing, "%Y-%m-%d %H:%M"),
            "2027-01-15 16:00"
        );
        // Past what a calendar can hold: the last time it can.
        assert!(format_in(u64::MAX, &utc, "%Y").starts_with('9'));
    }

    #[test]
    fn durations() {
        assert_eq!(duration(40), "40 秒");
        assert_eq!(duration(720), "12 分");
        assert_eq!(duration(11_100), "3 小时 5 分");
    }
}
