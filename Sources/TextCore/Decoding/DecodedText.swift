/// A document's bytes decoded to scalars, with what the decoder found on the way.
public struct DecodedText {
    public var text: ScalarText
    /// How the bytes were read.
    public var encoding: EncodingGuess
    /// Number of invalid byte sequences replaced by U+FFFD.
    public var invalidSequences: Int

    public var hadBOM: Bool { encoding.bomLength > 0 }
}

/// Why bytes were not decoded.
public enum DecodingError: Error, Equatable, CustomStringConvertible {
    case binary(String)
    case unknownEncoding(String)

    public var description: String {
        switch self {
        case .binary(let reason): return "this looks like a binary file: \(reason). Use --force to open it anyway"
        case .unknownEncoding(let name): return "unknown encoding '\(name)' (iconv -l lists the names)"
        }
    }
}

/// Detects the encoding of a document's bytes and decodes them to scalars.
///
/// Offsets always count scalars of the decoded text, with any byte-order mark dropped.
public enum TextDecoder {
    /// - Parameters:
    ///   - encoding: an override; nil to detect.
    ///   - force: decode even what looks binary (as UTF-8, invalid bytes replaced).
    ///   - progress: called with the fraction done while a legacy encoding is transcoded.
    public static func decode(_ bytes: [UInt8], encoding override: String? = nil, force: Bool = false,
                              progress: ((Double) -> Void)? = nil) throws -> DecodedText {
        var guess: EncodingGuess
        if let override {
            let name = EncodingDetector.canonical(override)
            guard IconvDecoder.supports(name) else { throw DecodingError.unknownEncoding(override) }
            guess = EncodingGuess(name: name, confidence: 100, method: .override)
            if let bom = ByteOrderMark.sniff(bytes), EncodingDetector.canonical(bom.name) == name || (name == "UTF-16" && bom.name.hasPrefix("UTF-16")) {
                guess.bomLength = bom.bomLength
                guess.name = bom.name
            }
        } else {
            switch EncodingDetector.detect(bytes) {
            case .text(let g): guess = g
            case .binary(let reason):
                guard force else { throw DecodingError.binary(reason) }
                guess = EncodingGuess(name: "UTF-8", confidence: 0, method: .override)
            }
        }
        return try decode(bytes, as: guess, progress: progress)
    }

    /// `bytes` decoded as `guess` says (its byte-order mark skipped).
    public static func decode(_ bytes: [UInt8], as guess: EncodingGuess, progress: ((Double) -> Void)? = nil) throws -> DecodedText {
        let start = min(guess.bomLength, bytes.count)
        if guess.name == "UTF-8" {
            let (scalars, invalid) = UTF8Validator.decode(bytes, from: start)
            return DecodedText(text: ScalarText(scalars), encoding: guess, invalidSequences: invalid)
        }
        guard let (scalars, invalid) = IconvDecoder.decode(bytes, from: start, charset: guess.name, progress: progress) else {
            throw DecodingError.unknownEncoding(guess.name)
        }
        return DecodedText(text: ScalarText(scalars), encoding: guess, invalidSequences: invalid)
    }
}
