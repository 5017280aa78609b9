/// Chinese heading patterns, after Legado's TXT table-of-contents rules.
///
/// 第X章/节/卷/回/部/篇/集, 序章 楔子 后记 …; 一、 二、; （一）; numbered `1.` / `1、` titles;
/// Markdown `#` lines; and lines set off by interpuncts (`· 要闻 ·`).
enum HeadingPattern {
    static let digitText = "0123456789"
    static let chineseNumeralText = "〇零一二两三四五六七八九十百千万"
    static let chineseNumerals = Set(chineseNumeralText)
    /// Every numeral a chapter number may use: digits, the Chinese numerals and their
    /// financial forms (壹贰叁…).
    static let numerals = Set(digitText + chineseNumeralText + "壹贰叁肆伍陆柒捌玖拾佰仟")
    static let unitWords = Set("章节卷集部篇回")
    static let named = ["序章", "楔子", "终章", "后记", "尾声", "番外", "序言", "前言", "引言", "结语"]

    /// Whether a heading can start with `first` (the first scalar of its first character): a
    /// cheap test that rules out most lines before `matches` (a string per line) is asked.
    static func canStart(with first: Unicode.Scalar) -> Bool { startScalars.contains(first.value) }

    /// The first scalars of the patterns below: their fixed openings, the named headings and the
    /// Chinese numerals (some 40, so a linear search). An array of scalar values, not a set: the
    /// first use of a `Set` (its metadata, a hash seed, hashing each member) cost a large file's
    /// first screen some 70 µs, this array's 6 µs (a standalone release build, medians of 7).
    private static let startScalars: [UInt32] = {
        var values: [UInt32] = []
        for scalar in ("#第（(·•" + digitText).unicodeScalars { values.append(scalar.value) }
        for heading in named { if let first = heading.unicodeScalars.first { values.append(first.value) } }
        for scalar in chineseNumeralText.unicodeScalars { values.append(scalar.value) }
        return values
    }()

    /// True if `trimmed` (a line without surrounding whitespace) looks like a heading.
    static func matches(_ trimmed: String) -> Bool {
        // More than 40 characters: found without segmenting a long line whole.
        guard !trimmed.isEmpty, trimmed.unicodeScalars.count <= 40 || trimmed.prefix(41).count <= 40 else { return false }
        let t = Array(trimmed)
        if t[0] == "#" {
            let hashes = t.prefix { $0 == "#" }.count
            return hashes <= 6 && t.count > hashes && t[hashes] == " "
        }
        if named.contains(where: { trimmed.hasPrefix($0) }) && t.count <= 30 { return true }
        // 第……章
        if t[0] == "第" {
            var i = 1
            while i < t.count && (t[i] == " " || t[i] == "\u{3000}") { i += 1 }
            let digitsStart = i
            while i < t.count && numerals.contains(t[i]) { i += 1 }
            while i < t.count && t[i] == " " { i += 1 }
            if i > digitsStart && i < t.count && unitWords.contains(t[i]) {
                // Body text such as 第一节课, 第二部分, 第三集合 is not a heading.
                let after = i + 1 < t.count ? t[i + 1] : " "
                if (t[i] == "节" && after == "课") || (t[i] == "部" && after == "分") || (t[i] == "集" && (after == "合" || after == "和")) {
                    return false
                }
                return t.count <= 34
            }
        }
        // 一、 / 十二、
        if chineseNumerals.contains(t[0]) {
            let n = t.prefix { chineseNumerals.contains($0) }.count
            if n < t.count && (t[n] == "、" || t[n] == "．") && t.count <= 30 && !endsSentence(t) { return true }
        }
        // （一） (1)
        if t[0] == "（" || t[0] == "(" {
            let n = t.dropFirst().prefix { numerals.contains($0) }.count
            if n > 0 && n + 1 < t.count && (t[n + 1] == "）" || t[n + 1] == ")") && t.count <= 30 && !endsSentence(t) { return true }
        }
        // 1. 标题 / 1、标题
        if t[0].isASCIIDigit {
            let n = t.prefix(while: \.isASCIIDigit).count
            if n <= 3 && n < t.count && (t[n] == "." || t[n] == "、" || t[n] == "．") && t.count <= 30 && t.count > n + 1
                && !endsSentence(t) && !t[n + 1].isASCIIDigit { return true }
        }
        // · 要闻 ·
        if t.count >= 3 && (t.first == "·" || t.first == "•") && (t.last == "·" || t.last == "•") { return true }
        return false
    }

    /// Ends with sentence-final punctuation.
    static func endsSentence(_ t: [Character]) -> Bool {
        guard let last = t.last else { return false }
        return "。！？!?；;…”」』".contains(last)
    }
}
