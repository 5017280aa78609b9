import Glibc

/// UTC times as ISO 8601 with a `Z` (`2026-03-01T02:11:40Z`), the form every time in a
/// sidecar takes; such strings sort in time order.
public enum Timestamp {
    public static func now() -> String { format(secondsSinceEpoch: time(nil)) }

    public static func format(secondsSinceEpoch seconds: Int) -> String {
        var t = time_t(seconds)
        var parts = tm()
        gmtime_r(&t, &parts)
        func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}
