import Foundation

/// A private temporary folder for one test, removed with `remove()`.
public struct TemporaryDirectory {
    public let path: String

    public init(_ prefix: String = "pizhu") throws {
        path = NSTemporaryDirectory() + "\(prefix)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    public func remove() { try? FileManager.default.removeItem(atPath: path) }

    /// Copies the project's `seeds/seed` to `name` in the folder and returns its path.
    @discardableResult
    public func copySeed(_ seed: String, as name: String) throws -> String {
        let file = path + "/" + name
        try FileManager.default.copyItem(atPath: TmuxSession.root + "/seeds/" + seed, toPath: file)
        return file
    }

    /// Writes `data` to `name` in the folder and returns its path.
    @discardableResult
    public func write(_ name: String, _ data: Data) -> String {
        let file = path + "/" + name
        _ = FileManager.default.createFile(atPath: file, contents: data)
        return file
    }
}
