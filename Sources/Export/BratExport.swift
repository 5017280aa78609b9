import AnnotationCore

/// brat standoff: per document a UTF-8 `.txt` of the decoded text and an `.ann` beside it
/// (offsets in code points, as brat counts), plus an `annotation.conf` that lists the entity
/// types and how each maps back to a pizhu tag, and a `visual.conf` with their colours.
enum BratExport {
    static func render(_ documents: [ExportDocument]) -> [(name: String, bytes: [UInt8])] {
        var files: [(String, [UInt8])] = []
        var types: [String: String] = [:]   // brat type → pizhu tag
        var colours: [String: String] = [:]
        for d in documents {
            let base = stem(d.name)
            var text = String.UnicodeScalarView()
            text.append(contentsOf: d.text)
            files.append((base + ".txt", Array(String(text).utf8)))
            var ann = ""
            var t = 0, note = 0, attribute = 0
            for item in d.items where item.annotation.anchor.status != .orphan {
                let a = item.annotation
                let target = item.target
                let tags = a.tags.isEmpty ? ["(untagged)"] : a.tags
                for tag in tags {
                    t += 1
                    let type = typeName(tag)
                    types[type] = tag
                    if let c = a.color, let hex = Palette.colour(named: c)?.hex { colours[type] = colours[type] ?? hex }
                    // A span text never holds a line break in brat's format: cut at each one (brat's fragments).
                    let fragments = spans(target.start..<target.end, in: d.text)
                    let text = fragments.map { TextTarget.string(d.text[$0]) }.joined(separator: " ")
                    ann += "T\(t)\t\(type) " + fragments.map { "\($0.lowerBound) \($0.upperBound)" }.joined(separator: ";") + "\t\(text)\n"
                    if let c = a.color {
                        attribute += 1
                        ann += "A\(attribute)\tColour T\(t) \(c)\n"
                    }
                    if let n = a.note {
                        note += 1
                        ann += "#\(note)\tAnnotatorNotes T\(t)\t" + n.replacingOccurrences("\n", " ").replacingOccurrences("\t", " ") + "\n"
                    }
                }
            }
            files.append((base + ".ann", Array(ann.utf8)))
        }
        var conf = "# pizhu tags as brat entity types (type\\tpizhu tag in a comment)\n[entities]\n"
        for type in types.keys.sorted() { conf += "\(type)\t# \(types[type]!)\n" }
        conf += "\n[relations]\n\n[events]\n\n[attributes]\nColour\tArg:<ENTITY>, Value:" + Palette.names.joined(separator: "|") + "\n"
        files.append(("annotation.conf", Array(conf.utf8)))
        var visual = "[labels]\n"
        for type in types.keys.sorted() { visual += "\(type) | \(types[type]!)\n" }
        visual += "\n[drawing]\n"
        for type in types.keys.sorted() { visual += "\(type)\tbgColor:\(colours[type] ?? "#f5d76e")\n" }
        files.append(("visual.conf", Array(visual.utf8)))
        return files
    }

    /// A brat type name: letters, digits, `_` and `-` only; other characters (including every
    /// hanzi and `/`) become `_` plus their code point, so the mapping is one to one.
    static func typeName(_ tag: String) -> String {
        var out = ""
        for s in tag.unicodeScalars {
            if (s.value < 0x80 && (s.properties.isAlphabetic || ("0"..."9").contains(Character(s)))) || s == "-" { out.unicodeScalars.append(s) } else {
                out += "_" + String(s.value, radix: 16, uppercase: true)
            }
        }
        return out.first?.isLetter == true ? out : "T" + out
    }

    /// The range cut at line breaks (the pieces without them).
    static func spans(_ r: Range<Int>, in text: [Unicode.Scalar]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = r.lowerBound
        for i in r where text[i] == "\n" || text[i] == "\r" {
            if i > start { out.append(start..<i) }
            start = i + 1
        }
        if r.upperBound > start { out.append(start..<r.upperBound) }
        return out.isEmpty ? [r] : out
    }

    static func stem(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}
