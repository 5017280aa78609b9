import Foundation
import TmuxDriver

/// Benchmark inputs, generated at run time from `seeds/` (never committed).
struct Corpus {
    static let endMarker = "终点标记ENDMARK"

    let directory: String
    /// A state folder as pizhu leaves it after one run: its document store exists, as for
    /// anyone who has used pizhu before. Each timed run starts from a copy of it.
    let stateTemplate: String

    init() throws {
        directory = NSTemporaryDirectory() + "pizhu-bench-\(getpid())"
        stateTemplate = directory + "/state-template"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try Self.runOnce(state: stateTemplate, data: directory + "/data-template")
    }

    /// Opens a seed in pizhu and quits, leaving its store in `state`.
    private static func runOnce(state: String, data: String) throws {
        let seed = TmuxSession.root + "/seeds/001_eb026acd6131a322.txt"
        let session = TmuxSession(width: 80, height: 24, command: TmuxSession.pizhu(
            Shell.quote(seed), environment: "LANG=C.UTF-8 XDG_STATE_HOME=\(Shell.quote(state)) XDG_DATA_HOME=\(Shell.quote(data))"))
        guard session.waitFor(timeout: 60, pollMicroseconds: 10_000, { $0.contains("习近平") }) != nil else { throw CocoaError(.fileReadUnknown) }
        session.send(keys: "q")
        guard session.exitStatus(timeout: 10) == 0, let made = try? FileManager.default.contentsOfDirectory(atPath: state), !made.isEmpty else {
            throw CocoaError(.fileWriteUnknown)
        }
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }

    /// The command that starts pizhu with `arguments` and a store and data folder of its own
    /// (the store copied from `stateTemplate`), made here rather than by `$(mktemp -d)` in the
    /// command, whose two extra processes would count against pizhu and not against the baseline.
    func pizhuCommand(_ arguments: String) -> String {
        let (state, data) = pizhuFolders()
        return TmuxSession.pizhu(arguments, environment: "LANG=C.UTF-8 XDG_STATE_HOME=\(Shell.quote(state)) XDG_DATA_HOME=\(Shell.quote(data))")
    }

    /// The environment for pizhu started directly (on a bare pty), with folders as `pizhuCommand` gives.
    func pizhuEnvironment() -> [String] {
        let (state, data) = pizhuFolders()
        return PtyTiming.environment + ["XDG_STATE_HOME=" + state, "XDG_DATA_HOME=" + data]
    }

    /// A new state folder holding a copy of `stateTemplate`, and a new data folder.
    private func pizhuFolders() -> (state: String, data: String) {
        let folders = ["state", "data"].map { name -> String in
            var template = Array("\(directory)/\(name)-XXXXXX".utf8CString)
            return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
        }
        for name in (try? FileManager.default.contentsOfDirectory(atPath: stateTemplate)) ?? [] {
            try? FileManager.default.copyItem(atPath: stateTemplate + "/" + name, toPath: folders[0] + "/" + name)
        }
        return (folders[0], folders[1])
    }

    /// The plain seeds (001–004) concatenated, as UTF-8.
    static func seedText() throws -> String {
        let seeds = TmuxSession.root + "/seeds"
        let names = try FileManager.default.contentsOfDirectory(atPath: seeds).filter { $0.hasSuffix(".txt") && !$0.hasPrefix("000") }.sorted()
        return try names.map { try String(contentsOfFile: seeds + "/" + $0, encoding: .utf8) }.joined(separator: "\n")
    }

    /// A UTF-8 file of about `bytes` bytes: the seeds repeated, then an end marker line.
    func utf8(bytes: Int, singleLine: Bool = false) throws -> String {
        let path = directory + "/utf8-\(bytes)\(singleLine ? "-line" : "").txt"
        if FileManager.default.fileExists(atPath: path) { return path }
        var unit = try Self.seedText()
        if singleLine { unit = unit.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).joined() }
        let data = Data(unit.utf8)
        guard let handle = FileHandle(forWritingAtPath: path) ?? { _ = FileManager.default.createFile(atPath: path, contents: nil); return FileHandle(forWritingAtPath: path) }() else {
            throw CocoaError(.fileWriteUnknown)
        }
        var written = 0
        while written < bytes {
            handle.write(data)
            written += data.count
        }
        handle.write(Data(((singleLine ? "" : "\n") + Self.endMarker + "\n").utf8))
        handle.closeFile()
        // Written back now, so the disk is quiet while pizhu and less are timed on it.
        sync()
        return path
    }

    /// A folder of `files` documents of about `bytesEach` bytes (the seeds repeated, each starting
    /// at another place); one in ten ends with the end marker.
    func library(files: Int, bytesEach: Int) throws -> String {
        let folder = directory + "/library-\(files)"
        if FileManager.default.fileExists(atPath: folder) { return folder }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let unit = Array(try Self.seedText().utf8)
        for i in 0..<files {
            var data = Data(capacity: bytesEach + unit.count)
            let shift = (i * 7919) % unit.count
            // Start at a line boundary so every file is valid UTF-8.
            let begin = unit[shift...].firstIndex(of: 0x0A).map { $0 + 1 } ?? 0
            data.append(contentsOf: unit[begin...])
            while data.count < bytesEach { data.append(contentsOf: unit) }
            if i % 10 == 0 { data.append(contentsOf: Array(("\n" + Self.endMarker + "\n").utf8)) }
            FileManager.default.createFile(atPath: folder + "/doc\(i).txt", contents: data)
        }
        return folder
    }

    /// The same text in GB18030, converted with iconv.
    func gb18030(from utf8Path: String) -> String {
        let path = utf8Path + ".gb18030"
        if !FileManager.default.fileExists(atPath: path) {
            Shell.run("iconv -f UTF-8 -t GB18030 \(Shell.quote(utf8Path)) > \(Shell.quote(path))")
        }
        return path
    }
}
