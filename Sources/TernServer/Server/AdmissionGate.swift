import Synchronization

/// Lets at most `limit` requests be worked on at once; the others wait their turn in
/// arrival order, holding no thread.
///
/// A reconnect storm brings thousands of Pings at once. Worked on all together, each
/// would hold its temporary memory at the same moment, and the heap keeps that peak long
/// after (DESIGN.md, push: memory per held Ping); a few at a time, the same memory is
/// reused request after request, and the storm is no slower since the cores are busy anyway.
final class AdmissionGate: Sendable {
    private struct State {
        var available: Int
        var waiting: [CheckedContinuation<Void, Never>] = []
        /// The first of `waiting` still to be let in.
        var head = 0
    }

    private let state: Mutex<State>

    init(limit: Int) {
        precondition(limit > 0, "an admission gate needs room for one request")
        state = Mutex(State(available: limit))
    }

    /// Runs `work` once there is room.
    func admit<T>(_ work: () async throws -> T) async rethrows -> T {
        await enter()
        defer { leave() }
        return try await work()
    }

    private func enter() async {
        await withCheckedContinuation { continuation in
            let admitted = state.withLock { state in
                guard state.available > 0 else {
                    state.waiting.append(continuation)
                    return false
                }
                state.available -= 1
                return true
            }
            if admitted { continuation.resume() }
        }
    }

    private func leave() {
        let next = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard state.head < state.waiting.count else {
                state.available += 1
                return nil
            }
            let next = state.waiting[state.head]
            state.head += 1
            if state.head == state.waiting.count || state.head >= 1024 && state.head * 2 >= state.waiting.count {
                state.waiting.removeFirst(state.head)
                state.head = 0
            }
            return next
        }
        next?.resume()
    }
}
