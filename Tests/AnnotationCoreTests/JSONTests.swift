import Testing
@testable import AnnotationCore

@Suite("JSON reading and writing")
struct JSONTests {
    @Test("parse then write keeps key order, numbers as written, and non-ASCII text")
    func roundTrip() throws {
        let text = """
        {
          "z": 1,
          "a": [
            true,
            null,
            -0.5e3,
            "政策/科技 😀 𠀀"
          ],
          "big": 123456789012345678901234567890,
          "empty": {},
          "none": []
        }

        """
        let value = try JSONParser.parse(text)
        #expect(value.objectValue?.keys == ["z", "a", "big", "empty", "none"])
        #expect(JSONWriter.write(value) == text)
    }

    @Test("escapes: surrogate pairs, control characters, quotes; the writer escapes controls")
    func escapes() throws {
        let value = try JSONParser.parse(#"["\ud840\udc00\n\"\u001b[2J\\", "\u00e9"]"#)
        #expect(value == .array([.string("𠀀\n\"\u{1B}[2J\\"), .string("é")]))
        let written = JSONWriter.write(value)
        #expect(!written.unicodeScalars.contains("\u{1B}"))
        #expect(try JSONParser.parse(written) == value)
    }

    @Test("errors name the line and column", arguments: [
        ("{\n  \"a\": 1,\n}", 3), ("[1, 2", 1), ("{\"a\": 1, \"a\": 2}", 1), ("\"\u{01}\"", 1), ("01", 1), ("[1] x", 1),
    ])
    func errors(text: String, line: Int) {
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(text) }
        do { _ = try JSONParser.parse(text) } catch { #expect(error.line == line, "\(error)") }
    }

    @Test("invalid UTF-8 in a string and absurd nesting are errors, not crashes")
    func hostile() {
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse([0x22, 0xFF, 0xFE, 0x22]) }
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(deep) }
    }
}
