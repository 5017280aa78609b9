/// The headings of a document, for the outline pane and `:goto heading N`: the blocks the
/// reflow view marks as headings (Chinese heading patterns after Legado's rules — 第X章/节/卷,
/// 一、, （一）, `1.`/`1、`, `##` — and short lines between blank lines), with a level for
/// indenting.
public enum DocumentOutline {
    public struct Heading: Equatable, Sendable {
        public var offset: Int
        public var title: String
        /// 1 (卷 部 篇 `#`), 2 (章 一、 `##`), 3 (节 （一） 1. `###` and the rest).
        public var level: Int
    }

    /// At most this many headings are listed.
    public static let limit = 10_000

    public static func headings(of views: DocumentViews) -> [Heading] {
        let text = views.text
        guard !text.isEmpty else { return [] }
        let structure = views.profile.isSegmented ? views.structure(.original) : ReflowStructure(text: text, lines: views.lines, profile: views.profile)
        var out: [Heading] = []
        var offset = 0
        let count = text.count
        while offset < count && out.count < limit {
            let block = structure.block(containing: offset)
            let display = structure.displayScalars(of: block).filter { $0 != TextStructureMarks.hidden }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: display.prefix(80))
            let title = String(view).trimmingWhitespace
            let isHeading = block.isParagraphStart && !title.isEmpty
                && (block.role == .heading || (views.profile.isSegmented && HeadingPattern.matches(title)))
            if isHeading {
                out.append(Heading(offset: block.content.lowerBound, title: title, level: level(of: title)))
            }
            offset = max(block.owned.upperBound, offset + 1)
        }
        return out
    }

    static func level(of title: String) -> Int {
        let t = Array(title)
        if t.first == "#" { return min(3, t.prefix { $0 == "#" }.count) }
        if t.first == "第", let unit = t.dropFirst().first(where: { HeadingPattern.unitWords.contains($0) }) {
            return "卷部篇集".contains(unit) ? 1 : unit == "章" || unit == "回" ? 2 : 3
        }
        if let first = t.first, HeadingPattern.chineseNumerals.contains(first) { return 2 }
        return 3
    }
}

extension String {
    /// The string without leading and trailing whitespace or `|` separators.
    public var trimmingWhitespace: String {
        var s = Substring(self)
        while let f = s.unicodeScalars.first, f.properties.isWhitespace || f == "|" { s = s.dropFirst() }
        while let l = s.unicodeScalars.last, l.properties.isWhitespace || l == "|" { s = s.dropLast() }
        return String(s)
    }
}
