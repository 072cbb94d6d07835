import Synchronization

/// Bounds the bcrypt work done at once. Each bcrypt check takes a quarter of a second of a
/// core and holds a thread of the shared pool while it runs, so after a restart, when every
/// device signs in again, unbounded checks would take every thread and stall push for all.
/// At most `maxRunning` checks run; up to `maxWaiting` more wait their turn in order; any
/// beyond are refused at once (the caller answers 503 with Retry-After), never piled up.
final class PasswordCheckGate: Sendable {
    /// The gate is full: the request is to be refused, not queued.
    struct Busy: Error {}

    /// What the gate has seen, for operators and tests.
    struct Figures: Hashable, Sendable {
        /// Checks run (bcrypt verifications).
        var checks = 0
        /// Requests refused because the gate was full.
        var refusals = 0
        /// The most checks that ever ran at once.
        var peakRunning = 0
    }

    private enum Admission {
        case admitted, refused
    }

    private struct State {
        var running = 0
        var waiting: [CheckedContinuation<Admission, Never>] = []
        var figures = Figures()
    }

    let maxRunning: Int
    let maxWaiting: Int
    private let state = Mutex(State())

    init(maxRunning: Int, maxWaiting: Int) {
        self.maxRunning = max(maxRunning, 1)
        self.maxWaiting = max(maxWaiting, 0)
    }

    var figures: Figures { state.withLock { $0.figures } }

    /// Runs `check` when a place is free, after the checks before it; `Busy` when none is and
    /// the queue is full.
    func run<Result>(_ check: () -> Result) async throws(Busy) -> Result {
        try await enter()
        defer { leave() }
        return check()
    }

    private func enter() async throws(Busy) {
        let admission = await withCheckedContinuation { (continuation: CheckedContinuation<Admission, Never>) in
            let answer: Admission? = state.withLock { state in
                if state.running < maxRunning {
                    state.running += 1
                    state.figures.peakRunning = max(state.figures.peakRunning, state.running)
                    state.figures.checks += 1
                    return .admitted
                }
                guard state.waiting.count < maxWaiting else {
                    state.figures.refusals += 1
                    return .refused
                }
                state.waiting.append(continuation)
                return nil
            }
            if let answer { continuation.resume(returning: answer) }
        }
        if admission == .refused { throw Busy() }
    }

    private func leave() {
        let next = state.withLock { state -> CheckedContinuation<Admission, Never>? in
            guard !state.waiting.isEmpty else {
                state.running -= 1
                return nil
            }
            // The place passes to the first waiting check; `running` stays as it is.
            state.figures.checks += 1
            return state.waiting.removeFirst()
        }
        next?.resume(returning: .admitted)
    }
}
