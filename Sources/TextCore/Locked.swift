import Glibc

/// A value shared between threads behind a pthread mutex.
///
/// Used instead of the standard library's `Mutex`, which on Linux waits on a futex directly:
/// the thread sanitizer does not see that as synchronisation and reports the memory handed
/// over under it (the background count's block index) as a race. A pthread mutex it sees.
final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    init(_ value: Value) {
        self.value = value
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    func withLock<R>(_ body: (inout Value) throws -> R) rethrows -> R {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body(&value)
    }
}
