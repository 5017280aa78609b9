import AnnotationCore

/// One annotation change of this session, as undo and redo see it: the annotation before
/// (nil: it did not exist) and after (nil: it was deleted).
struct AnnotationChange {
    var id: String
    var before: Annotation?
    var after: Annotation?
}

/// What the bottom-line prompt collects.
public enum PromptKind: Sendable, Equatable {
    case command, tags, filter, search, searchBackward, libraryFilter

    /// The text drawn before what is typed.
    var prefix: String {
        switch self {
        case .command: return ":"
        case .tags: return "标签 tags: "
        case .filter: return "筛选 filter (tag or colour): "
        case .search: return "/"
        case .searchBackward: return "?"
        case .libraryFilter: return "书库 filter: "
        }
    }
}
