// Implementation-only: a client that also imports Foundation must never load the system
// ICU's C module (its types clash with Foundation's private ICU). Safe here because the
// public API below is made of Swift types only.
@_implementationOnly import CICU

/// A candidate encoding and ICU's confidence in it (0–100).
public struct CharsetGuess: Equatable, Sendable {
    public var name: String
    public var confidence: Int

    public init(name: String, confidence: Int) {
        self.name = name
        self.confidence = confidence
    }
}

/// Statistical charset detection with ICU's `ucsdet` (the system ICU).
///
/// Chosen over uchardet because it returns every candidate with a confidence, which the
/// status line and `pizhu info` show and the GB-vs-Big5 tie-break uses; it also needs no
/// extra package. It lives in a target of its own because the system ICU's C types clash
/// with Foundation's private ICU in one module.
public enum ICUCharsetDetector {
    /// All candidates for `sample`, best first; empty if ICU fails.
    public static func guesses(_ sample: [UInt8]) -> [CharsetGuess] {
        guard !sample.isEmpty else { return [] }
        var status = U_ZERO_ERROR
        guard let detector = cicu_ucsdet_open(&status), status.rawValue <= 0 else { return [] }
        defer { cicu_ucsdet_close(detector) }
        return sample.withUnsafeBufferPointer { buffer -> [CharsetGuess] in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cicu_ucsdet_setText(detector, chars.baseAddress, Int32(chars.count), &status)
                guard status.rawValue <= 0 else { return [] }
                var count: Int32 = 0
                guard let matches = cicu_ucsdet_detectAll(detector, &count, &status), status.rawValue <= 0 else { return [] }
                var out: [CharsetGuess] = []
                for i in 0..<Int(count) {
                    guard let m = matches[i], let name = cicu_ucsdet_getName(m, &status) else { continue }
                    out.append(CharsetGuess(name: String(cString: name), confidence: Int(cicu_ucsdet_getConfidence(m, &status))))
                }
                return out
            }
        }
    }
}
