import Testing
@testable import AnnotationCore

@Suite("Merging sidecars by id")
struct MergeTests {
    static let text = "甲：第一段文字。\n乙：第二段文字。\n丙：第三段文字。\n"

    func base() -> Sidecar {
        var s = Sidecar(document: Fixtures.record(Self.text))
        s.annotations = [Fixtures.annotation("A", 2..<6, in: Self.text, tags: ["x"], note: "原注")]
        s.revision = 3
        return s
    }

    @Test("additions on both sides are all kept")
    func additions() {
        var ours = base(), theirs = base()
        ours.upsert(Fixtures.annotation("B", 11..<15, in: Self.text))
        theirs.upsert(Fixtures.annotation("C", 20..<24, in: Self.text))
        let merged = SidecarMerge.merge(base: base(), ours: ours, theirs: theirs)
        #expect(merged.annotations.map(\.id) == ["A", "B", "C"])
        #expect(merged.conflicts.isEmpty)
    }

    @Test("edits of different fields combine")
    func disjointFields() {
        var ours = base(), theirs = base()
        ours.annotations[0].note = "我们的注"; ours.annotations[0].modified = "2026-03-02T00:00:00Z"
        theirs.annotations[0].color = "green"; theirs.annotations[0].modified = "2026-03-02T00:00:01Z"
        let merged = SidecarMerge.merge(base: base(), ours: ours, theirs: theirs)
        #expect(merged.annotations[0].note == "我们的注")
        #expect(merged.annotations[0].color == "green")
        #expect(merged.conflicts.isEmpty)
    }

    @Test("the same field edited on both sides: the later edit wins and the other is kept as a conflict")
    func sameField() {
        var ours = base(), theirs = base()
        ours.annotations[0].note = "alice 的注"; ours.annotations[0].modified = "2026-03-02T08:13:50Z"; ours.annotations[0].modifiedBy = "alice"
        theirs.annotations[0].note = "bob 的注"; theirs.annotations[0].modified = "2026-03-02T08:14:05Z"; theirs.annotations[0].modifiedBy = "bob"
        let merged = SidecarMerge.merge(base: base(), ours: ours, theirs: theirs)
        #expect(merged.annotations[0].note == "bob 的注")
        #expect(merged.conflicts == [Conflict(id: "A", field: "note", value: .string("alice 的注"), by: "alice", at: "2026-03-02T08:13:50Z")])
        // The merge is symmetric in its result.
        let other = SidecarMerge.merge(base: base(), ours: theirs, theirs: ours)
        #expect(other.annotations == merged.annotations && other.conflicts == merged.conflicts)
    }

    @Test("a deletion stays deleted through a merge with an older copy")
    func tombstones() {
        var ours = base()
        ours.upsert(ours.annotations[0].tombstone(by: "alice", at: "2026-03-03T00:00:00Z"))
        let merged = SidecarMerge.merge(base: base(), ours: ours, theirs: base())
        #expect(merged.annotations.count == 1 && merged.annotations[0].deleted)
        #expect(merged.live.isEmpty)
    }

    @Test("delete against edit keeps the edit and records the deletion")
    func deleteVersusEdit() {
        var ours = base(), theirs = base()
        ours.upsert(ours.annotations[0].tombstone(by: "alice", at: "2026-03-03T00:00:00Z"))
        theirs.annotations[0].tags = ["x", "y"]; theirs.annotations[0].modified = "2026-03-02T00:00:00Z"; theirs.annotations[0].modifiedBy = "bob"
        let merged = SidecarMerge.merge(base: base(), ours: ours, theirs: theirs)
        #expect(merged.live.first?.tags == ["x", "y"])
        #expect(merged.conflicts.first?.field == "deleted")
    }

    @Test("no base (unrelated histories): differing fields resolve by time with conflicts recorded")
    func noBase() {
        var ours = base(), theirs = base()
        ours.annotations[0].tags = ["a"]; ours.annotations[0].modified = "2026-03-05T00:00:00Z"
        theirs.annotations[0].tags = ["b"]; theirs.annotations[0].modified = "2026-03-04T00:00:00Z"
        let merged = SidecarMerge.merge(base: nil, ours: ours, theirs: theirs)
        #expect(merged.annotations[0].tags == ["a"])
        #expect(merged.conflicts.count == 1)
    }

    @Test("tag vocabularies merge by name; revision is the larger")
    func vocabulary() {
        var ours = base(), theirs = base()
        ours.registerTags(["政策"], at: Fixtures.time)
        theirs.registerTags(["经济/金融"], at: Fixtures.time)
        theirs.revision = 9
        let merged = SidecarMerge.merge(base: base(), ours: ours, theirs: theirs)
        #expect(merged.tags.map(\.name) == ["政策", "经济/金融"])
        #expect(merged.revision == 9)
    }
}
