public import Foundation

/// A user's out-of-office settings (MS-ASCMD 2.2.3.119 Oof), kept per user for Settings.
public struct OutOfOffice: Hashable, Sendable, Codable {
    /// MS-ASCMD 2.2.3.122 OofState.
    public enum State: Int, Hashable, Sendable, Codable {
        case disabled = 0
        case global = 1
        case timeBased = 2
    }

    /// Who a reply applies to; raw values are the Settings element names.
    public enum Audience: String, Hashable, Sendable, Codable, CaseIterable {
        case `internal` = "AppliesToInternal"
        case externalKnown = "AppliesToExternalKnown"
        case externalUnknown = "AppliesToExternalUnknown"
    }

    /// One audience's reply (MS-ASCMD 2.2.3.120 OofMessage).
    public struct Message: Hashable, Sendable, Codable {
        public var isEnabled: Bool
        public var replyMessage: String?
        /// `Text` or `HTML` (MS-ASCMD 2.2.3.18 BodyType).
        public var bodyType: String

        public init(isEnabled: Bool, replyMessage: String? = nil, bodyType: String = "Text") {
            self.isEnabled = isEnabled
            self.replyMessage = replyMessage
            self.bodyType = bodyType
        }
    }

    public var state: State
    /// The window of a time-based reply.
    public var startTime: Date?
    public var endTime: Date?
    public var messages: [Audience: Message]

    public init(
        state: State = .disabled, startTime: Date? = nil, endTime: Date? = nil, messages: [Audience: Message] = [:]
    ) {
        self.state = state
        self.startTime = startTime
        self.endTime = endTime
        self.messages = messages
    }
}
