import AnnotationCore
import Foundation
import ScreenCore
import Testing
import TextCore
import TmuxDriver
@testable import ReaderUI

/// A file read on demand gets its annotations only when a command needs them: the reader asks
/// its host (`Effect.loadAnnotations`), then does what was asked once they are attached.
@Suite("Annotations read on demand")
struct OnDemandAnnotationsTests {
    static let text = "第一句话在这里。第二句话说明问题！第三句。"

    /// The reader with a document whose annotations are not read yet, as the host opens a large file.
    func app() -> TestApp {
        let app = TestApp(settings: LayoutSettings(measure: 40), document: ("big.txt", Self.text))
        app.state.viewport?.document.annotationsOnDemand = true
        return app
    }

    /// What the host does once it has read them: the document's file and sidecar in `tmp`,
    /// attached to the reader.
    static func attach(to app: TestApp, in tmp: TemporaryDirectory) throws -> AnnotatedDocument {
        let path = tmp.write("big.txt", Data(text.utf8))
        let annotations = try AnnotatedDocument.attach(path: path, text: Array(text.unicodeScalars), bytes: Array(text.utf8),
                                                       encoding: "utf-8", bom: false, locator: SidecarLocator(fallbackFolder: tmp.path + "/fallback"))
        app.state.attachAnnotations(annotations)
        return annotations
    }

    @Test("the first command that needs annotations asks for them and leaves the selection as it was; reading and moving do not")
    func asks() throws {
        let app = app()
        app.press("vlljk")
        #expect(app.effects.allSatisfy { if case .loadAnnotations = $0 { false } else { true } })
        let selected = try #require(app.state.selectedRange)
        app.press("1")
        #expect(app.effects.last == .loadAnnotations(then: .command(.highlight1)))
        #expect(app.state.selectedRange == selected)
        #expect(app.state.perform(.toggleAnnotations) == [.loadAnnotations(then: .command(.toggleAnnotations))])
    }

    @Test("a : command that needs them waits for them too, and is run again whole once they are read")
    func commandLine() throws {
        let app = app()
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        app.press("vl")
        #expect(app.state.execute("tag 政策/科技") == [.loadAnnotations(then: .commandLine("tag 政策/科技"))])
        #expect(app.state.execute("undo").isEmpty)
        app.draw()
        #expect(app.statusLine.contains("Nothing to undo"))
        let annotations = try Self.attach(to: app, in: tmp)
        #expect(app.state.carryOn(.commandLine("tag 政策/科技")).contains(.saveAnnotations))
        #expect(annotations.annotations.first?.tags == ["政策/科技"])
    }

    @Test("once attached, the command is done: the highlight is added and saved")
    func attachedThenDone() throws {
        let app = app()
        let tmp = try TemporaryDirectory()
        defer { tmp.remove() }
        app.press("vl1")
        let annotations = try Self.attach(to: app, in: tmp)
        #expect(app.state.viewport?.document.annotationsOnDemand == false)
        #expect(app.state.perform(.highlight1).contains(.saveAnnotations))
        #expect(annotations.annotations.map { $0.target.map { $0.start..<$0.end } } == [0..<2])
    }

    @Test("when they cannot be read, the reason is shown, and asked again it is shown again, without asking the host")
    func unavailable() {
        let app = app()
        app.state.annotationsUnavailable("big.txt has invalid UTF-8")
        app.press("vl1")
        #expect(app.effects.isEmpty)
        #expect(app.statusLine.contains("invalid UTF-8"))
    }
}
