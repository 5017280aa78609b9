import Dispatch
import Foundation
import Glibc
import Testing
@testable import TextCore

/// The background count runs below everything else, on threads of its own.
@Suite("idle-class background threads")
struct IdleThreadTests {
    static let schedIdle: Int32 = 5

    /// The calling thread's scheduling policy and nice value.
    static func priority() -> (policy: Int32, nice: Int32) {
        errno = 0
        let nice = getpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0)   // on Linux: the calling thread
        return (sched_getscheduler(0), nice)
    }

    @Test("work started with IdleThread runs idle-class, and the starting thread keeps its policy")
    func runsIdle() {
        let seen = Locked<(policy: Int32, nice: Int32)?>(nil)
        let done = DispatchSemaphore(value: 0)
        IdleThread.start {
            seen.withLock { $0 = Self.priority() }
            done.signal()
        }
        #expect(done.wait(timeout: .now() + 10) == .success)
        #expect(seen.withLock { $0?.policy } == Self.schedIdle)
        #expect(Self.priority().policy == SCHED_OTHER)
    }

    @Test("after a file is counted in the background, the shared thread pool still runs at normal priority (a library search there must not run idle-class)")
    func poolKeepsItsPriority() throws {
        var bytes = UTF8FileTextTests.big
        while bytes.count < 12 << 20 { bytes += UTF8FileTextTests.big }
        let file = TemporaryFile(bytes)
        for _ in 0..<3 {
            let text = try UTF8FileText(path: file.path)
            text.countInBackground()
            _ = text.count
        }
        let lowered = Locked(0)
        DispatchQueue.concurrentPerform(iterations: 64) { _ in
            let p = Self.priority()
            if p.policy != SCHED_OTHER || p.nice != 0 { lowered.withLock { $0 += 1 } }
            usleep(200)
        }
        #expect(lowered.withLock { $0 } == 0)
    }
}
