import Glibc

/// A value worked out on a thread of its own from the moment this is made, so that slow
/// start-up work (opening the SQLite store takes about 0.4 ms) can overlap the terminal's
/// set-up and the document's loading on the other core. Whoever comes first does the work:
/// if the thread has not begun by the time `value` is wanted (a new thread can wait a
/// millisecond for a core while the process that started pizhu still holds it), the caller
/// works the value out itself instead of waiting for the thread to start; if the thread has
/// begun, `value` waits for it. Read it from one thread only.
public final class ThreadResult<Value> {
    /// The work and where its value is left. `claimed` says who does it; the value is read
    /// only after the thread that wrote it is joined, or on the thread that wrote it.
    private final class Job: @unchecked Sendable {
        let work: () -> Value
        private let claimed = Locked(false)
        var value: Value?
        init(_ work: @escaping () -> Value) { self.work = work }

        /// Does the work if no one has yet (the thread, or the reader of `value`); true if this
        /// call did it.
        @discardableResult
        func runIfFirst() -> Bool {
            let first = claimed.withLock { taken in
                defer { taken = true }
                return !taken
            }
            if first { value = work() }
            return first
        }
    }

    private let job: Job
    private var thread: pthread_t?

    public convenience init(_ work: @escaping () -> Value) {
        self.init(start: startThread, work)
    }

    /// `start` starts the thread (tests delay it); it returns nil when no thread can be had,
    /// and the work is then done where the value is first wanted.
    init(start: (@escaping () -> Void) -> pthread_t?, _ work: @escaping () -> Value) {
        let job = Job(work)
        self.job = job
        thread = start { job.runIfFirst() }
    }

    deinit {
        if let running = thread { pthread_join(running, nil) }
    }

    public var value: Value {
        let running = thread
        thread = nil
        if job.runIfFirst() {
            // Done here: a thread that had not begun finds the work taken and ends by itself.
            if let running { pthread_detach(running) }
        } else if let running {
            pthread_join(running, nil)
        }
        return job.value!
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
