import AnnotationCore
import ArgumentParser
import Export
import TextCore

/// `pizhu import FILE.json`: brings a JSON export back into the documents' sidecars, merged by id.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Merge a `pizhu export --format json` file back into the sidecars of its documents (by annotation id)."
    )

    @Argument(help: "The JSON export.") var file: String

    func run() throws {
        let bytes: [UInt8]
        let documents: [(path: String, sidecar: Sidecar)]
        do {
            bytes = try DocumentLoader.readAll(file)
            documents = try JSONExport.read(bytes)
        } catch {
            printError("pizhu: \(file): \(error)")
            throw AnnotationExit.documentUnreadable
        }
        let author = AuthorName.resolve()
        var failed = false
        for d in documents {
            do {
                let annotated = try AnnotatedDocument.open(path: d.path)
                annotated.merge(d.sidecar)
                try annotated.save(user: author)
                print("\(d.path): \(d.sidecar.live.count) annotations merged")
            } catch {
                printError("pizhu: \(d.path): \(error)")
                failed = true
            }
        }
        if failed { throw AnnotationExit.sidecarFailed }
    }
}

