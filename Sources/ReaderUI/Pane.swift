/// The panes that can hold the keyboard focus.
public enum Pane: String, Sendable, CaseIterable {
    case library, text, annotations, results, outline
}
