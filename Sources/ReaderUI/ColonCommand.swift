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
        ColonCommand(name: "goto", aliases: ["go"], usage: ":goto 37%", help: "jump to a percentage of the document; :goto heading 3 to the third heading"),
        ColonCommand(name: "outline", aliases: ["toc"], usage: ":outline", help: "show the document's headings (also T)"),
        ColonCommand(name: "set", aliases: [], usage: ":set measure 60",
                     help: "settings: measure N, ambiguous narrow|wide, linebreak none|basic|strict, hanging on|off, spacing on|off"),
        ColonCommand(name: "library", aliases: ["lib"], usage: ":library", help: "show the library"),
        ColonCommand(name: "export", aliases: [], usage: ":export md [--tag T]",
                     help: "export annotations to ./Annotations/ (the open document; from the library pane, the whole library); options as pizhu export"),
        ColonCommand(name: "grep", aliases: ["g"], usage: ":grep TEXT", help: "search every document of the library; Enter opens a result"),
        ColonCommand(name: "highlight", aliases: ["hl"], usage: ":highlight yellow",
                     help: "highlight the selection (or the annotation at the cursor): yellow green blue pink orange purple red cyan grey"),
        ColonCommand(name: "tag", aliases: [], usage: ":tag 政策/科技 经济", help: "tag the selection (or the annotation at the cursor)"),
        ColonCommand(name: "tag-all", aliases: [], usage: ":tag-all 关键词", help: "tag every match of the current search (one undo step)"),
        ColonCommand(name: "note", aliases: [], usage: ":note TEXT", help: "set the note of the selection (or the annotation at the cursor)"),
        ColonCommand(name: "next", aliases: [], usage: ":next TAG", help: "jump to the next passage tagged TAG (or a tag under it)"),
        ColonCommand(name: "annotations", aliases: ["ann"], usage: ":annotations", help: "show or hide the annotation pane"),
        ColonCommand(name: "undo", aliases: [], usage: ":undo", help: "undo the last annotation change (also u)"),
        ColonCommand(name: "redo", aliases: [], usage: ":redo", help: "redo (also Ctrl-R)"),
        ColonCommand(name: "save", aliases: ["w"], usage: ":save", help: "save the annotations again after a failed save"),
        ColonCommand(name: "help", aliases: ["h"], usage: ":help", help: "show this help"),
        ColonCommand(name: "quit", aliases: ["q", "q!", "quit!"], usage: ":q", help: "quit"),
    ]

    /// The command a typed word names, by name or alias.
    public static func named(_ word: String) -> ColonCommand? {
        all.first { $0.name == word || $0.aliases.contains(word) }
    }
}
