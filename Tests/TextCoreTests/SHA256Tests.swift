import CSHA256
import Foundation
import Testing
@testable import TextCore

@Suite("SHA-256")
struct SHA256Tests {
    @Test("FIPS test vectors", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func vectors(input: String, digest: String) {
        #expect(SHA256.hex(Array(input.utf8)) == digest)
    }

    @Test("a million a's, fed in uneven pieces")
    func million() {
        var h = SHA256()
        var fed = 0
        var step = 1
        while fed < 1_000_000 {
            let n = min(step, 1_000_000 - fed)
            h.update([UInt8](repeating: 0x61, count: n))
            fed += n
            step = step * 3 % 1000 + 1
        }
        let hex = h.finalize().map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        #expect(hex == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("the SHA instructions and the portable block function agree on random blocks, from any state")
    func bothPaths() throws {
        // On a CPU that has them (this machine's does), the reader hashes with the SHA instructions.
        let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        if cpu.split(separator: " ").contains("sha_ni") || cpu.contains(" sha_ni\n") {
            #expect(csha256_uses_sha_instructions() == 1)
        }
        var rng = SystemRandomNumberGenerator()
        for blocks in [1, 2, 3, 7, 64, 1000] {
            let data = (0..<(blocks * 64)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            var fast = (0..<8).map { _ in UInt32.random(in: 0...UInt32.max, using: &rng) }
            var portable = fast
            data.withUnsafeBufferPointer { p in
                fast.withUnsafeMutableBufferPointer { csha256_blocks($0.baseAddress!, p.baseAddress!, blocks) }
                portable.withUnsafeMutableBufferPointer { csha256_blocks_portable($0.baseAddress!, p.baseAddress!, blocks) }
            }
            #expect(fast == portable, "\(blocks) blocks")
        }
    }
}
