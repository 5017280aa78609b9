import Foundation
import Glibc
import Testing
@testable import TextCore

/// Converts bytes between encodings with glibc iconv; characters `to` cannot hold are dropped (like `iconv -c`).
func iconvConvert(_ bytes: [UInt8], from: String, to: String) -> [UInt8] {
    let cd = iconv_open(to, from)
    precondition(Int(bitPattern: cd) != -1, "iconv cannot convert \(from) to \(to)")
    defer { iconv_close(cd) }
    var out = [UInt8](repeating: 0, count: bytes.count * 4 + 64)
    var used = 0
    var offset = 0
    bytes.withUnsafeBufferPointer { input in
        while offset < bytes.count {
            var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(mutating: input.baseAddress! + offset).assumingMemoryBound(to: CChar.self)
            var inLeft = bytes.count - offset
            let r = out.withUnsafeMutableBytes { ob -> Int in
                var outPtr: UnsafeMutablePointer<CChar>? = (ob.baseAddress! + used).assumingMemoryBound(to: CChar.self)
                var outLeft = ob.count - used
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                used = ob.count - outLeft
                return r
            }
            offset = bytes.count - inLeft
            if r == -1 { offset += 1 } // skip what the target cannot hold
        }
    }
    return Array(out[0..<used])
}

func seedBytes() throws -> [[UInt8]] {
    try seedPaths().map { try [UInt8](Data(contentsOf: URL(fileURLWithPath: $0))) }
}

func scalars(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }

@Suite("decoding: every re-encoding of the seeds reads back identically")
struct DecodingTests {
    @Test("re-encoded seeds are detected and decode to the same text",
          arguments: ["UTF-8", "UTF-8-BOM", "GB18030", "GBK", "UTF-16LE", "UTF-16BE", "UTF-16LE-BOM", "UTF-16BE-BOM", "UTF-32LE-BOM"])
    func reencoded(encoding: String) throws {
        for original in try seedBytes() {
            let expected = UTF8Validator.decode(original).scalars
            var bytes: [UInt8]
            var expectedName = encoding.replacingOccurrences(of: "-BOM", with: "")
            switch encoding {
            case "UTF-8": bytes = original
            case "UTF-8-BOM": bytes = [0xEF, 0xBB, 0xBF] + original
            case "UTF-16LE-BOM": bytes = [0xFF, 0xFE] + iconvConvert(original, from: "UTF-8", to: "UTF-16LE")
            case "UTF-16BE-BOM": bytes = [0xFE, 0xFF] + iconvConvert(original, from: "UTF-8", to: "UTF-16BE")
            case "UTF-32LE-BOM": bytes = [0xFF, 0xFE, 0, 0] + iconvConvert(original, from: "UTF-8", to: "UTF-32LE")
            default: bytes = iconvConvert(original, from: "UTF-8", to: encoding)
            }
            if encoding == "GBK" { expectedName = "GB18030" }
            let decoded = try TextDecoder.decode(bytes)
            #expect(decoded.encoding.name == expectedName)
            #expect(decoded.invalidSequences == 0)
            #expect(decoded.text.storage == expected, "\(encoding): decoded text differs")
            #expect(decoded.hadBOM == encoding.hasSuffix("BOM"))
        }
    }

    @Test("traditional text in Big5 is told from GB18030 and decodes as iconv's Big5-HKSCS does")
    func big5() throws {
        for original in try seedBytes() {
            let simplified = String(decoding: original, as: UTF8.self).replacingOccurrences(of: "|", with: "")
            let traditional = simplified.applyingTransform(StringTransform("Hans-Hant"), reverse: false) ?? simplified
            let big5 = iconvConvert(Array(traditional.utf8), from: "UTF-8", to: "BIG5-HKSCS")
            let decoded = try TextDecoder.decode(big5)
            #expect(decoded.encoding.name == "BIG5-HKSCS")
            #expect(decoded.invalidSequences == 0)
            let reference = UTF8Validator.decode(iconvConvert(big5, from: "BIG5-HKSCS", to: "UTF-8")).scalars
            #expect(decoded.text.storage == reference)
        }
    }

    @Test("GBK text is never mistaken for Big5, even a short sample of 60 characters")
    func shortGB() throws {
        let text = "科协组织坚持以习近平新时代中国特色社会主义思想为指导，围绕中心、服务大局，以支撑科学防疫的实际成效检验科协组织的政治性。"
        let decoded = try TextDecoder.decode(iconvConvert(Array(text.utf8), from: "UTF-8", to: "GBK"))
        #expect(decoded.encoding.name == "GB18030")
        #expect(decoded.text.storage == scalars(text))
    }

    @Test("a tiny GB sample never crashes, and an override reads it right")
    func tiny() throws {
        let bytes = iconvConvert(Array("中文".utf8), from: "UTF-8", to: "GB18030")
        _ = try TextDecoder.decode(bytes)
        let decoded = try TextDecoder.decode(bytes, encoding: "gbk")
        #expect(decoded.text.storage == scalars("中文"))
        #expect(decoded.encoding.method == .override)
    }

    @Test("mixed ASCII with a few GB characters")
    func mixed() throws {
        let text = "Report 2021: total = 100; status OK. 备注：数据已核对。\nLine two, plain ASCII only.\n"
        let decoded = try TextDecoder.decode(iconvConvert(Array(text.utf8), from: "UTF-8", to: "GB18030"))
        #expect(decoded.encoding.name == "GB18030")
        #expect(decoded.text.storage == scalars(text))
    }

    @Test("Chinese UTF-16 with no ASCII and no BOM is recognised by its code units")
    func utf16NoASCII() throws {
        let text = "科协组织坚持以习近平新时代中国特色社会主义思想为指导围绕中心服务大局"
        for order in ["UTF-16LE", "UTF-16BE"] {
            let decoded = try TextDecoder.decode(iconvConvert(Array(text.utf8), from: "UTF-8", to: order))
            #expect(decoded.encoding.name == order)
            #expect(decoded.text.storage == scalars(text))
        }
    }

    @Test("invalid and truncated UTF-8 becomes U+FFFD, counted, offsets in scalars")
    func invalidUTF8() throws {
        var bytes = Array("好的".utf8) + [0xFF] + Array("文".utf8) + [0xE4, 0xB8]
        var decoded = try TextDecoder.decode(bytes, encoding: "UTF-8")
        #expect(decoded.text.storage == scalars("好的\u{FFFD}文\u{FFFD}"))
        #expect(decoded.invalidSequences == 2)
        // Every position of a multibyte character cut short.
        let full = Array("中".utf8)
        for cut in 1..<full.count {
            bytes = Array("甲".utf8) + Array(full.prefix(cut)) + Array("乙".utf8)
            decoded = try TextDecoder.decode(bytes, encoding: "UTF-8")
            #expect(decoded.text.storage == scalars("甲\u{FFFD}乙"))
        }
    }

    @Test("UTF-8 with a few stray bytes is still read as UTF-8")
    func strayBytes() throws {
        let text = String(repeating: "科协组织坚持以新时代思想为指导。", count: 4)
        let bytes = Array(text.utf8) + [0x9B, 0xFF] + Array(text.utf8)
        let decoded = try TextDecoder.decode(bytes)
        #expect(decoded.encoding.name == "UTF-8")
        #expect(decoded.invalidSequences == 2)
    }

    @Test("invalid GB18030 bytes become U+FFFD and the rest still decodes")
    func invalidGB() throws {
        let good = iconvConvert(Array("前文".utf8), from: "UTF-8", to: "GB18030")
        let decoded = try TextDecoder.decode(good + [0x81, 0x20] + good, encoding: "GB18030")
        #expect(decoded.invalidSequences >= 1)
        #expect(decoded.text.storage.prefix(2) == scalars("前文")[...])
        #expect(decoded.text.storage.suffix(2) == scalars("前文")[...])
    }

    @Test("a binary file is refused with a reason, unless forced")
    func binary() throws {
        let bytes: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3E, 0]
        #expect(throws: DecodingError.self) { try TextDecoder.decode(bytes) }
        do {
            _ = try TextDecoder.decode(bytes)
        } catch let error as DecodingError {
            #expect(error.description.contains("NUL"))
            #expect(error.description.contains("--force"))
        }
        let forced = try TextDecoder.decode(bytes, force: true)
        #expect(forced.text.count == bytes.count)
    }

    @Test("compressed files and PDFs are refused with the command that gets their text out; text that merely starts alike is not")
    func containers() throws {
        let seed = try #require(try seedPaths().first)
        let packed = NSTemporaryDirectory() + "packed-\(UUID().uuidString).gz"
        defer { unlink(packed) }
        #expect(system("gzip -c \(seed) > \(packed)") == 0)
        let gzipped = try #require(FileManager.default.contents(atPath: packed))
        do {
            _ = try TextDecoder.decode(Array(gzipped))
            Issue.record("gzip data decoded as text")
        } catch let error as DecodingError {
            #expect(error.description.contains("zcat FILE | pizhu"))
        }
        // bzip2's stream header: "BZh", a block size, a block's magic.
        #expect(throws: DecodingError.self) { try TextDecoder.decode(Array("BZh91AY&SY".utf8) + [0xA4, 0x1B, 0x7C, 0x33]) }
        let pdf = Array("%PDF-1.7\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".utf8)
        #expect(throws: DecodingError.self) { try TextDecoder.decode(pdf) }
        // xz, zstd and ZIP (.docx, .epub) by their headers, each naming its way out.
        for (header, advice) in [([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00] as [UInt8], "xzcat"), ([0x28, 0xB5, 0x2F, 0xFD], "zstdcat"),
                                 ([0x50, 0x4B, 0x03, 0x04], "pandoc")] {
            do {
                _ = try TextDecoder.decode(header + Array("正文".utf8))
                Issue.record("\(advice): decoded as text")
            } catch let error as DecodingError {
                #expect(error.description.contains(advice))
            }
        }
        #expect(try TextDecoder.decode(Array("BZh 开头的普通文本。".utf8)).text.count == 12)
        #expect(try TextDecoder.decode(Array("PK 不是压缩包。".utf8)).text.count == 9)
    }

    @Test("an unknown encoding name is a clear error")
    func unknownName() {
        #expect(throws: DecodingError.unknownEncoding("klingon")) { try TextDecoder.decode([0x41], encoding: "klingon") }
    }

    @Test("the progress callback reaches 1 on a large transcode")
    func progress() throws {
        let text = String(repeating: "科协组织坚持以新时代思想为指导。\n", count: 200_000)
        let bytes = iconvConvert(Array(text.utf8), from: "UTF-8", to: "GB18030")
        var last = 0.0
        var calls = 0
        let decoded = try TextDecoder.decode(bytes, encoding: "GB18030") { last = $0; calls += 1 }
        #expect(calls > 1)
        #expect(last == 1.0)
        #expect(decoded.text.count == text.unicodeScalars.count)
    }

    @Test("regression (found by the hostile-file suite): 100,000 combining marks are UTF-8, not NUL-free UTF-16")
    func combiningMarksAreUTF8() {
        var bytes = Array("字".utf8)
        for _ in 0..<100_000 { bytes += [0xCC, 0x81] }
        guard case .text(let guess) = EncodingDetector.detect(bytes) else { Issue.record("refused"); return }
        #expect(guess.name == "UTF-8")
    }
}
