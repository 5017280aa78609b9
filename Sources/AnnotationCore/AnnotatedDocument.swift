import Glibc
import TextCore

/// A source document together with its sidecar: the decoded text, the annotations anchored
/// to it, and the operations that change them, each followed by a safe save.
///
/// What the scripting commands and the reader use; it never touches the terminal.
public final class AnnotatedDocument {
    public let sourcePath: String
    public let text: [Unicode.Scalar]
    public let record: DocumentRecord
    public let location: SidecarLocator.Location
    /// The annotations as they stand in this process (anchored to `text`).
    public private(set) var sidecar: Sidecar {
        didSet { sortedLive = nil }
    }
    /// `annotations`, kept until the sidecar changes (the reader asks for it on every frame).
    private var sortedLive: [Annotation]?
    /// What the sidecar file held when last read or written here: the base of the next merge.
    private var base: Sidecar?
    private var baseStamp: FileStamp?
    private let locator: SidecarLocator

    /// Why a document cannot be annotated.
    public enum OpenError: Error, CustomStringConvertible {
        /// The source itself cannot be read or decoded.
        case document(String)
        /// Its sidecar is unusable (corrupt, newer version, unreadable).
        case sidecar(SidecarFileError)

        public var description: String {
            switch self {
            case .document(let why): return why
            case .sidecar(let e): return e.description
            }
        }
    }

    public static func open(path: String, encoding: String? = nil, force: Bool = false,
                            locator: SidecarLocator = .fromEnvironment()) throws(OpenError) -> AnnotatedDocument {
        let bytes: [UInt8]
        let decoded: DecodedText
        do {
            bytes = try DocumentLoader.readAll(path)
            decoded = try TextDecoder.decode(bytes, encoding: encoding, force: force)
        } catch {
            throw .document("\(path): \(error)")
        }
        return try attach(path: path, text: decoded.text.storage, bytes: bytes, encoding: decoded.encoding.name,
                          bom: decoded.hadBOM, locator: locator)
    }

    /// The annotations of a document already read and decoded (the reader's case); `sha256`:
    /// the digest of `bytes` if it has been worked out already (on another thread, while they
    /// were decoded).
    public static func attach(path: String, text: [Unicode.Scalar], bytes: [UInt8], sha256: String? = nil, encoding: String, bom: Bool,
                              locator: SidecarLocator = .fromEnvironment()) throws(OpenError) -> AnnotatedDocument {
        let record = DocumentRecord(filename: AtomicFile.lastComponent(path), sha256: sha256 ?? SHA256.hex(bytes), sizeBytes: bytes.count,
                                    encoding: encoding.lowercased(), bom: bom,
                                    newline: DocumentRecord.newlineStyle(of: text), lengthScalars: text.count)
        return try AnnotatedDocument(path: path, text: text, record: record, locator: locator)
    }

    init(path: String, text: [Unicode.Scalar], record: DocumentRecord, locator: SidecarLocator) throws(OpenError) {
        sourcePath = path
        self.text = text
        self.record = record
        self.locator = locator
        location = locator.locate(source: path, sha256: record.sha256)
        do throws(SidecarFileError) {
            (base, baseStamp) = try location.file.readStamped()
            var seed = base
            if seed == nil, let original = location.readOnlyOriginal { seed = try original.read() }
            var sidecar = seed ?? Sidecar(document: record)
            Anchorer(text: text).reanchor(&sidecar.annotations)
            var document = record
            document.extra = sidecar.document.extra
            sidecar.document = document
            if location.isFallback { sidecar.extra[SidecarLocator.sourcePathKey] = .string(FilePaths.absolute(path)) }
            self.sidecar = sidecar
        } catch {
            throw .sidecar(error)
        }
    }

    /// Live annotations in text order.
    public var annotations: [Annotation] {
        if let sortedLive { return sortedLive }
        let sorted = sidecar.live.sorted(by: Annotation.sidecarOrder)
        sortedLive = sorted
        return sorted
    }

    /// Start offsets of every occurrence of `quote` in the text.
    public func occurrences(of quote: String) -> [Int] {
        let scalars = Array(quote.unicodeScalars)
        return scalars.isEmpty ? [] : Anchorer(text: text).occurrences(of: scalars)
    }

    /// Annotates `range`. A live annotation on exactly this range is edited instead of
    /// stacking a duplicate: tags are added, colour and note replaced when given.
    /// Returns the annotation and whether it is new.
    @discardableResult
    public func annotate(range: Range<Int>, tags: [String] = [], color: String? = nil, note: String? = nil,
                         author: String) -> (annotation: Annotation, created: Bool) {
        let now = Timestamp.now()
        let cleanTags = tags.compactMap(TagPath.normalized)
        sidecar.registerTags(cleanTags, at: now)
        if var existing = sidecar.live.first(where: { $0.target.map { $0.start..<$0.end } == range }) {
            for tag in cleanTags where !existing.tags.contains(tag) { existing.tags.append(tag) }
            if let color { existing.color = color }
            if let note { existing.note = note }
            existing.modified = now
            existing.modifiedBy = author
            sidecar.upsert(existing)
            return (existing, false)
        }
        let annotation = Annotation(id: UUIDv7.make(), target: TextTarget(range: range, in: text), color: color,
                                    tags: cleanTags, note: note, creator: author, created: now)
        sidecar.upsert(annotation)
        return (annotation, true)
    }

    /// Replaces an annotation's tags, colour and note (the edit of an existing one).
    public func update(_ annotation: Annotation, author: String) {
        var edited = annotation
        edited.tags = edited.tags.compactMap(TagPath.normalized)
        sidecar.registerTags(edited.tags, at: Timestamp.now())
        edited.modified = Timestamp.now()
        edited.modifiedBy = author
        sidecar.upsert(edited)
    }

    /// Deletes an annotation (a tombstone stays). False if there is no live annotation with that id.
    @discardableResult
    public func delete(id: String, author: String) -> Bool {
        guard let a = sidecar.annotation(id: id), !a.deleted else { return false }
        sidecar.upsert(a.tombstone(by: author, at: Timestamp.now()))
        return true
    }

    /// Folds another copy of this document's annotations in (an import), merged by id, and
    /// anchors what it brought to this text.
    public func merge(_ other: Sidecar) {
        var merged = SidecarMerge.merge(base: nil, ours: sidecar, theirs: other)
        merged.document = sidecar.document
        Anchorer(text: text).reanchor(&merged.annotations)
        sidecar = merged
    }

    /// Writes the sidecar safely, merged with any changes made by others since it was read.
    public func save(user: String) throws(SidecarFileError) {
        if location.isFallback { try locator.makeFallbackFolder() }
        let (written, stamp) = try location.file.commit(base: base, baseStamp: baseStamp, ours: sidecar, user: user, host: Self.hostName)
        base = written
        baseStamp = stamp
        var current = written
        Anchorer(text: text).reanchor(&current.annotations)
        sidecar = current
    }

    static var hostName: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "" }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
