import Glibc
import Testing
@testable import TextCore

/// The reader's store opens on a thread of its own (`ThreadResult`): whoever comes first does
/// the work. Once the thread has begun, reading waits for it; if it has not begun when the
/// value is wanted, the reader does the work itself rather than wait for a core; a result
/// never read is still joined.
@Suite("ThreadResult")
struct ThreadResultTests {
    @Test("once the thread has begun, value waits for its work and stays the same")
    func runsElsewhere() {
        let caller = pthread_self()
        let begun = TestSemaphore()
        let result = ThreadResult { () -> (pthread_t, [Int]) in
            begun.signal()
            usleep(20_000)
            return (pthread_self(), Array(0..<1000))
        }
        begun.wait()
        let (worker, numbers) = result.value
        #expect(pthread_equal(worker, caller) == 0)
        #expect(numbers.count == 1000 && numbers.last == 999)
        #expect(result.value.1 == numbers)
    }

    @Test("a thread that has not begun when the value is wanted is not waited for: the caller does the work, once")
    func callerTakesOver() {
        let runs = TestCounter()
        let release = TestSemaphore()
        let ended = TestSemaphore()
        // A thread held back until the test lets it go (as one waiting for a core would be),
        // or for 2 s at most: a `value` that waited for it then gets the thread's answer.
        let held: (@escaping () -> Void) -> pthread_t? = { body in
            startThread { release.wait(seconds: 2); body(); ended.signal() }
        }
        let caller = pthread_self()
        let result = ThreadResult(start: held) { () -> pthread_t in
            runs.add()
            return pthread_self()
        }
        #expect(pthread_equal(result.value, caller) != 0)
        release.signal()
        ended.wait()
        #expect(runs.value == 1)
        #expect(pthread_equal(result.value, caller) != 0)
    }

    @Test("with no thread to be had, the work is done where the value is wanted")
    func noThread() {
        let result = ThreadResult(start: { _ in nil }) { 42 }
        #expect(result.value == 42)
    }

    @Test("results dropped unread are joined, with their work done")
    func droppedUnread() {
        let counter = TestCounter()
        for _ in 0..<50 {
            _ = ThreadResult { counter.add() }
        }
        #expect(counter.value == 50)
    }
}

/// A count that threads add to, behind a pthread mutex (seen by the thread sanitizer).
final class TestCounter: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    private var count = 0
    init() { pthread_mutex_init(&mutex, nil) }
    func add() {
        pthread_mutex_lock(&mutex)
        count += 1
        pthread_mutex_unlock(&mutex)
    }
    var value: Int {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return count
    }
}

/// A counting semaphore made of a pthread mutex and condition (seen by the thread sanitizer).
final class TestSemaphore: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    private var condition = pthread_cond_t()
    private var count = 0
    init() {
        pthread_mutex_init(&mutex, nil)
        pthread_cond_init(&condition, nil)
    }
    func signal() {
        pthread_mutex_lock(&mutex)
        count += 1
        pthread_cond_signal(&condition)
        pthread_mutex_unlock(&mutex)
    }
    func wait() {
        pthread_mutex_lock(&mutex)
        while count == 0 { pthread_cond_wait(&condition, &mutex) }
        count -= 1
        pthread_mutex_unlock(&mutex)
    }
    /// Waits for a signal or until `seconds` have passed.
    func wait(seconds: Int) {
        var deadline = timespec()
        clock_gettime(CLOCK_REALTIME, &deadline)
        deadline.tv_sec += seconds
        pthread_mutex_lock(&mutex)
        while count == 0 && pthread_cond_timedwait(&condition, &mutex, &deadline) == 0 {}
        if count > 0 { count -= 1 }
        pthread_mutex_unlock(&mutex)
    }
}
