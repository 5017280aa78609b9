import ArgumentParser
import TextCore

extension AmbiguousWidth: ExpressibleByArgument {}
extension LineBreakStrictness: ExpressibleByArgument {}
extension ReadingView: ExpressibleByArgument {}

/// The layout options shared by the reader and `pizhu cat`.
struct LayoutOptions: ParsableArguments {
    @Option(help: "Maximum line width in cells (the reading measure).")
    var measure: Int = 72

    @Option(help: "Width of East Asian ambiguous characters such as “ ” … —: narrow or wide.")
    var ambiguous: AmbiguousWidth = .narrow

    @Option(name: .customLong("linebreak"), help: "Chinese line-break rules: none, basic or strict.")
    var strictness: LineBreakStrictness = .basic

    @Flag(help: "Hang 、，。 in the right margin instead of pushing a character down.")
    var hanging = false

    @Flag(name: .customLong("spacing"), help: "A blank line between paragraphs.")
    var paragraphSpacing = false

    func validate() throws {
        guard (10...1000).contains(measure) else { throw ValidationError("--measure must be between 10 and 1000") }
    }

    var settings: LayoutSettings {
        LayoutSettings(measure: measure, ambiguous: ambiguous, strictness: strictness,
                       hanging: hanging, paragraphSpacing: paragraphSpacing)
    }
}
