import Testing
@testable import AnnotationCore

@Suite("The sidecar format: deterministic, forward compatible")
struct SidecarCodecTests {
    static let text = "一、调查方法\n　　为了解城市居民的阅读习惯，课题组设计了结构化问卷。😀𠀀\n"

    func sample() -> Sidecar {
        var s = Sidecar(document: Fixtures.record(Self.text))
        s.annotations = [
            Fixtures.annotation("0002", Fixtures.range(of: "阅读习惯", in: Self.text), in: Self.text, tags: ["方法/抽样"], note: "注意\n第二行"),
            Fixtures.annotation("0001", Fixtures.range(of: "调查方法", in: Self.text), in: Self.text, color: "yellow"),
            Annotation(id: "0000", target: nil, creator: "", created: "", modified: Fixtures.time, modifiedBy: "bob", deleted: true),
            Fixtures.annotation("0003", Fixtures.range(of: "调查方法", in: Self.text), in: Self.text),
        ]
        s.registerTags(["方法/抽样"], at: Fixtures.time)
        return s
    }

    @Test("encode → decode → encode gives the same bytes; annotations by start, end, id; tombstones last")
    func deterministic() throws {
        let first = SidecarEncoder.encode(sample())
        let decoded = try SidecarDecoder.decode(Array(first.utf8))
        #expect(SidecarEncoder.encode(decoded) == first)
        #expect(decoded.annotations.count == 4)
        let ids = (try JSONParser.parse(first)).objectValue?["annotations"]?.arrayValue?.compactMap { $0.objectValue?["id"]?.stringValue }
        #expect(ids == ["0001", "0003", "0002", "0000"])
        #expect(first.hasSuffix("}\n") && !first.contains("\r"))
    }

    @Test("unknown fields survive a rewrite at every level")
    func unknownFields() throws {
        var json = try JSONParser.parse(SidecarEncoder.encode(sample())).objectValue!
        json["x_future"] = .string("top")
        var doc = json["document"]!.objectValue!
        doc["x_doc"] = .int(7)
        json["document"] = .object(doc)
        var annotations = json["annotations"]!.arrayValue!
        var first = annotations[0].objectValue!
        first["x_annotation"] = .object(JSONObject([("nested", .bool(true))]))
        annotations[0] = .object(first)
        annotations.append(.object(JSONObject([("id", .int(5)), ("weird", .string("kept"))])))
        json["annotations"] = .array(annotations)
        var tags = json["tags"]!.arrayValue!
        var tag = tags[0].objectValue!
        tag["x_tag"] = .string("t")
        tags[0] = .object(tag)
        json["tags"] = .array(tags)

        var sidecar = try SidecarDecoder.decode(.object(json))
        #expect(sidecar.unreadable.count == 1)
        sidecar.revision += 1
        let rewritten = SidecarEncoder.encode(sidecar)
        for fragment in ["\"x_future\": \"top\"", "\"x_doc\": 7", "\"nested\": true", "\"weird\": \"kept\"", "\"x_tag\": \"t\""] {
            #expect(rewritten.contains(fragment), "\(fragment) lost")
        }
    }

    @Test("a newer schema_version, another format and broken JSON are refused with reasons")
    func refused() {
        #expect(throws: SidecarFormatError.newerVersion(2)) {
            try SidecarDecoder.decode(Array(#"{"format": "pizhu-sidecar", "schema_version": 2, "document": {}}"#.utf8))
        }
        #expect(throws: SidecarFormatError.self) { try SidecarDecoder.decode(Array(#"{"format": "other", "schema_version": 1}"#.utf8)) }
        #expect(throws: SidecarFormatError.self) { try SidecarDecoder.decode(Array("{\"format\": ".utf8)) }
    }

    @Test("UUIDv7 ids are well formed, version 7, and sort by time")
    func ids() {
        let a = UUIDv7.make(milliseconds: 1_700_000_000_000, random: (1, 2))
        let b = UUIDv7.make(milliseconds: 1_700_000_000_001, random: (0, 0))
        #expect(UUIDv7.isWellFormed(a) && UUIDv7.isWellFormed(UUIDv7.make()))
        #expect(Array(a)[14] == "7")
        #expect(a < b)
        #expect(UUIDv7.make() != UUIDv7.make())
    }

    @Test("times are UTC ISO 8601 with Z; scores have at most three decimals")
    func formats() {
        #expect(Timestamp.format(secondsSinceEpoch: 0) == "1970-01-01T00:00:00Z")
        #expect(Timestamp.format(secondsSinceEpoch: 1_772_331_100) == "2026-03-01T02:11:40Z")
        #expect(SidecarEncoder.score(1) == "1" && SidecarEncoder.score(0.8754) == "0.875" && SidecarEncoder.score(0.5) == "0.5")
    }

    @Test("parent tags cover their children, not look-alike siblings")
    func tagPaths() {
        #expect(TagPath.covers("政策", "政策/科技"))
        #expect(TagPath.covers("政策", "政策"))
        #expect(!TagPath.covers("政策", "政策法规"))
        #expect(TagPath.normalized(" 政策 / 科技/ ") == "政策/科技")
        #expect(TagPath.normalized(" / ") == nil)
    }
}

@Suite("the document record's newline style")
struct NewlineStyleTests {
    @Test("LF, CRLF, CR, a mix, or none", arguments: [
        ("a\nb\n", "lf"), ("a\r\nb\r\n", "crlf"), ("a\rb\r", "cr"), ("a\r\nb\n", "mixed"), ("a\rb\n", "mixed"),
        ("中文", "none"), ("", "none"), ("\r", "cr"), ("\r\n", "crlf"), ("x\r\r\n", "mixed"),
        // Scalars whose bytes hold 0x0A or 0x0D are not line breaks (上 is U+4E0A, ഊ U+0D0A).
        ("上ഊ\u{0A0D}\u{0D0D}", "none"),
        // Long runs, so that the vector search's main loop and its tail both count.
        (String(repeating: "中", count: 1_001) + "\r", "cr"), (String(repeating: "中", count: 999) + "\n" + String(repeating: "文", count: 3), "lf"),
        ("\r\n" + String(repeating: "上", count: 4_097), "crlf"),
    ])
    func styles(text: String, style: String) {
        #expect(DocumentRecord.newlineStyle(of: Array(text.unicodeScalars)) == style)
    }
}
