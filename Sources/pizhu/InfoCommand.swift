import ArgumentParser
import TextCore

/// `pizhu info`: what pizhu makes of a file (encoding, view, counts, digest).
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Show a document's size, encoding and confidence, BOM, line endings, view, counts and SHA-256."
    )

    @Argument(help: "Files to describe; - reads standard input.")
    var files: [String]

    @Flag(help: "One JSON object per file, one per line.")
    var json = false

    @OptionGroup var decoding: DecodingArguments

    func run() throws {
        var failed = false
        for (i, file) in files.enumerated() {
            let name = InputSpool.name(of: file)
            do {
                let path = try DocumentFiles.readable(file).path
                let bytes = try DocumentLoader.readAll(path)
                let decoded = try TextDecoder.decode(bytes, encoding: decoding.encoding, force: decoding.force)
                let info = DocumentInfo(bytes: bytes, decoded: decoded)
                if json {
                    print(info.json(path: name))
                } else {
                    if i > 0 { print("") }
                    print(name)
                    for (key, value) in info.fields { print("  " + key.padding(18) + value) }
                }
            } catch let error as DecodingError {
                printError("pizhu: \(name): \(error)")
                failed = true
            } catch {
                printError("\(error)")
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}

extension String {
    func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(1, width - count)) }
}
