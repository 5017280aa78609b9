/// Medians and percentiles of repeated measurements (the machine is shared and noisy).
enum Statistics {
    static func median(_ values: [Double]) -> Double {
        percentile(values, 50)
    }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return .nan }
        let sorted = values.sorted()
        let rank = Int((p / 100 * Double(sorted.count - 1)).rounded())
        return sorted[min(sorted.count - 1, max(0, rank))]
    }
}
