import TernTesting
import Testing

@testable import TernServer

/// `FailureThrottle` and `CredentialCache` driven with made-up instants: no sleeping, no timing.
struct AuthThrottleTests {
    let start = ContinuousClock.now
    let anna = FailureThrottle.Key.login("anna")
    let client = FailureThrottle.Key.client("192.0.2.7")

    private func failing(_ count: Int, _ keys: [FailureThrottle.Key], every step: Duration = .seconds(1))
        -> FailureThrottle
    {
        var throttle = FailureThrottle()
        for index in 0..<count { throttle.recordFailure(of: keys, at: start + step * index) }
        return throttle
    }

    @Test func fiveFailuresCostNothingThenTheWaitDoublesUpToEightSeconds() {
        var throttle = FailureThrottle()
        var delays: [Duration] = []
        for index in 0..<10 {
            let now = start + .seconds(index)
            delays.append(throttle.delay(for: [anna], at: now))
            throttle.recordFailure(of: [anna], at: now)
        }
        #expect(
            delays == [
                .zero, .zero, .zero, .zero, .zero, .seconds(1), .seconds(2), .seconds(4), .seconds(8), .seconds(8),
            ])
    }

    @Test func failuresOlderThanFiveMinutesNoLongerCount() {
        let throttle = failing(6, [anna])
        #expect(throttle.delay(for: [anna], at: start + .seconds(10)) == .seconds(2))
        #expect(
            throttle.delay(for: [anna], at: start + .seconds(302)) == .zero, "only three failures left in the window")
    }

    @Test func theClientAddressIsCountedAcrossLogins() {
        var throttle = FailureThrottle()
        for index in 0..<5 { throttle.recordFailure(of: [.login("user\(index)"), client], at: start) }
        #expect(throttle.delay(for: [.login("someone-else"), client], at: start) == .seconds(1))
        #expect(throttle.delay(for: [.login("someone-else"), .client("198.51.100.1")], at: start) == .zero)
    }

    @Test func aSuccessResetsTheLoginButNotTheAddress() {
        var throttle = failing(5, [anna, client])
        throttle.recordSuccess(of: anna)
        #expect(throttle.delay(for: [anna], at: start + .seconds(5)) == .zero)
        #expect(throttle.delay(for: [anna, client], at: start + .seconds(5)) == .seconds(1))
    }

    @Test func aCachedPasswordMatchesOnlyItselfTheSameHashAndWithinFiveMinutes() {
        var cache = CredentialCache()
        cache.insert(login: "anna", password: "secret", passwordHash: "$2b$04$one", at: start)
        #expect(
            cache.contains(login: "anna", password: "secret", passwordHash: "$2b$04$one", at: start + .seconds(299)))
        #expect(!cache.contains(login: "anna", password: "Secret", passwordHash: "$2b$04$one", at: start))
        #expect(
            !cache.contains(login: "anna", password: "secret", passwordHash: "$2b$04$two", at: start),
            "a new password hash")
        #expect(
            !cache.contains(login: "anna", password: "secret", passwordHash: "$2b$04$one", at: start + .seconds(300)))
        #expect(!cache.contains(login: "bruno", password: "secret", passwordHash: "$2b$04$one", at: start))
    }
}
