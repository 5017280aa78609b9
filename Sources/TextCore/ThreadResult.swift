import Glibc

/// A value worked out on a thread of its own from the moment this is made, so that slow
/// start-up work (opening the SQLite store takes about 1 ms) overlaps the terminal's set-up
/// and the document's loading on the other core; reading `value` waits for the thread the
/// first time. Read it from one thread only.
public final class ThreadResult<Value> {
    /// Where the thread leaves the value; `pthread_join` orders that write before any read.
    private final class Slot: @unchecked Sendable {
        var value: Value?
    }

    private let slot = Slot()
    private var thread: pthread_t?

    public init(_ work: @escaping () -> Value) {
        let slot = slot
        thread = startThread { slot.value = work() }
        if thread == nil { slot.value = work() }   // no thread to be had: done here and now
    }

    deinit {
        if let running = thread { pthread_join(running, nil) }
    }

    public var value: Value {
        if let running = thread {
            pthread_join(running, nil)
            thread = nil
        }
        return slot.value!
    }
}

/// The closure a new thread runs (a C thread function captures nothing, so it comes as the argument).
private final class ThreadJob {
    let body: () -> Void
    init(_ body: @escaping () -> Void) { self.body = body }
}

/// Starts `body` on a new joinable thread; nil if none can be had. (`IdleThread` detaches hers.)
func startThread(_ body: @escaping () -> Void) -> pthread_t? {
    let job = Unmanaged.passRetained(ThreadJob(body)).toOpaque()
    var started = pthread_t()
    guard pthread_create(&started, nil, { argument in
        Unmanaged<ThreadJob>.fromOpaque(argument!).takeRetainedValue().body()
        return nil
    }, job) == 0 else {
        Unmanaged<ThreadJob>.fromOpaque(job).release()
        return nil
    }
    return started
}
