import Testing
@testable import TextCore

@Suite("UTF-8 decoding")
struct UTF8DecodeTests {
    /// The standard library's parser: the reference for which bytes make one U+FFFD.
    static func reference(_ bytes: [UInt8]) -> (scalars: [Unicode.Scalar], invalid: Int) {
        var scalars: [Unicode.Scalar] = []
        var invalid = 0
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8()
        loop: while true {
            switch parser.decode(&iterator) {
            case .scalarValue(let s): scalars.append(s)
            case .error: scalars.append("\u{FFFD}"); invalid += 1
            case .emptyInput: break loop
            }
        }
        return (scalars, invalid)
    }

    @Test("the same scalars and U+FFFD count as the standard library's parser, on valid text, edge cases and random bytes")
    func agreesWithTheStandardLibrary() {
        let cases: [[UInt8]] = [
            [], Array("abc 中文，标点。😀 é".utf8),
            [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF],
            [0xC0, 0xAF], [0xC1, 0xBF], [0xF5, 0x80], [0xFF], [0x80, 0xBF], [0xE4, 0xB8], [0xF0, 0x9F, 0x98],
            [0xE4, 0xB8, 0x41], [0xE4, 0x41], [0xF0, 0x9F, 0x41, 0x80], Array("12345678中".utf8) + [0xE4],
        ]
        for bytes in cases {
            let ours = UTF8Validator.decode(bytes), theirs = Self.reference(bytes)
            #expect(ours.scalars == theirs.scalars && ours.invalid == theirs.invalid, "\(bytes)")
        }
        var rng = SystemRandomNumberGenerator()
        let valid = Array("科学技术协会 abc 😀 é\n".utf8)
        for round in 0..<3000 {
            // Valid text with a few random bytes spliced in, or bytes weighted towards UTF-8's ranges.
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...40, using: &rng) {
                if round % 2 == 0 && Bool.random(using: &rng) {
                    bytes += valid.prefix(Int.random(in: 0...valid.count, using: &rng))
                } else {
                    bytes.append([UInt8.random(in: 0...255, using: &rng), UInt8.random(in: 0x80...0xBF, using: &rng),
                                  UInt8.random(in: 0xC0...0xF7, using: &rng)][Int.random(in: 0...2, using: &rng)])
                }
            }
            let ours = UTF8Validator.decode(bytes), theirs = Self.reference(bytes)
            #expect(ours.scalars == theirs.scalars && ours.invalid == theirs.invalid, "\(bytes)")
            let start = Int.random(in: 0...bytes.count, using: &rng)
            #expect(UTF8Validator.decode(bytes, from: start).scalars == Self.reference(Array(bytes[start...])).scalars)
        }
    }
}
