import ArgumentParser

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
}
