import ArgumentParser
import Glibc

/// The command line: `pizhu [PATH…]` reads, `pizhu cat FILE` prints.
@main
struct Pizhu: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pizhu",
        abstract: "批注 pizhu — a terminal reader and annotator for Chinese text.",
        version: "0.1.0",
        subcommands: [ReadCommand.self, CatCommand.self, InfoCommand.self, AnnotateCommand.self, AnnotationsCommand.self,
                      TagsCommand.self, UnannotateCommand.self, MergeSidecarCommand.self, GrepCommand.self,
                      ExportCommand.self, ImportCommand.self],
        defaultSubcommand: ReadCommand.self
    )

    /// The subcommands' names, which the quick parse leaves to ArgumentParser.
    static var subcommandNames: Set<String> { Set(configuration.subcommands.map { $0._commandName }) }

    /// A plain reading command line starts the reader at once; every other goes through ArgumentParser.
    static func main() {
        guard let launch = ReaderLaunch(quickParsing: Array(CommandLine.arguments.dropFirst()), subcommands: { subcommandNames }) else {
            return main(nil)
        }
        do {
            try launch.run()
        } catch let code as ExitCode {
            // Not through exit(withError:), which builds the help model first (3 ms on a signal's exit).
            Glibc.exit(code.rawValue)
        } catch {
            ReadCommand.exit(withError: error)
        }
    }
}
