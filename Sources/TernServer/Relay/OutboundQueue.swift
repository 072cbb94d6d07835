import Foundation
import Logging
import ServiceLifecycle
import TernStore

/// Delivers what the store's outbound queue holds to the relay (`tern serve --relay`): woken
/// when a device sends to another server and every `pollInterval` besides (for retries that
/// fall due, and for `tern queue retry` run from another process). Each due message is
/// claimed for one attempt, handed over by `SMTPClient`, and its outcome recorded: accepted
/// recipients leave the queue, refused ones bounce to the sender's Inbox, deferred ones wait
/// with exponential backoff until `RelayConfiguration.lifetime`, then bounce. Graceful
/// shutdown lets attempts under way finish.
final class OutboundQueue: Service, Sendable {
    let store: any Store
    let relay: RelayConfiguration
    let pollInterval: Duration
    private let logger: Logger
    private let wakeups: AsyncStream<Void>
    private let wakeup: AsyncStream<Void>.Continuation

    /// How many messages are handed to the relay at once.
    static let concurrentAttempts = 4
    /// How long a claimed message is not due again: longer than an attempt may take.
    static let claimLease: TimeInterval = 20 * 60
    static let attemptDeadline = Duration.seconds(15 * 60)

    init(store: any Store, relay: RelayConfiguration, logger: Logger) {
        self.store = store
        self.relay = relay
        pollInterval = .milliseconds(Int64(relay.pollInterval * 1_000))
        self.logger = logger
        (wakeups, wakeup) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    /// Looks at the queue now: a message was queued.
    func wake() {
        wakeup.yield()
    }

    func run() async throws {
        let ticker = Task { [pollInterval, wakeup] in
            while (try? await Task.sleep(for: pollInterval)) != nil { wakeup.yield() }
        }
        defer { ticker.cancel() }
        wake()
        await withGracefulShutdownHandler {
            for await _ in wakeups {
                await deliverDueMessages()
            }
        } onGracefulShutdown: { [wakeup] in
            wakeup.finish()
        }
    }

    /// Attempts every message due now, a few at a time, until none is.
    private func deliverDueMessages() async {
        while !Task.isShuttingDownGracefully, !Task.isCancelled {
            let claimed: [ClaimedMessage]
            do {
                claimed = try await store.claimQueuedMessages(
                    dueAt: Date(), lease: Self.claimLease, limit: Self.concurrentAttempts)
            } catch {
                logger.error("outbound queue unreadable", metadata: ["error": "\(error)"])
                return
            }
            if claimed.isEmpty { return }
            await withTaskGroup(of: Void.self) { group in
                for message in claimed {
                    group.addTask { await self.attempt(message) }
                }
            }
        }
    }

    private func attempt(_ claimed: ClaimedMessage) async {
        let message = claimed.message
        let outcome = await Self.within(
            Self.attemptDeadline,
            otherwise: RelayOutcome(
                deferred: message.recipients, deferralReason: "the attempt was cut short (deadline or shutdown)")
        ) { [relay] in
            await SMTPClient(configuration: relay).send(claimed.raw, from: message.sender, to: message.recipients)
        }
        let now = Date()
        var failed = outcome.refused
        var deferred = outcome.deferred
        if !deferred.isEmpty, now.timeIntervalSince(message.queuedAt) >= relay.lifetime {
            let days = Int((relay.lifetime / 86_400).rounded(.up))
            let reason =
                "4.4.7 gave up after \(days) day\(days == 1 ? "" : "s"): \(outcome.deferralReason ?? "not delivered")"
            failed += deferred.map { ($0, reason) }
            deferred = []
        }
        let bounce =
            failed.isEmpty
            ? nil
            : try? DeliveryStatusNotification(
                reportingHost: relay.heloName, message: message, original: claimed.raw, failures: failed
            ).item(at: now)
        let record = QueueAttempt(
            id: message.id, deferred: deferred, deferralReason: outcome.deferralReason,
            nextAttemptAt: now.addingTimeInterval(relay.backoff(afterAttempts: message.attempts)), bounce: bounce)
        // Recorded outside this task's cancellation and tried again: a message the relay took
        // and that stays claimed would be sent again once its lease runs out.
        let store = store
        let recorded = await Task {
            for attempt in 1...3 {
                do {
                    try await store.recordAttempt(record)
                    return true
                } catch {
                    if attempt < 3 { try? await Task.sleep(for: .seconds(1)) }
                }
            }
            return false
        }.value
        logger.log(
            level: recorded ? .info : .error, recorded ? "relay attempt" : "relay attempt not recorded",
            metadata: [
                "queued": "\(message.id)", "delivered": "\(outcome.accepted.count)", "bounced": "\(failed.count)",
                "deferred": "\(deferred.count)", "reason": "\(outcome.deferralReason ?? "-")",
            ])
    }

    /// `work`'s result, or `fallback` once `limit` has passed (`work` is then cancelled).
    private static func within<T: Sendable>(
        _ limit: Duration, otherwise fallback: T, _ work: @escaping @Sendable () async -> T
    ) async -> T {
        await withTaskGroup(of: T.self) { group in
            group.addTask { await work() }
            group.addTask {
                try? await Task.sleep(for: limit)
                return fallback
            }
            let first = await group.next() ?? fallback
            group.cancelAll()
            return first
        }
    }
}
