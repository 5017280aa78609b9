import Glibc
import Testing
@testable import TextCore

/// The reader's store opens on a thread of its own (`ThreadResult`): the work runs off the
/// calling thread, reading waits for it, and a result never read is still joined.
@Suite("ThreadResult")
struct ThreadResultTests {
    @Test("the work runs on another thread; value waits for it and stays the same")
    func runsElsewhere() {
        let caller = pthread_self()
        let result = ThreadResult { () -> (pthread_t, [Int]) in
            usleep(20_000)
            return (pthread_self(), Array(0..<1000))
        }
        let (worker, numbers) = result.value
        #expect(pthread_equal(worker, caller) == 0)
        #expect(numbers.count == 1000 && numbers.last == 999)
        #expect(result.value.1 == numbers)
    }

    @Test("results dropped unread are joined, with their work done")
    func droppedUnread() {
        final class Counter: @unchecked Sendable {
            var done = 0
            let lock = TestMutex()
        }
        let counter = Counter()
        for _ in 0..<50 {
            _ = ThreadResult { counter.lock.locked { counter.done += 1 } }
        }
        #expect(counter.lock.locked { counter.done } == 50)
    }
}

/// A pthread mutex for the test's counter.
final class TestMutex: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    init() { pthread_mutex_init(&mutex, nil) }
    func locked<R>(_ body: () -> R) -> R {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return body()
    }
}
