public import Foundation

/// A message for recipients on other servers, handed to the outbound queue by `Store.submit`
/// in the same transaction as the sender's copies.
public struct OutboundMessage: Sendable, Equatable {
    /// The envelope sender (SMTP MAIL FROM), the user's own address; bounces go to them.
    public var sender: String
    /// The envelope recipients (SMTP RCPT TO), each once.
    public var recipients: [String]
    /// The message as sent, Bcc removed.
    public var raw: [UInt8]

    public init(sender: String, recipients: [String], raw: [UInt8]) {
        self.sender = sender
        self.recipients = recipients
        self.raw = raw
    }
}

/// A message in the outbound queue, as `tern queue list` shows it.
public struct QueuedMessage: Sendable, Equatable, Identifiable, Codable {
    public typealias ID = Int64

    public var id: ID
    /// The user who sent it.
    public var userID: User.ID
    public var sender: String
    /// The recipients not delivered yet.
    public var recipients: [String]
    /// The message's size in bytes.
    public var size: Int
    public var queuedAt: Date
    /// Delivery attempts started so far.
    public var attempts: Int
    /// When the next attempt is due.
    public var nextAttemptAt: Date
    /// Why the last attempt did not deliver, as the relay or the network said.
    public var lastError: String?

    public init(
        id: ID, userID: User.ID, sender: String, recipients: [String], size: Int, queuedAt: Date, attempts: Int,
        nextAttemptAt: Date, lastError: String?
    ) {
        self.id = id
        self.userID = userID
        self.sender = sender
        self.recipients = recipients
        self.size = size
        self.queuedAt = queuedAt
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
    }
}

/// A queued message taken for one delivery attempt, with its content.
public struct ClaimedMessage: Sendable {
    public var message: QueuedMessage
    public var raw: [UInt8]

    public init(message: QueuedMessage, raw: [UInt8]) {
        self.message = message
        self.raw = raw
    }
}

/// What one delivery attempt of a queued message came to, recorded by `Store.recordAttempt`
/// in one transaction: the recipients still to try (none: the message leaves the queue), and
/// the bounce for those refused or given up on, filed in the sender's Inbox.
public struct QueueAttempt: Sendable {
    public var id: QueuedMessage.ID
    /// Recipients to try again at `nextAttemptAt`, with the reason they were not delivered.
    public var deferred: [String]
    public var deferralReason: String?
    public var nextAttemptAt: Date
    /// The delivery status notification for the recipients that failed.
    public var bounce: EmailItem?

    public init(
        id: QueuedMessage.ID, deferred: [String] = [], deferralReason: String? = nil, nextAttemptAt: Date = Date(),
        bounce: EmailItem? = nil
    ) {
        self.id = id
        self.deferred = deferred
        self.deferralReason = deferralReason
        self.nextAttemptAt = nextAttemptAt
        self.bounce = bounce
    }
}
