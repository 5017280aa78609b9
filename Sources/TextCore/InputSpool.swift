import CGlibcExtras
import Glibc

/// Input that is not a regular file, copied whole into an anonymous file in memory: a pipe on
/// standard input (`pdftotext a.pdf - | pizhu`, or `-`), a FIFO, or a shell's `<(command)`.
///
/// Everything pizhu does with a document (mapping it, reading it on demand, detecting its
/// encoding, hashing it, reopening it to reload) needs a file it can open again by path, and
/// a pipe can be read only once. The copy is opened at `/proc/self/fd/N` and vanishes when
/// pizhu exits, whatever way it ends.
public struct InputSpool: Sendable {
    /// How the input is named to the user: "standard input", or the path given.
    public let name: String
    /// Where the copy is opened: `/proc/self/fd/N`.
    public let path: String
    public let byteCount: Int
    /// Whether it was read from standard input (which then holds no more keys or text).
    public let fromStandardInput: Bool

    /// The name standard input is shown by.
    public static let standardInputName = "standard input"

    /// How `source` (`-` for standard input) is named to the user.
    public static func name(of source: String) -> String {
        source == "-" ? standardInputName : source
    }

    /// Why the input could not be copied, in words a user can act on.
    public enum SpoolError: Error, CustomStringConvertible, Equatable {
        case unreadable(String, String)
        case noMemoryFile(String)
        case writeFailed(String, String)

        public var description: String {
            switch self {
            case .unreadable(let name, let reason): return "pizhu: \(name): cannot be read (\(reason))"
            case .noMemoryFile(let reason): return "pizhu: no memory file to hold the input (\(reason))"
            case .writeFailed(let name, let reason): return "pizhu: \(name): could not be held in memory (\(reason))"
            }
        }
    }

    /// Whether `path` has to be copied to be read: `-` (standard input), or a FIFO or socket
    /// (`/dev/stdin` on a pipe, `/dev/fd/63`). Devices are not: `/dev/zero` would never end.
    public static func isNeeded(for path: String) -> Bool {
        if path == "-" { return true }
        var st = stat()
        guard stat(path, &st) == 0 else { return false }
        let kind = st.st_mode & S_IFMT
        return kind == S_IFIFO || kind == S_IFSOCK
    }

    /// Whether standard input brings text rather than keys: a pipe, a FIFO, a socket or a
    /// redirected file. A terminal is for keys; `/dev/null` and other devices bring nothing.
    public static var standardInputBringsText: Bool { isatty(0) == 0 && isStream(0) }

    /// Whether `fd` can be read to an end: anything but a device (a terminal, `/dev/zero`).
    private static func isStream(_ fd: Int32) -> Bool {
        var st = stat()
        guard fstat(fd, &st) == 0 else { return false }
        return st.st_mode & S_IFMT != S_IFCHR && st.st_mode & S_IFMT != S_IFBLK
    }

    /// Reads `source` (`-` for standard input) to its end into a new memory file.
    /// `progress` is told the bytes read so far after each chunk, and every quarter second
    /// while none comes.
    public static func copy(_ source: String, progress: ((Int) -> Void)? = nil) throws -> InputSpool {
        let fromStandardInput = source == "-"
        let name = name(of: source)
        let input = fromStandardInput ? 0 : open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { throw SpoolError.unreadable(name, String(cString: strerror(errno))) }
        defer { if !fromStandardInput { close(input) } }
        guard isStream(input) else { throw SpoolError.unreadable(name, "it is a terminal or a device, not a stream of text") }
        let memory = cge_memory_file("pizhu-input")
        guard memory >= 0 else { throw SpoolError.noMemoryFile(String(cString: strerror(errno))) }
        do {
            let total = try splice(from: input, to: memory, name: name, progress: progress)
                ?? readAndWrite(from: input, to: memory, name: name, progress: progress)
            return InputSpool(name: name, path: "/proc/self/fd/\(memory)", byteCount: total, fromStandardInput: fromStandardInput)
        } catch {
            close(memory)
            throw error
        }
    }

    private static let chunk = 1 << 20

    /// Moves a pipe's bytes into the file inside the kernel (splice), with the pipe widened
    /// to 1 MiB (`cat 100MB | pizhu` to its first screen: 208 ms with read and write, 58 with
    /// this). nil, having read nothing, if `input` is not a pipe.
    private static func splice(from input: Int32, to memory: Int32, name: String, progress: ((Int) -> Void)?) throws -> Int? {
        cge_widen_pipe(input)
        var total = 0
        while true {
            awaitInput(input, total: total, progress: progress)
            let n = cge_splice(input, memory, chunk)
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EINVAL && total == 0 { return nil }
                throw failure(name)
            }
            if n == 0 { return total }
            total += n
            progress?(total)
        }
    }

    /// Reads and writes, 1 MiB at a time: for what splice cannot take (a socket, a redirected file).
    private static func readAndWrite(from input: Int32, to memory: Int32, name: String, progress: ((Int) -> Void)?) throws -> Int {
        var total = 0
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunk, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            awaitInput(input, total: total, progress: progress)
            let n = read(input, buffer, chunk)
            if n < 0 {
                if errno == EINTR { continue }
                throw SpoolError.unreadable(name, String(cString: strerror(errno)))
            }
            if n == 0 { return total }
            var written = 0
            while written < n {
                let w = write(memory, buffer + written, n - written)
                if w < 0 && errno == EINTR { continue }
                guard w > 0 else { throw SpoolError.writeFailed(name, String(cString: strerror(errno))) }
                written += w
            }
            total += n
            progress?(total)
        }
    }

    /// Returns once `input` has bytes or has ended, telling `progress` the bytes so far every
    /// quarter second meanwhile: a producer slow to start or stalled (pdftotext on a long PDF)
    /// is seen to be waited for, not only one that keeps writing.
    private static func awaitInput(_ input: Int32, total: Int, progress: ((Int) -> Void)?) {
        guard let progress else { return }
        var ready = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
        while poll(&ready, 1, 250) == 0 { progress(total) }
    }

    /// What a failed splice means: the memory ran out, or the input could not be read.
    private static func failure(_ name: String) -> SpoolError {
        let reason = String(cString: strerror(errno))
        return [ENOSPC, ENOMEM, EFBIG].contains(errno) ? .writeFailed(name, reason) : .unreadable(name, reason)
    }
}
