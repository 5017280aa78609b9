import AnnotationCore
import ArgumentParser

/// `pizhu annotate`: annotate passages from a script, found by quote or by offsets.
struct AnnotateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "annotate",
        abstract: "Annotate a passage found by its text (--quote) or by scalar offsets (--range); prints the ids.",
        discussion: """
        A passage that already has an annotation on exactly that range gets the new tags, colour and note \
        instead of a duplicate. Exit codes: 64 usage, 65 quote or range not found, 66 document unreadable, \
        74 sidecar unreadable or unwritable.
        """
    )

    @Argument(help: "The document.") var file: String
    @Option(help: "The exact text of the passage.") var quote: String?
    @Option(help: "With --quote: annotate the K-th occurrence (1-based; default 1).") var nth: Int?
    @Flag(help: "With --quote: annotate every occurrence.") var all = false
    @Option(help: "START:END in Unicode scalars (0-based, end excluded).") var range: String?
    @Option(name: .customLong("tag"), help: "A tag (repeatable; / for hierarchy, e.g. 政策/科技).") var tags: [String] = []
    @Option(help: "A highlight colour: \(Palette.names.joined(separator: ", ")).") var color: String?
    @Option(help: "A note.") var note: String?
    @OptionGroup var decoding: DecodingArguments

    func validate() throws {
        guard (quote == nil) != (range == nil) else { throw ValidationError("give exactly one of --quote TEXT and --range START:END") }
        if nth != nil && all { throw ValidationError("--nth and --all exclude each other") }
        if (nth != nil || all) && quote == nil { throw ValidationError("--nth and --all go with --quote") }
        if let nth, nth < 1 { throw ValidationError("--nth counts from 1") }
        if let quote, quote.isEmpty { throw ValidationError("--quote needs some text") }
        if let color, Palette.colour(named: color) == nil {
            throw ValidationError("unknown colour '\(color)'; the palette is \(Palette.names.joined(separator: ", "))")
        }
        if let range, Self.parseRange(range) == nil { throw ValidationError("--range takes START:END with 0 ≤ START < END") }
        if tags.contains(where: { TagPath.normalized($0) == nil }) { throw ValidationError("a tag needs a name") }
    }

    static func parseRange(_ text: String) -> Range<Int>? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let s = Int(parts[0]), let e = Int(parts[1]), s >= 0, e > s else { return nil }
        return s..<e
    }

    func run() throws {
        let document: AnnotatedDocument
        do { document = try AnnotatedDocument.open(path: file, encoding: decoding.encoding, force: decoding.force) } catch {
            throw AnnotationExit.report(error)
        }
        let ranges = try targetRanges(in: document)
        let author = AuthorName.resolve()
        let colour = color.flatMap { Palette.colour(named: $0)?.name }
        var ids: [String] = []
        for r in ranges {
            ids.append(document.annotate(range: r, tags: tags, color: colour, note: note, author: author).annotation.id)
        }
        do { try document.save(user: author) } catch { throw AnnotationExit.report(error) }
        if let notice = document.location.notice { printError("pizhu: \(notice)") }
        for id in ids { print(id) }
    }

    private func targetRanges(in document: AnnotatedDocument) throws -> [Range<Int>] {
        if let range, let r = Self.parseRange(range) {
            guard r.upperBound <= document.text.count else {
                printError("pizhu: --range \(range) is past the end of \(file) (\(document.text.count) scalars)")
                throw AnnotationExit.notFound
            }
            return [r]
        }
        let quote = quote ?? ""
        let length = quote.unicodeScalars.count
        let starts = document.occurrences(of: quote)
        guard !starts.isEmpty else {
            printError("pizhu: the quote was not found in \(file); check it against `pizhu cat \(file)` (it must match exactly)")
            throw AnnotationExit.notFound
        }
        if all { return starts.map { $0..<$0 + length } }
        let k = nth ?? 1
        guard k <= starts.count else {
            printError("pizhu: the quote occurs \(starts.count) time(s) in \(file), so there is no occurrence \(k)")
            throw AnnotationExit.notFound
        }
        return [starts[k - 1]..<starts[k - 1] + length]
    }
}
