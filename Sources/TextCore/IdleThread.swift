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
    private final class Work {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    /// Starts `body` on a new detached idle-class thread; returns at once.
    static func start(_ body: @escaping @Sendable () -> Void) {
        let work = Unmanaged.passRetained(Work(body)).toOpaque()
        var thread = pthread_t()
        let started = pthread_create(&thread, nil, { argument in
            let work = Unmanaged<Work>.fromOpaque(argument!).takeRetainedValue()
            cge_make_thread_idle()
            work.body()
            return nil
        }, work)
        if started == 0 {
            pthread_detach(thread)
        } else {
            // No thread to be had: the work is still done, on a pool thread at normal priority.
            Unmanaged<Work>.fromOpaque(work).release()
            DispatchQueue.global().async(execute: body)
        }
    }
}
