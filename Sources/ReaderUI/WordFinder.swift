import TextCore
import WordSegmentation

/// The words of the block (paragraph or line) around an offset: from the `|` separators of
/// a segmented corpus, otherwise from ICU's dictionary-based word break iterator (zh).
final class WordFinder {
    let text: TextSource
    let segmented: Bool
    private var cached: (range: Range<Int>, words: [Range<Int>])?

    init(text: TextSource, segmented: Bool) {
        self.text = text
        self.segmented = segmented
    }

    /// Word ranges (punctuation and spaces excluded) inside `block`, in order.
    func words(in block: Range<Int>) -> [Range<Int>] {
        if let cached, cached.range == block { return cached.words }
        let scalars = text.scalars(in: block)
        let words = segmented ? Self.separatedWords(scalars, base: block.lowerBound)
                              : ICUWordBreaker.spans(of: scalars).filter(\.isWord).map { ($0.range.lowerBound + block.lowerBound)..<($0.range.upperBound + block.lowerBound) }
        cached = (block, words)
        return words
    }

    /// Runs between `|` separators and spaces that hold a letter, digit or ideograph.
    static func separatedWords(_ scalars: [Unicode.Scalar], base: Int) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var start: Int?
        var wordLike = false
        func close(_ end: Int) {
            if let s = start, wordLike { words.append((base + s)..<(base + end)) }
            start = nil
            wordLike = false
        }
        for (i, s) in scalars.enumerated() {
            if s == "|" || s.properties.isWhitespace { close(i); continue }
            if start == nil { start = i }
            if s.properties.isAlphabetic || s.properties.numericType != nil { wordLike = true }
        }
        close(scalars.count)
        return words
    }
}
