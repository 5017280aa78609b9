import ScreenCore
import TextCore
@testable import ReaderUI

/// Drives the headless reader from a key string and renders into an in-memory screen.
final class TestApp {
    let state: ReaderState
    let screen: InMemoryScreen
    private(set) var effects: [Effect] = []

    init(size: Size = Size(width: 60, height: 12), settings: LayoutSettings = LayoutSettings(measure: 20),
         library: [LibraryEntry] = [], document: (name: String, text: String)? = nil) {
        state = ReaderState(size: size, settings: settings)
        screen = InMemoryScreen(size: size)
        state.setLibrary(title: "fixtures", entries: library)
        if let document {
            state.open(ReaderDocument(name: document.name, path: "/fixtures/" + document.name, encoding: "UTF-8",
                                      text: ScalarText(document.text)))
        }
        draw()
    }

    /// Presses keys in `Key.parse` notation, drawing after each as the real loop does.
    func press(_ keys: String) {
        for key in Key.parse(keys) {
            effects += state.handle(key)
            draw()
        }
    }

    func resize(_ size: Size) {
        screen.size = size
        state.resize(size)
        draw()
    }

    func draw() { screen.draw(state.render()) }

    var lines: [String] { screen.frame.lines }
    var statusLine: String { lines.last ?? "" }
    /// Lines of the text pane only, trimmed of the centring margin.
    var textLines: [String] {
        lines.dropLast().map { String($0.drop(while: { $0 == " " })) }
    }
}

/// A numbered Chinese fixture: paragraph N reads 第N段 followed by filler, so tests can see where they are.
func numberedParagraphs(_ count: Int) -> String {
    (1...count).map { "第\($0)段。" }.joined(separator: "\n")
}
