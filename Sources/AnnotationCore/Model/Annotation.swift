import TextCore

/// One highlight, tag set or note on a passage: the user's unit of work.
///
/// An annotation is known by its `id` forever: edits keep it, merges match on it, and a
/// deletion leaves a tombstone (`deleted`, with only `id`, `modified` and `modifiedBy`) so
/// that a merge with an older copy cannot bring it back.
public struct Annotation: Equatable, Sendable {
    public var id: String
    /// Nil only for a tombstone.
    public var target: TextTarget?
    /// A palette colour name, or nil for the first tag's colour.
    public var color: String?
    /// Tag paths, `/` between levels (`政策/科技`), in the order given.
    public var tags: [String]
    public var note: String?
    public var creator: String
    public var created: String
    public var modified: String
    public var modifiedBy: String
    public var deleted: Bool
    public var anchor: AnchorState
    /// Fields this version does not know, kept on rewrite.
    public var extra: JSONObject

    public init(id: String, target: TextTarget?, color: String? = nil, tags: [String] = [], note: String? = nil,
                creator: String, created: String, modified: String? = nil, modifiedBy: String? = nil,
                deleted: Bool = false, anchor: AnchorState = AnchorState(), extra: JSONObject = JSONObject()) {
        self.id = id
        self.target = target
        self.color = color
        self.tags = tags
        self.note = note
        self.creator = creator
        self.created = created
        self.modified = modified ?? created
        self.modifiedBy = modifiedBy ?? creator
        self.deleted = deleted
        self.anchor = anchor
        self.extra = extra
    }

    /// This annotation deleted: only what a merge needs is kept.
    public func tombstone(by user: String, at time: String) -> Annotation {
        Annotation(id: id, target: nil, creator: "", created: "", modified: time, modifiedBy: user, deleted: true)
    }

    /// True if one of the tags is `tag` or lies under it (`政策` covers `政策/科技`).
    public func hasTag(under tag: String) -> Bool { tags.contains { TagPath.covers(tag, $0) } }

    /// Sidecar order: live annotations by start, end, id; tombstones last by id.
    public static func sidecarOrder(_ a: Annotation, _ b: Annotation) -> Bool {
        switch (a.target, b.target) {
        case let (x?, y?):
            if x.start != y.start { return x.start < y.start }
            if x.end != y.end { return x.end < y.end }
            return a.id < b.id
        case (nil, nil): return a.id < b.id
        case (_?, nil): return true
        case (nil, _?): return false
        }
    }
}

/// Hierarchical tag names: levels separated by `/`.
public enum TagPath {
    /// True if `path` is `parent` or one of its descendants.
    public static func covers(_ parent: String, _ path: String) -> Bool {
        path == parent || path.hasPrefix(parent.hasSuffix("/") ? parent : parent + "/")
    }

    /// The levels of a path (`政策/科技` → [政策, 科技]).
    public static func levels(_ path: String) -> [String] { path.split(separator: "/").map(String.init) }

    /// A tag as typed, tidied: surrounding spaces and empty levels dropped; nil if nothing is left.
    public static func normalized(_ raw: String) -> String? {
        let levels = raw.split(separator: "/").map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
        return levels.isEmpty ? nil : levels.joined(separator: "/")
    }
}
