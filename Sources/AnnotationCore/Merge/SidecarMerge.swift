/// Three-way merge of sidecars by annotation id: how a save folds in another process's
/// changes, and what the git merge driver does.
///
/// - An annotation only one side has is kept.
/// - Fields changed on one side take that side's value; a field changed on both sides takes
///   the later `modified` (ties: the larger `modified_by`, then ours), and the other value goes
///   to `conflicts` so nobody's edit disappears.
/// - A deletion against an edit keeps the edit and records the deletion as a conflict.
/// - Targets are merged without conflicts: they are derived by anchoring, or set by re-attaching.
/// Without a base (two files that share no history) every differing field is a both-sides change.
public enum SidecarMerge {
    public static func merge(base: Sidecar?, ours: Sidecar, theirs: Sidecar) -> Sidecar {
        var result = ours
        result.revision = max(ours.revision, theirs.revision)
        result.extra = ours.extra.appending(theirs.extra)
        result.tags = mergeTags(base: base?.tags ?? [], ours: ours.tags, theirs: theirs.tags)
        var conflicts = ours.conflicts
        let baseByID = Dictionary(base?.annotations.map { ($0.id, $0) } ?? [], uniquingKeysWith: { a, _ in a })
        let theirsByID = Dictionary(theirs.annotations.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let oursIDs = Set(ours.annotations.map(\.id))
        var merged: [Annotation] = []
        for mine in ours.annotations {
            guard let other = theirsByID[mine.id] else { merged.append(mine); continue }
            merged.append(mergeAnnotation(base: baseByID[mine.id], ours: mine, theirs: other, conflicts: &conflicts))
        }
        merged += theirs.annotations.filter { !oursIDs.contains($0.id) }
        result.annotations = merged.sorted(by: Annotation.sidecarOrder)
        let ourUnreadable = ours.unreadable
        result.unreadable = ourUnreadable + theirs.unreadable.filter { !ourUnreadable.contains($0) }
        for c in theirs.conflicts where !conflicts.contains(c) { conflicts.append(c) }
        result.conflicts = conflicts.sorted { ($0.id, $0.field, $0.at, $0.by) < ($1.id, $1.field, $1.at, $1.by) }
        return result
    }

    /// True if `a` is the later edit of the two (the winner of a same-field collision).
    static func isLater(_ a: Annotation, than b: Annotation) -> Bool {
        (a.modified, a.modifiedBy) >= (b.modified, b.modifiedBy)
    }

    static func mergeAnnotation(base: Annotation?, ours: Annotation, theirs: Annotation, conflicts: inout [Conflict]) -> Annotation {
        if ours == theirs { return ours }
        if let base, ours == base { return theirs }
        if let base, theirs == base { return ours }
        switch (ours.deleted, theirs.deleted) {
        case (true, true): return isLater(ours, than: theirs) ? ours : theirs
        case (true, false), (false, true):
            let (edit, deletion) = ours.deleted ? (theirs, ours) : (ours, theirs)
            conflicts.append(Conflict(id: edit.id, field: "deleted", value: .bool(true), by: deletion.modifiedBy, at: deletion.modified))
            return edit
        case (false, false): break
        }
        let oursWins = isLater(ours, than: theirs)
        let loser = oursWins ? theirs : ours
        var result = oursWins ? ours : theirs
        // Field by field: a side that left a field as in the base yields to the side that changed it.
        func pick<T: Equatable>(_ field: String, _ key: KeyPath<Annotation, T>, _ set: (inout Annotation, T) -> Void,
                                _ json: (T) -> JSONValue, recordConflict: Bool = true) {
            let o = ours[keyPath: key], t = theirs[keyPath: key]
            if o == t { set(&result, o); return }
            if let base {
                let b = base[keyPath: key]
                if o == b { set(&result, t); return }
                if t == b { set(&result, o); return }
            }
            let winnerValue = oursWins ? o : t
            set(&result, winnerValue)
            if recordConflict {
                conflicts.append(Conflict(id: ours.id, field: field, value: json(oursWins ? t : o), by: loser.modifiedBy, at: loser.modified))
            }
        }
        pick("target", \.target, { $0.target = $1 }, { _ in .null }, recordConflict: false)
        pick("anchor", \.anchor, { $0.anchor = $1 }, { _ in .null }, recordConflict: false)
        pick("color", \.color, { $0.color = $1 }, { $0.map { .string($0) } ?? .null })
        pick("tags", \.tags, { $0.tags = $1 }, { .array($0.map { .string($0) }) })
        pick("note", \.note, { $0.note = $1 }, { $0.map { .string($0) } ?? .null })
        pick("extra", \.extra, { $0.extra = $1 }, { .object($0) })
        return result
    }

    /// Vocabulary entries merge by name: one side's change wins over the base; both changed, the later.
    static func mergeTags(base: [TagDefinition], ours: [TagDefinition], theirs: [TagDefinition]) -> [TagDefinition] {
        let baseByName = Dictionary(base.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let theirsByName = Dictionary(theirs.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        var result: [TagDefinition] = []
        for mine in ours {
            guard let other = theirsByName[mine.name], other != mine else { result.append(mine); continue }
            if baseByName[mine.name] == mine { result.append(other) } else if baseByName[mine.name] == other { result.append(mine) } else {
                result.append(mine.modified >= other.modified ? mine : other)
            }
        }
        let ourNames = Set(ours.map(\.name))
        result += theirs.filter { !ourNames.contains($0.name) }
        return result.sorted { $0.name < $1.name }
    }
}
