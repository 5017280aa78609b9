/// Layout settings as a short text (`measure=60 ambiguous=wide linebreak=strict hanging=on
/// spacing=off`): the form `:set` takes and the document store keeps per document.
extension LayoutSettings {
    public var text: String {
        "measure=\(measure) ambiguous=\(ambiguous.rawValue) linebreak=\(strictness.rawValue) hanging=\(hanging ? "on" : "off") spacing=\(paragraphSpacing ? "on" : "off")"
    }

    /// These settings with the ones named in `text` changed; unknown or invalid ones are ignored.
    public func applying(_ text: String) -> LayoutSettings {
        var s = self
        for pair in text.split(separator: " ") {
            let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { continue }
            switch parts[0] {
            case "measure": if let n = Int(parts[1]), (10...1000).contains(n) { s.measure = n }
            case "ambiguous": if let a = AmbiguousWidth(rawValue: parts[1]) { s.ambiguous = a }
            case "linebreak": if let l = LineBreakStrictness(rawValue: parts[1]) { s.strictness = l }
            case "hanging": s.hanging = parts[1] == "on"
            case "spacing": s.paragraphSpacing = parts[1] == "on"
            default: break
            }
        }
        return s
    }
}
