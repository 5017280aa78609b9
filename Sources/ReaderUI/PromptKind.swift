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
