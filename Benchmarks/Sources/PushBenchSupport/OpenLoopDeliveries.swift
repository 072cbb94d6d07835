import BenchmarkSupport
import TernStore

/// Deliveries of a ~5 KB message to user `u<target>` for each of `targets`, at `rate` per
/// second, open loop: each starts at its time in a task of its own, as concurrent deliveries
/// from a mail server would, so a slow one delays no other and shows in the latency instead
/// of lowering the rate.
public enum OpenLoopDeliveries {
    /// When a delivery started and when it returned, committed, in CLOCK_MONOTONIC nanoseconds.
    public struct Times: Sendable {
        public var started: Int64
        public var committed: Int64
    }

    /// Each target's delivery times.
    public static func run(_ delivery: MailDelivery, to targets: [Int], rate: Int) async throws -> [Int: Times] {
        let begun = ContinuousClock.now
        return try await withThrowingTaskGroup(of: (Int, Times).self) { group in
            for (sequence, target) in targets.enumerated() {
                let due = begun + .seconds(Double(sequence) / Double(rate))
                if due > ContinuousClock.now { try await Task.sleep(until: due) }
                group.addTask {
                    let started = ProcessFigures.monotonicNanoseconds()
                    _ = try await delivery.deliver(message(sequence), to: "u\(target)@bench.example")
                    return (target, Times(started: started, committed: ProcessFigures.monotonicNanoseconds()))
                }
            }
            var times: [Int: Times] = [:]
            for try await (target, time) in group { times[target] = time }
            return times
        }
    }
}
