import CSHA256

/// SHA-256 of raw bytes (FIPS 180-4), for identifying documents by content.
///
/// Written here (the block function in C, `CSHA256`, with the CPU's SHA instructions where it
/// has them) rather than pulling in swift-crypto: it is the only digest pizhu needs, and the
/// dependency would add a minute to every clean build. Every document decoded whole is hashed
/// before its first screen: a 4 MB file took 19 ms in Swift.
public struct SHA256 {
    private var state: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
    private var buffer: [UInt8] = []
    private var length: UInt64 = 0

    public init() {}

    /// The hex digest of `bytes`.
    public static func hex<C: Collection>(_ bytes: C) -> String where C.Element == UInt8 {
        var h = SHA256()
        h.update(Array(bytes))
        return h.finalize().map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    public mutating func update(_ bytes: [UInt8]) {
        length += UInt64(bytes.count)
        var start = 0
        if !buffer.isEmpty {
            let need = 64 - buffer.count
            buffer += bytes.prefix(need)
            start = min(need, bytes.count)
            if buffer.count == 64 {
                let block = buffer
                block.withUnsafeBufferPointer { compress($0.baseAddress!, blocks: 1) }
                buffer.removeAll(keepingCapacity: true)
            }
        }
        bytes.withUnsafeBufferPointer { p in
            let blocks = (p.count - start) / 64
            if blocks > 0 { compress(p.baseAddress! + start, blocks: blocks) }
            let rest = start + blocks * 64
            if rest < p.count { buffer += p[rest...] }
        }
    }

    public mutating func finalize() -> [UInt8] {
        let bits = length &* 8
        var tail: [UInt8] = [0x80]
        while (buffer.count + tail.count) % 64 != 56 { tail.append(0) }
        for i in (0..<8).reversed() { tail.append(UInt8(truncatingIfNeeded: bits >> (UInt64(i) * 8))) }
        let saved = length
        update(tail)
        length = saved
        var out: [UInt8] = []
        for word in state { for i in (0..<4).reversed() { out.append(UInt8(truncatingIfNeeded: word >> (UInt32(i) * 8))) } }
        return out
    }

    private mutating func compress(_ p: UnsafePointer<UInt8>, blocks: Int) {
        state.withUnsafeMutableBufferPointer { csha256_blocks($0.baseAddress!, p, blocks) }
    }
}
