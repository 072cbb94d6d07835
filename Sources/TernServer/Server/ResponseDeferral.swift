import Hummingbird
import Synchronization

/// Lets a route answer later without keeping its task: a held Ping hands the connection a
/// way to start waiting for its answer and returns, so none of the request's call stack
/// waits with it (a task keeps the stack memory of its deepest call until it ends).
///
/// Once a route has called `answerLater`, the response it returns is not written: the
/// connection calls the start closure instead and writes what it delivers.
final class ResponseDeferral: Sendable {
    /// Writes the late answer on the connection.
    typealias Deliver = @Sendable (Response) async -> Void
    /// Starts waiting; calls `deliver` at most once, and returns what ends the wait when the
    /// connection closes first.
    typealias Start = @Sendable (_ deliver: @escaping Deliver) -> (@Sendable () -> Void)

    private let start = Mutex<Start?>(nil)

    func answerLater(_ start: @escaping Start) {
        self.start.withLock { $0 = start }
    }

    /// The start closure a route left, taken once.
    func take() -> Start? {
        start.withLock { start in
            defer { start = nil }
            return start
        }
    }
}
