import Testing
@testable import pizhu

/// The reader's quick command-line parse (which skips ArgumentParser's start-up cost) reads
/// every line it accepts exactly as ArgumentParser does, and leaves every other to it.
@Suite("quick parsing of the reading command line")
struct QuickParsingTests {
    /// ArgumentParser's reading of `arguments` (the reader's launch), or nil if it refuses them
    /// or they name another command.
    func parsedByArgumentParser(_ arguments: [String]) -> ReaderLaunch? {
        (try? Pizhu.parseAsRoot(arguments) as? ReadCommand)?.launch
    }

    func quick(_ arguments: [String]) -> ReaderLaunch? {
        ReaderLaunch(quickParsing: arguments, subcommands: { Pizhu.subcommandNames })
    }

    @Test("every option of the reader, alone and together, in both spellings, reads as ArgumentParser reads it",
          arguments: [
              [], ["a.txt"], ["a.txt", "dir/", "b c.txt"], ["--recent"], ["--measure", "40", "a.txt"], ["--measure=40", "a.txt"],
              ["--measure", "10"], ["--measure", "1000"], ["--ambiguous", "wide"], ["--ambiguous=narrow", "x"],
              ["--linebreak", "none"], ["--linebreak=strict", "a"], ["--linebreak", "basic"], ["--hanging"], ["--spacing"],
              ["--encoding", "gb18030", "a.txt"], ["--encoding=big5"], ["--force", "bin.dat"],
              ["a.txt", "--measure", "60", "b.txt", "--hanging"], ["--", "-odd name.txt"], ["--spacing", "--", "--recent"],
              ["--measure", "50", "--ambiguous", "wide", "--linebreak", "strict", "--hanging", "--spacing", "--encoding", "utf-16le", "--force", "--recent", "f"],
              ["文档.txt"], ["-"], ["--encoding", "gbk", "-"], ["a.txt", "-"],
          ])
    func agrees(_ arguments: [String]) throws {
        let launch = try #require(quick(arguments), "the quick parse should take \(arguments)")
        #expect(launch == parsedByArgumentParser(arguments))
    }

    @Test("help, version, subcommands, unknown or repeated options and bad or missing values go to ArgumentParser",
          arguments: [
              ["--help"], ["-h"], ["--version"], ["cat", "a.txt"], ["read", "a.txt"], ["a.txt", "info"], ["export", "--format", "csv"],
              ["--measure", "9"], ["--measure", "1001"], ["--measure", "wide"], ["--measure"], ["--measure", "--hanging"],
              ["--ambiguous", "medium"], ["--linebreak", "loose"], ["--encoding"], ["--encoding="],
              ["--hanging=yes"], ["--measure", "40", "--measure", "50"], ["--hanging", "--hanging"], ["--unknown"], ["-x"], [""],
              ["--generate-completion-script", "bash"],
          ])
    func declines(_ arguments: [String]) {
        #expect(quick(arguments) == nil)
    }

    @Test("every subcommand's name goes to ArgumentParser, first or after a path")
    func subcommandsDeclined() {
        #expect(Pizhu.subcommandNames.count == 11)
        for name in Pizhu.subcommandNames {
            #expect(quick([name]) == nil, "\(name)")
            #expect(quick(["a.txt", name]) == nil, "\(name)")
        }
    }
}
