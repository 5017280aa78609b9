/// An entry of a document's tag vocabulary: what a tag means and how it is drawn.
public struct TagDefinition: Equatable, Sendable {
    /// The tag path (`政策/科技`).
    public var name: String
    public var color: String?
    public var description: String
    public var modified: String
    public var extra: JSONObject

    public init(name: String, color: String? = nil, description: String = "", modified: String, extra: JSONObject = JSONObject()) {
        self.name = name
        self.color = color
        self.description = description
        self.modified = modified
        self.extra = extra
    }
}
