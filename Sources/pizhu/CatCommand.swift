import ArgumentParser
import TextCore

/// `pizhu cat`: the laid-out text on standard output, through the reader's own layout engine.
struct CatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cat",
        abstract: "Print a document laid out as the reader shows it (no terminal needed)."
    )

    @Argument(help: "The file to print; - reads standard input.")
    var file: String

    @Option(help: "Line width in cells (default: the measure).")
    var width: Int?

    @Option(help: "original (lines as in the file) or reflow (paragraphs); default: what suits the document.")
    var view: ReadingView?

    @Flag(help: "Show the | word separators of a segmented corpus.")
    var showSegments = false

    @OptionGroup var layout: LayoutOptions
    @OptionGroup var decoding: DecodingArguments

    func run() throws {
        let document: ReaderDocumentFile
        let name: String
        do {
            let source = try DocumentFiles.readable(file)
            name = source.spooledName ?? file
            document = try DocumentFiles.load(path: source.path, spooledName: source.spooledName, options: decoding.options)
        } catch {
            printError("\(error)")
            throw ExitCode(1)
        }
        let settings = layout.settings
        let views = DocumentViews(text: document.loaded.text)
        let structure = views.structure(view ?? views.profile.suggestedView, showSegments: showSegments)
        // Each line as it is laid out: a large file's first lines come out at once (`| head`
        // stops it early) and the whole never sits in memory (it did: ~10x the file at the end).
        PlainRenderer.forEachLine(of: structure, settings: settings, width: width ?? settings.measure) { print($0) }
        if document.loaded.invalidSequences > 0 {
            printError("pizhu: \(document.loaded.invalidSequences) invalid byte sequences in \(name) shown as U+FFFD")
        }
    }
}
