import CGlibcExtras
import Dispatch
import Glibc

/// A thread of its own for background work that must never delay the reader or the terminal.
///
/// It runs under SCHED_IDLE (nice 19 where that is refused): any other thread that wakes,
/// the reader's, the terminal's or tmux's, takes the CPU from it at once. A thread cannot
/// leave that class again without privileges, so this is never done to a shared pool thread
/// (Dispatch's would then run later work, such as a library search, at idle priority too).
enum IdleThread {
    /// Starts `body` on a new detached idle-class thread; returns at once.
    static func start(_ body: @escaping @Sendable () -> Void) {
        if let thread = startThread({ cge_make_thread_idle(); body() }) {
            pthread_detach(thread)
        } else {
            // No thread to be had: the work is still done, on a pool thread at normal priority.
            DispatchQueue.global().async(execute: body)
        }
    }
}
