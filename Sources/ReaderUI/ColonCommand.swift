/// A command typed at the `:` prompt, as data: names, usage and help, so that the help
/// overlay lists exactly what the parser accepts.
public struct ColonCommand: Sendable {
    public var name: String
    public var aliases: [String]
    public var usage: String
    public var help: String

    public static let all: [ColonCommand] = [
        ColonCommand(name: "open", aliases: ["o", "e"], usage: ":open PATH", help: "open a file or a folder"),
        ColonCommand(name: "reload", aliases: ["e!"], usage: ":reload", help: "read the document again from disk"),
        ColonCommand(name: "goto", aliases: ["go"], usage: ":goto 37%", help: "jump to a percentage of the document"),
        ColonCommand(name: "set", aliases: [], usage: ":set measure 60",
                     help: "settings: measure N, ambiguous narrow|wide, linebreak none|basic|strict, hanging on|off, spacing on|off"),
        ColonCommand(name: "library", aliases: ["lib"], usage: ":library", help: "show the library"),
        ColonCommand(name: "help", aliases: ["h"], usage: ":help", help: "show this help"),
        ColonCommand(name: "quit", aliases: ["q", "q!", "quit!"], usage: ":q", help: "quit"),
    ]

    /// The command a typed word names, by name or alias.
    public static func named(_ word: String) -> ColonCommand? {
        all.first { $0.name == word || $0.aliases.contains(word) }
    }
}
