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
    /// How long a claimed message is not due again: longer than an attempt can take.
    static let claimLease: TimeInterval = 20 * 60

    init(store: any Store, relay: RelayConfiguration, pollInterval: Duration = .seconds(5), logger: Logger) {
        self.store = store
        self.relay = relay
        self.pollInterval = pollInterval
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
        let outcome = await SMTPClient(configuration: relay).send(
            claimed.raw, from: message.sender, to: message.recipients)
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
        do {
            let bounce =
                failed.isEmpty
                ? nil
                : try DeliveryStatusNotification(
                    reportingHost: relay.heloName, message: message, original: claimed.raw, failures: failed
                ).item(at: now)
            try await store.recordAttempt(
                QueueAttempt(
                    id: message.id, delivered: outcome.accepted, failed: failed, deferred: deferred,
                    deferralReason: outcome.deferralReason,
                    nextAttemptAt: now.addingTimeInterval(relay.backoff(afterAttempts: message.attempts)),
                    bounce: bounce))
            logger.info(
                "relay attempt",
                metadata: [
                    "queued": "\(message.id)", "delivered": "\(outcome.accepted.count)", "bounced": "\(failed.count)",
                    "deferred": "\(deferred.count)", "reason": "\(outcome.deferralReason ?? "-")",
                ])
        } catch {
            logger.error("relay attempt not recorded", metadata: ["queued": "\(message.id)", "error": "\(error)"])
        }
    }
}
