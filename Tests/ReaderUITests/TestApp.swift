import AnnotationCore
import Glibc
import ScreenCore
import TextCore
@testable import ReaderUI

/// Drives the headless reader from a key string and renders into an in-memory screen.
final class TestApp {
    let state: ReaderState
    let screen: InMemoryScreen
    private(set) var effects: [Effect] = []

    init(size: Size = Size(width: 60, height: 12), settings: LayoutSettings = LayoutSettings(measure: 20),
         library: [LibraryEntry] = [], document: (name: String, text: String)? = nil, annotatedIn folder: String? = nil) {
        state = ReaderState(size: size, settings: settings)
        state.author = "tester"
        screen = InMemoryScreen(size: size)
        state.setLibrary(title: "fixtures", entries: library)
        if let document {
            var reader = ReaderDocument(name: document.name, path: (folder ?? "/fixtures") + "/" + document.name, encoding: "UTF-8",
                                        text: ScalarText(document.text))
            if let folder {
                // A real file and sidecar in a private folder, as the host sets them up.
                let bytes = Array(document.text.utf8)
                let fd = open(reader.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
                _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                close(fd)
                reader.annotations = try? AnnotatedDocument.attach(path: reader.path, text: Array(document.text.unicodeScalars), bytes: bytes,
                                                                  encoding: "utf-8", bom: false,
                                                                  locator: SidecarLocator(fallbackFolder: folder + "/fallback"))
            }
            state.open(reader)
        }
        draw()
    }

    /// Presses keys in `Key.parse` notation, drawing after each as the real loop does; saves
    /// annotations when asked, as the host does.
    func press(_ keys: String) {
        for key in Key.parse(keys) {
            let new = state.handle(key)
            effects += new
            if new.contains(.saveAnnotations), let annotations = state.viewport?.document.annotations {
                do {
                    try annotations.save(user: "tester")
                    state.annotationsSaved()
                } catch {
                    state.annotationSaveFailed("\(error)")
                }
            }
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
