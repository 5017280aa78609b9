import AnnotationCore
import ArgumentParser

/// `pizhu merge-sidecar BASE OURS THEIRS`: a git merge driver for `*.pizhu.json`.
///
/// Merges by annotation id exactly as saving does and writes the result to OURS (as git
/// expects). It always leaves valid JSON: if one side cannot be read, the other is kept and
/// the exit status tells git the merge needs a look.
struct MergeSidecarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge-sidecar",
        abstract: "Merge three versions of a sidecar by annotation id (a git merge driver: %O %A %B); the result replaces OURS."
    )

    @Argument(help: "The common ancestor (git's %O).") var base: String
    @Argument(help: "Our version (git's %A); overwritten with the result.") var ours: String
    @Argument(help: "Their version (git's %B).") var theirs: String

    func run() throws {
        let baseSidecar = try? SidecarFile(path: base).read()
        let oursResult = Result { () throws(SidecarFileError) in try SidecarFile(path: ours).read() }
        let theirsResult = Result { () throws(SidecarFileError) in try SidecarFile(path: theirs).read() }
        switch (oursResult, theirsResult) {
        case (.success(let o?), .success(let t?)):
            var merged = SidecarMerge.merge(base: baseSidecar ?? nil, ours: o, theirs: t)
            merged.revision += 1
            try write(merged)
        case (.success(_?), _):
            if case .failure(let e) = theirsResult { printError("pizhu: their side is unusable, ours kept: \(e)") }
            throw ExitCode(1)
        case (_, .success(let t?)):
            if case .failure(let e) = oursResult { printError("pizhu: our side is unusable, theirs taken: \(e)") }
            try write(t)
            throw ExitCode(1)
        default:
            printError("pizhu: neither side is a readable sidecar; resolve \(ours) by hand")
            throw ExitCode(1)
        }
    }

    private func write(_ sidecar: Sidecar) throws {
        do { try SidecarFile.overwrite(ours, with: sidecar) } catch {
            printError("pizhu: \(error)")
            throw AnnotationExit.sidecarFailed
        }
    }
}
