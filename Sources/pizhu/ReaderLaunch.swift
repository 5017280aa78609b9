import ArgumentParser
import CursesTerminal
import TextCore

/// The reader's start: its paths and settings however the command line was read (by
/// ArgumentParser or by `init?(quickParsing:)`), then the terminal and the run loop.
struct ReaderLaunch: Equatable {
    var paths: [String] = []
    var recent = false
    var settings = LayoutSettings()
    /// `--encoding` and `--force`.
    var encoding: String?
    var force = false

    func run() throws {
        var startup = recent ? Startup(libraryTitle: "recent", entries: []) : Startup.resolve(paths: paths)
        startup.recent = recent
        if let problem = startup.problem {
            printError(problem)
            throw ExitCode(1)
        }
        // The store opens on a thread of its own while the terminal is set up.
        let memory = ReadingMemory()
        let screen: CursesScreen
        do {
            screen = try CursesScreen.start(color: FileSystem.environment("NO_COLOR").map(\.isEmpty) ?? true)
        } catch let error as TerminalSetupError {
            printError(error.description)
            throw ExitCode(2)
        }
        let session = ReaderSession(screen: screen, memory: memory, settings: settings, decoding: DecodingOptions(encoding: encoding, force: force))
        let status = session.run(startup)
        if status != 0 { throw ExitCode(status) }
    }
}
