import ArgumentParser
import TextCore

extension AmbiguousWidth: ExpressibleByArgument {}
extension LineBreakStrictness: ExpressibleByArgument {}
extension ReadingView: ExpressibleByArgument {}

/// The layout options shared by the reader and `pizhu cat`.
struct LayoutOptions: ParsableArguments {
    /// The measures `--measure` accepts (the quick reading command line checks the same).
    static let measureRange = 10...1000

    @Option(help: "Maximum line width in cells (the reading measure).")
    var measure: Int = LayoutSettings().measure

    @Option(help: "Width of East Asian ambiguous characters such as “ ” … —: narrow or wide.")
    var ambiguous: AmbiguousWidth = LayoutSettings().ambiguous

    @Option(name: .customLong("linebreak"), help: "Chinese line-break rules: none, basic or strict.")
    var strictness: LineBreakStrictness = LayoutSettings().strictness

    @Flag(help: "Hang 、，。 in the right margin instead of pushing a character down.")
    var hanging = false

    @Flag(name: .customLong("spacing"), help: "A blank line between paragraphs.")
    var paragraphSpacing = false

    func validate() throws {
        guard Self.measureRange.contains(measure) else {
            throw ValidationError("--measure must be between \(Self.measureRange.lowerBound) and \(Self.measureRange.upperBound)")
        }
    }

    var settings: LayoutSettings {
        LayoutSettings(measure: measure, ambiguous: ambiguous, strictness: strictness,
                       hanging: hanging, paragraphSpacing: paragraphSpacing)
    }
}
