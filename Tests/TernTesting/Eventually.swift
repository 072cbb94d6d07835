/// Waits until `condition` holds, checking every 10 ms, for at most `timeout`: for a test
/// that waits on another task's I/O (a request reaching the server), never for time itself.
/// Returns whether it came to hold.
@discardableResult
public func eventually(
    timeout: Duration = .seconds(10), _ condition: @Sendable () async throws -> Bool
) async rethrows -> Bool {
    let clock = ContinuousClock()
    let deadline = clock.now + timeout
    while clock.now < deadline {
        if try await condition() { return true }
        try? await clock.sleep(for: .milliseconds(10))
    }
    return try await condition()
}
