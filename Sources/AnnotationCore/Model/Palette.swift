/// The named highlight colours. Names are what the sidecar stores (their meaning is the
/// user's); the hex value is for exports, and the terminal maps each to its nearest colour.
public enum Palette {
    public struct Colour: Equatable, Sendable {
        public var name: String
        public var hex: String
        /// The key that applies it in the reader.
        public var key: Character
    }

    public static let colours: [Colour] = [
        Colour(name: "yellow", hex: "#f5d76e", key: "1"),
        Colour(name: "green", hex: "#8fd18f", key: "2"),
        Colour(name: "blue", hex: "#7fb2f0", key: "3"),
        Colour(name: "pink", hex: "#f4a6c8", key: "4"),
        Colour(name: "orange", hex: "#f7b267", key: "5"),
        Colour(name: "purple", hex: "#c3a6f0", key: "6"),
        Colour(name: "red", hex: "#ef7d7d", key: "7"),
        Colour(name: "cyan", hex: "#7fd6d6", key: "8"),
        Colour(name: "grey", hex: "#c0c0c0", key: "9"),
    ]

    public static var names: [String] { colours.map(\.name) }

    public static func colour(named name: String) -> Colour? {
        let lower = name.lowercased()
        return colours.first { $0.name == lower || (lower == "gray" && $0.name == "grey") }
    }
}
