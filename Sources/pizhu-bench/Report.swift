import Foundation

/// The benchmark table: each figure beside its baseline from the same run, medians of repeats.
struct Report {
    struct Row {
        var measure: String
        var pizhu: Double
        var baseline: Double
        var baselineName: String
        var unit: String
        /// True when smaller is better (times); false for throughputs.
        var lowerIsBetter: Bool
    }

    var rows: [Row] = []
    /// Figures pizhu could not produce (it never showed the expected screen, or crashed).
    var missing: [String] = []

    /// Records that `measure` could not be taken; the run then ends with status 1.
    mutating func fail(_ measure: String) {
        missing.append(measure)
        Report.say(pad(measure, 44) + "NOT MEASURED")
    }

    mutating func add(_ measure: String, pizhu: Double, baseline: Double, name: String, unit: String, lowerIsBetter: Bool = true) {
        guard !pizhu.isNaN else { return fail(measure) }
        rows.append(Row(measure: measure, pizhu: pizhu, baseline: baseline, baselineName: name, unit: unit, lowerIsBetter: lowerIsBetter))
        Report.say(format(rows.last!))
    }

    func format(_ r: Row) -> String {
        if r.baseline.isNaN {
            return pad(r.measure, 44) + pad(String(format: "%.1f %@", r.pizhu, r.unit), 16)
                + pad("\(r.baselineName) did not finish in 20 s", 24)
        }
        let ratio = r.pizhu / r.baseline
        return pad(r.measure, 44) + pad(String(format: "%.1f %@", r.pizhu, r.unit), 16)
            + pad(String(format: "%@ %.1f %@", r.baselineName, r.baseline, r.unit), 24) + String(format: "%.2f×", ratio)
    }

    /// Prints a line at once, so a log (CI's) shows each figure as it is taken.
    static func say(_ line: String) {
        print(line)
        fflush(nil)
    }

    static var header: String {
        "measure".padding(toLength: 44, withPad: " ", startingAt: 0) + "pizhu".padding(toLength: 16, withPad: " ", startingAt: 0)
            + "baseline".padding(toLength: 24, withPad: " ", startingAt: 0) + "pizhu/baseline"
    }

    func json() -> String {
        let items = rows.map { r in
            "{\"measure\": \"\(r.measure)\", \"pizhu\": \(r.pizhu), \"baseline\": \(r.baseline.isNaN ? "null" : "\(r.baseline)"), \"baseline_name\": \"\(r.baselineName)\", \"unit\": \"\(r.unit)\"}"
        }
        return "[\n  " + items.joined(separator: ",\n  ") + "\n]\n"
    }

    private func pad(_ s: String, _ n: Int) -> String {
        s + String(repeating: " ", count: max(1, n - s.count))
    }
}

/// Medians of repeated measurements (the machine is shared and noisy).
enum Statistics {
    static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }

    /// Runs `body` `times` times and returns the median of its results (nil results skipped).
    static func medianOf(_ times: Int, _ body: () -> Double?) -> Double {
        median((0..<times).compactMap { _ in body() })
    }

    /// Times `body` `times` times and returns the median, in milliseconds.
    static func medianMilliseconds(_ times: Int, _ body: () -> Void) -> Double {
        medianOf(times) {
            let t = Date()
            body()
            return Date().timeIntervalSince(t) * 1000
        }
    }
}
