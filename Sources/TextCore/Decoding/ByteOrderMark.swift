/// Byte-order marks, longest first (a UTF-32LE BOM begins with the UTF-16LE one).
enum ByteOrderMark {
    static func sniff(_ bytes: [UInt8]) -> EncodingGuess? {
        func starts(_ prefix: [UInt8]) -> Bool { bytes.count >= prefix.count && Array(bytes.prefix(prefix.count)) == prefix }
        if starts([0xFF, 0xFE, 0x00, 0x00]) { return EncodingGuess(name: "UTF-32LE", confidence: 100, method: .bom, bomLength: 4) }
        if starts([0x00, 0x00, 0xFE, 0xFF]) { return EncodingGuess(name: "UTF-32BE", confidence: 100, method: .bom, bomLength: 4) }
        if starts([0xEF, 0xBB, 0xBF]) { return EncodingGuess(name: "UTF-8", confidence: 100, method: .bom, bomLength: 3) }
        if starts([0xFF, 0xFE]) { return EncodingGuess(name: "UTF-16LE", confidence: 100, method: .bom, bomLength: 2) }
        if starts([0xFE, 0xFF]) { return EncodingGuess(name: "UTF-16BE", confidence: 100, method: .bom, bomLength: 2) }
        return nil
    }
}
