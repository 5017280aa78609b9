/// The role a grapheme cluster plays in line breaking (a tailored subset of UAX #14 for
/// Chinese, with clreq's prohibition rules).
enum BreakClass: Equatable {
    /// Han, kana, Hangul, full-width forms, wide emoji: a break is allowed on either side.
    case ideographic
    /// Letters and digits of Latin-like scripts and the ASCII glue inside words and URLs.
    case word
    /// ASCII space or tab: a break is allowed after; it is consumed at a row end.
    case space
    /// U+3000: may end a row, never start one mid-paragraph.
    case ideographicSpace
    /// May not start a row: 、。，：；？！ closing brackets and quotes, % ℃, interpuncts.
    case closing
    /// May not end a row: opening brackets and quotes.
    case opening
    /// … ‥ ⋯: pairs are unsplittable and never start a row.
    case ellipsis
    /// — ⸺: pairs are unsplittable; at `strict` they never start a row.
    case dash
    /// ASCII hyphen: a break is allowed after it, not before.
    case hyphen
    /// Currency signs kept with the number that follows.
    case prefix
    /// Hidden word-boundary metadata: glued to what precedes it.
    case hidden

    static func of(_ first: Unicode.Scalar, width: Int) -> BreakClass {
        let v = first.value
        // Fast path: the CJK Unified Ideographs (most of any Chinese text).
        if (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v) { return .ideographic }
        if first == TextStructureMarks.hidden { return .hidden }
        switch v {
        case 0x20, 0x09: return .space
        case 0x3000: return .ideographicSpace
        case 0x2026, 0x2025, 0x22EF: return .ellipsis
        case 0x2014, 0x2E3A, 0x2E3B: return .dash
        case 0x2D, 0x2010: return .hyphen
        default: break
        }
        if closingSet.contains(v) { return .closing }
        if openingSet.contains(v) { return .opening }
        if prefixSet.contains(v) { return .prefix }
        if v < 0x80 {
            // Remaining ASCII: letters, digits and the glue of identifiers, paths and URLs.
            return .word
        }
        let props = first.properties
        if props.isIdeographic || width == 2 { return .ideographic }
        if props.isAlphabetic || props.numericType != nil { return .word }
        switch props.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .connectorPunctuation: return .word
        default: return .ideographic
        }
    }

    private static let closingSet: Set<UInt32> = Set(
        "、。，．：；？！）］｝〕〉》」』】〗〙〛”’),.:;?!]}%％‰‱℃℉°′″·・‧々〻～〜ゝゞヽヾー｡､〃¢￠".unicodeScalars.map(\.value)
        + Array(0x3041...0x3049).filter { $0 % 2 == 1 }.map { UInt32($0) }   // small kana ぁぃぅぇぉ
    )
    private static let openingSet: Set<UInt32> = Set("（［｛〔〈《「『【〖〘〚“‘([{¿¡".unicodeScalars.map(\.value))
    private static let prefixSet: Set<UInt32> = Set("$￥¥£€＄￡#＃".unicodeScalars.map(\.value))
}

/// The Chinese line-breaking rules (R4–R8): whether a row may end between two clusters.
enum BreakRules {
    /// `previous` and `next` are adjacent clusters; `previousNarrow` / `nextNarrow` say whether
    /// they occupy one cell (narrow punctuation glues to neighbouring Latin words).
    static func allowsBreak(between previous: BreakClass, _ next: BreakClass,
                            previousNarrow: Bool, nextNarrow: Bool, strictness: LineBreakStrictness) -> Bool {
        // Spaces and hidden separators stay at the end of the row they follow.
        if next == .space || next == .hidden { return false }
        // Unsplittable pairs (R7).
        if previous == next && (next == .dash || next == .ellipsis) { return false }
        // Word integrity holds at every level: Latin words, numbers, URLs (R4).
        if (previous == .word || previous == .prefix) && next == .word { return false }
        if previous == .word && next == .prefix { return false }
        if previous == .hyphen && next == .hyphen { return false }
        if strictness == .none { return previous != .prefix }
        if previous == .space { return next != .closing && next != .ideographicSpace && next != .ellipsis }
        if previous == .opening || previous == .prefix { return false }           // R6
        switch next {
        case .closing, .ideographicSpace, .ellipsis, .hyphen: return false        // R5, R12
        case .dash: return strictness != .strict
        default: break
        }
        // Narrow closing punctuation glues to a following Latin word (3.14, don’t, a,b).
        if previous == .closing && previousNarrow && next == .word { return false }
        // Narrow opening punctuation glues to a preceding Latin word: f(x).
        if previous == .word && next == .opening && nextNarrow { return false }
        return true
    }
}
