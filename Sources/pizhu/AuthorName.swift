import Glibc

/// Who is annotating: `PIZHU_AUTHOR`, else git's `user.name`, else `$USER`.
enum AuthorName {
    static func resolve() -> String {
        if let name = FileSystem.environment("PIZHU_AUTHOR"), !name.isEmpty { return name }
        if let name = gitUserName(), !name.isEmpty { return name }
        return FileSystem.environment("USER") ?? FileSystem.environment("LOGNAME") ?? "unknown"
    }

    private static func gitUserName() -> String? {
        guard let pipe = popen("git config user.name 2>/dev/null", "r") else { return nil }
        defer { pclose(pipe) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 256)
        while true {
            let n = fread(&buffer, 1, buffer.count, pipe)
            if n <= 0 { break }
            bytes += buffer[0..<n]
        }
        let name = String(decoding: bytes, as: UTF8.self)
        return name.split(whereSeparator: \.isNewline).first.map(String.init)
    }
}
