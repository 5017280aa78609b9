import AnnotationCore
import ArgumentParser

/// `pizhu unannotate`: delete annotations by id (tombstones stay, so merges cannot revive them).
struct UnannotateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unannotate",
        abstract: "Delete annotations by id. Exit codes as for annotate (65: an id was not found; the others are still deleted)."
    )

    @Argument(help: "The document.") var file: String
    @Argument(help: "Annotation ids (as printed by annotate or annotations).") var ids: [String]
    @OptionGroup var decoding: DecodingArguments

    func validate() throws {
        if ids.isEmpty { throw ValidationError("give at least one annotation id") }
    }

    func run() throws {
        let document: AnnotatedDocument
        do { document = try AnnotatedDocument.open(path: file, encoding: decoding.encoding, force: decoding.force) } catch {
            throw AnnotationExit.report(error)
        }
        let author = AuthorName.resolve()
        let missing = ids.filter { !document.delete(id: $0, author: author) }
        if missing.count < ids.count {
            do { try document.save(user: author) } catch { throw AnnotationExit.report(error) }
        }
        if !missing.isEmpty {
            printError("pizhu: no annotation with id \(missing.joined(separator: ", ")) in \(file) (`pizhu annotations \(file)` lists them)")
            throw AnnotationExit.notFound
        }
    }
}
