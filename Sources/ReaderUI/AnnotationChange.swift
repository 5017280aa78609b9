import AnnotationCore

/// One annotation change of this session, as undo and redo see it: the annotation before
/// (nil: it did not exist) and after (nil: it was deleted).
struct AnnotationChange {
    var id: String
    var before: Annotation?
    var after: Annotation?
}
