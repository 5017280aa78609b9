import AnnotationCore

/// The W3C Web Annotation Data Model (JSON-LD): one AnnotationCollection whose items carry a
/// TextQuoteSelector and a TextPositionSelector (code points, as the recommendation requires),
/// tags as `tagging` bodies and notes as `commenting` bodies.
enum W3CExport {
    static func render(_ documents: [ExportDocument], title: String, options: ExportOptions) -> String {
        var items: [JSONValue] = []
        for d in documents {
            for item in d.items {
                let a = item.annotation
                let t = item.target
                var bodies: [JSONValue] = []
                if let note = a.note {
                    bodies.append(.object(JSONObject([("type", .string("TextualBody")), ("purpose", .string("commenting")),
                                                      ("format", .string("text/plain")), ("language", .string("zh")), ("value", .string(note))])))
                }
                for tag in a.tags {
                    bodies.append(.object(JSONObject([("type", .string("TextualBody")), ("purpose", .string("tagging")), ("value", .string(tag))])))
                }
                let motivation = a.note != nil ? "commenting" : !a.tags.isEmpty ? "tagging" : "highlighting"
                var o = JSONObject([
                    ("id", .string("urn:uuid:" + a.id)),
                    ("type", .string("Annotation")),
                    ("motivation", .string(motivation)),
                    ("created", .string(a.created)),
                    ("modified", .string(a.modified)),
                    ("creator", .object(JSONObject([("type", .string("Person")), ("nickname", .string(a.creator))]))),
                    ("generator", .object(JSONObject([("type", .string("Software")), ("name", .string(ExportSummary.generator))]))),
                ])
                if !bodies.isEmpty { o["body"] = .array(bodies) }
                o["target"] = .object(JSONObject([
                    ("source", .string("urn:sha256:" + d.sidecar.document.sha256)),
                    ("selector", .array([
                        .object(JSONObject([("type", .string("TextPositionSelector")), ("start", .int(t.start)), ("end", .int(t.end))])),
                        .object(JSONObject([("type", .string("TextQuoteSelector")), ("exact", .string(t.exact)),
                                            ("prefix", .string(t.prefix)), ("suffix", .string(t.suffix))])),
                    ])),
                ]))
                if let c = a.color { o["stylesheet"] = .object(JSONObject([("type", .string("CssStylesheet")), ("value", .string(".pizhu-\(c) { background: \(Palette.colour(named: c)?.hex ?? "#ffff00") }"))])) }
                items.append(.object(o))
            }
        }
        let collection = JSONObject([
            ("@context", .string("http://www.w3.org/ns/anno.jsonld")),
            ("type", .string("AnnotationCollection")),
            ("label", .string(title)),
            ("total", .int(items.count)),
            ("first", .object(JSONObject([("type", .string("AnnotationPage")), ("startIndex", .int(0)), ("items", .array(items))]))),
        ])
        return JSONWriter.write(.object(collection))
    }
}
