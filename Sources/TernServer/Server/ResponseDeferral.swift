import Hummingbird
import Synchronization

/// Lets a route answer later without keeping its task: a held Ping hands the connection a
/// way to wait for its answer and returns, so none of the request's call stack waits with
/// it (a task keeps the stack memory of its deepest call until it ends).
///
/// Once a route has called `answerLater`, the response it returns is not written: the
/// connection starts the wait instead and writes what it delivers.
final class ResponseDeferral: Sendable {
    /// Writes the late answer on the connection.
    typealias Deliver = @Sendable (Response) async -> Void

    /// How a deferred answer is waited for.
    struct Wait: Sendable {
        /// Begins the wait; calls `deliver` once, with the answer.
        let start: @Sendable (_ deliver: @escaping Deliver) -> Void
        /// Gives the wait up without an answer (the connection closed), before or after `start`.
        let end: @Sendable () -> Void
    }

    private let wait = Mutex<Wait?>(nil)

    func answerLater(_ wait: Wait) {
        self.wait.withLock { $0 = wait }
    }

    /// The wait a route left, taken once.
    func take() -> Wait? {
        wait.withLock { wait in
            defer { wait = nil }
            return wait
        }
    }
}
