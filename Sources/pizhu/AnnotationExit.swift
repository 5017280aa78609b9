import AnnotationCore
import ArgumentParser

/// Exit codes of the scripting commands (sysexits-style), so scripts can tell failures apart.
enum AnnotationExit {
    /// Bad arguments (ArgumentParser's own validation code).
    static let usage = ExitCode.validationFailure // 64
    /// The quote, range or annotation id was not found.
    static let notFound = ExitCode(65)
    /// The source document cannot be read or decoded.
    static let documentUnreadable = ExitCode(66)
    /// The sidecar cannot be read (corrupt, newer version) or written.
    static let sidecarFailed = ExitCode(74)

    /// Prints why a document could not be opened for annotating and returns the exit code.
    /// The exit code for a document that could not be opened; prints why unless already printed.
    static func report(_ error: AnnotatedDocument.OpenError, quietly: Bool = false) -> ExitCode {
        if !quietly { printError("pizhu: \(error)") }
        switch error {
        case .document: return documentUnreadable
        case .sidecar: return sidecarFailed
        }
    }

    static func report(_ error: SidecarFileError) -> ExitCode {
        printError("pizhu: \(error). Nothing was changed on disk; check the folder's permissions and free space, then run the command again")
        return sidecarFailed
    }
}
