import Glibc

/// Opens a document file: small files are read and decoded whole; large UTF-8 files are
/// read on demand (`UTF8FileText`), so the first screen does not wait for the whole file.
public enum DocumentLoader {
    /// Files at least this large are candidates for on-demand reading.
    public static let largeFileBytes = 4 << 20

    public struct Loaded {
        public var text: TextSource
        public var encoding: EncodingGuess
        public var invalidSequences: Int
        public var sizeBytes: Int
        /// The raw bytes of a file decoded whole (nil for one read on demand), for hashing and
        /// anchoring without reading it again.
        public var bytes: [UInt8]?
        /// Set when the file was opened as detected before `remembered` was asked (detection
        /// needed no statistics: a byte-order mark, UTF-16's pattern, or valid UTF-8): asks it
        /// now and returns the file opened as it says, or nil if it names no encoding or the one
        /// detected. The reader calls it once the document is measured, so that a slow answer
        /// (the document store opening on another thread, about 0.5 ms) overlaps the measuring.
        public var rememberedInstead: (() throws -> Loaded?)?
        /// The SHA-256 of `bytes`, worked out on another core while they were decoded (asked
        /// with `hashing`, files of `concurrentHashBytes` or more); nil to hash them when needed.
        public var sha256: (() -> String)?
    }

    /// From this size on, a file decoded whole is hashed on a thread of its own while it is
    /// decoded (3.9 MB: about 2.5 ms of hashing off its first screen); below it the thread
    /// would cost more than it saves.
    public static let concurrentHashBytes = 256 << 10

    public enum LoadError: Error, Equatable, CustomStringConvertible {
        case unreadable(String)
        case decoding(DecodingError)

        public var description: String {
            switch self {
            case .unreadable(let reason): return reason
            case .decoding(let error): return error.description
            }
        }
    }

    /// Opens `path` as `override` says, else as `remembered` says (an encoding chosen for the
    /// file before), else as detected. `remembered` is asked only without an override: where
    /// detection needs no statistics (a large file that reads as UTF-8; a file decoded whole
    /// with a byte-order mark, UTF-16's pattern or valid UTF-8), not here but by
    /// `Loaded.rememberedInstead`; else once the file's bytes are read, before the statistics.
    /// `hashing`: the caller will want the bytes' SHA-256 (`Loaded.sha256`).
    public static func load(path: String, encoding override: String? = nil, remembered: @escaping () -> String? = { nil },
                            force: Bool = false, hashing: Bool = false, progress: ((Double) -> Void)? = nil) throws -> Loaded {
        var st = stat()
        guard stat(path, &st) == 0 else { throw LoadError.unreadable(String(cString: strerror(errno))) }
        let size = Int(st.st_size)
        var answer: String??
        func asked() -> String? {
            if answer == nil { answer = .some(remembered()) }
            return answer!
        }
        if size >= largeFileBytes {
            if let (guess, head) = largeUTF8Guess(path: path, override: override, force: force) {
                var loaded = try onDemand(path: path, guess: guess, size: size, head: head)
                if override == nil {
                    loaded.rememberedInstead = instead(path: path, detected: guess, remembered: remembered, force: force, hashing: hashing, progress: progress)
                }
                return loaded
            }
            // Not UTF-8 by its look, but remembered as UTF-8 (opened so before, invalid bytes and all).
            if override == nil, let other = asked(), let (guess, head) = largeUTF8Guess(path: path, override: other, force: force) {
                return try onDemand(path: path, guess: guess, size: size, head: head)
            }
        }
        let bytes = try readAll(path)
        let hashThread = hashing && bytes.count >= concurrentHashBytes ? ThreadResult { SHA256.hex(bytes) } : nil
        let sha256 = hashThread.map { thread in { thread.value } }
        do {
            if override == nil {
                var decoded: DecodedText?
                switch EncodingDetector.unambiguous(bytes, utf8: false) {
                case .text(let guess)?: decoded = try TextDecoder.decode(bytes, as: guess, progress: progress)
                case nil:
                    // Valid UTF-8 needs no statistics, and decoding it says whether it is (tried
                    // only if its first 64 KiB are: a legacy encoding fails there).
                    let sample = bytes.prefix(EncodingDetector.sampleSize)
                    if sample.withUnsafeBufferPointer({ UTF8Validator.isValid($0, allowTruncatedEnd: true) }) {
                        let (scalars, invalid) = UTF8Validator.decode(bytes)
                        if invalid == 0 {
                            decoded = DecodedText(text: ScalarText(scalars), encoding: .validUTF8, invalidSequences: 0)
                        }
                    }
                case .binary?: break
                }
                if let decoded {
                    var loaded = Loaded(text: decoded.text, encoding: decoded.encoding, invalidSequences: decoded.invalidSequences,
                                        sizeBytes: bytes.count, bytes: bytes)
                    loaded.sha256 = sha256
                    loaded.rememberedInstead = instead(path: path, detected: decoded.encoding, remembered: remembered, force: force, hashing: hashing, progress: progress)
                    return loaded
                }
            }
            let decoded = try TextDecoder.decode(bytes, encoding: override ?? asked(), force: force, progress: progress)
            var loaded = Loaded(text: decoded.text, encoding: decoded.encoding, invalidSequences: decoded.invalidSequences,
                                sizeBytes: bytes.count, bytes: bytes)
            loaded.sha256 = sha256
            return loaded
        } catch let error as DecodingError {
            throw LoadError.decoding(error)
        }
    }

    /// Asks `remembered` and opens the file as it says, unless it names nothing or what was detected.
    private static func instead(path: String, detected: EncodingGuess, remembered: @escaping () -> String?, force: Bool, hashing: Bool,
                                progress: ((Double) -> Void)?) -> () throws -> Loaded? {
        {
            guard let other = remembered(), EncodingDetector.canonical(other) != EncodingDetector.canonical(detected.name) else { return nil }
            return try load(path: path, encoding: other, force: force, hashing: hashing, progress: progress)
        }
    }

    /// A large UTF-8 file, read on demand (`head`: its first bytes, already read).
    private static func onDemand(path: String, guess: EncodingGuess, size: Int, head: UTF8FileText.Head) throws -> Loaded {
        do {
            return Loaded(text: try UTF8FileText(path: path, skipping: guess.bomLength, head: head), encoding: guess, invalidSequences: 0, sizeBytes: size, bytes: nil)
        } catch {
            throw LoadError.unreadable("\(error)")
        }
    }

    /// For a large file: UTF-8 judged from its first 64 KiB (a BOM, or valid UTF-8 up to a
    /// possibly cut last character) with those bytes, else nil (the file is decoded whole instead).
    static func largeUTF8Guess(path: String, override: String?, force: Bool) -> (EncodingGuess, head: UTF8FileText.Head)? {
        if let override, EncodingDetector.canonical(override) != "UTF-8" { return nil }
        var st = stat()
        guard let sample = try? readAll(path, limit: EncodingDetector.sampleSize, stat: &st) else { return nil }
        let head = UTF8FileText.Head(bytes: sample, identity: UTF8FileText.FileIdentity(st))
        if let bom = ByteOrderMark.sniff(sample) { return bom.name == "UTF-8" ? (bom, head) : nil }
        if override != nil { return (EncodingGuess(name: "UTF-8", confidence: 100, method: .override), head) }
        if !force, BinarySniffer.reason(sample) != nil { return nil }
        let valid = sample.withUnsafeBufferPointer { UTF8Validator.isValid($0, allowTruncatedEnd: true) }
        return valid ? (EncodingGuess(name: "UTF-8", confidence: 95, method: .utf8), head) : nil
    }

    /// The bytes of a file (at most `limit`).
    public static func readAll(_ path: String, limit: Int = Int.max) throws -> [UInt8] {
        var st = stat()
        return try readAll(path, limit: limit, stat: &st)
    }

    /// The bytes of a file (at most `limit`), and the file's status as it was read.
    static func readAll(_ path: String, limit: Int = Int.max, stat st: inout stat) throws -> [UInt8] {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw LoadError.unreadable(String(cString: strerror(errno))) }
        defer { close(fd) }
        fstat(fd, &st)
        guard (st.st_mode & S_IFMT) == S_IFREG else { throw LoadError.unreadable("not a regular file") }
        // Not zeroed first: read fills it (a 4 MB file's memset cost its first screen ~1 ms).
        let size = min(limit, max(0, Int(st.st_size)))
        var failure: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var filled = 0
            while filled < size {
                let n = Glibc.read(fd, buffer.baseAddress! + filled, size - filled)
                if n < 0 && errno == EINTR { continue }
                if n < 0 { failure = errno; break }
                if n == 0 { break }
                filled += n
            }
            count = filled
        }
        guard failure == 0 else { throw LoadError.unreadable(String(cString: strerror(failure))) }
        return bytes
    }
}
