import ActiveSync
public import Foundation
import MIME

/// Files one incoming RFC 5322 message into a user's folder, the way `tern deliver` (a local
/// delivery agent an MTA runs) and LMTP do. The message is committed before this returns.
public struct MailDelivery: Sendable {
    public let store: any Store
    /// The largest message accepted; larger ones are refused before parsing.
    public let maxMessageBytes: Int

    /// Puts delivered meeting messages in the recipient's calendar; nil files them only.
    public let scheduling: (any MeetingScheduling)?

    public init(store: any Store, maxMessageBytes: Int = 64 << 20, scheduling: (any MeetingScheduling)? = nil) {
        self.store = store
        self.maxMessageBytes = maxMessageBytes
        self.scheduling = scheduling
    }

    /// Delivers `raw` to the user owning `address`, into the mail folder named `folderName`
    /// (default: the Inbox).
    public func deliver(_ raw: [UInt8], to address: String, folderName: String? = nil, receivedAt: Date = Date())
        async throws(DeliveryError) -> Item
    {
        guard raw.count <= maxMessageBytes else {
            throw DeliveryError(.tooLarge, "message of \(raw.count) bytes exceeds the limit of \(maxMessageBytes)")
        }
        let message: MIMEMessage
        do {
            message = try MIMEMessage(accepting: raw, limits: MIMELimits(maxBytes: maxMessageBytes))
        } catch {
            throw DeliveryError(.unparsable, "\(error)")
        }
        do {
            guard let (user, allFolders) = try await store.recipient(address: address) else {
                throw DeliveryError(.unknownRecipient, "no user has the address \(address)")
            }
            let folders = allFolders.filter { $0.type.itemClass == .email }
            let folder =
                folderName.map { name in folders.first { $0.displayName.caseInsensitiveCompare(name) == .orderedSame } }
                ?? folders.first { $0.type == .inbox }
            guard let folder else {
                throw DeliveryError(.unknownFolder, "\(user.login) has no mail folder named \(folderName ?? "Inbox")")
            }
            let item = try await store.addItem(
                .email(EmailItem(message: message, receivedAt: receivedAt)), to: folder.id)
            // Meeting mail filed elsewhere (`--folder Junk`) is mail only.
            if let scheduling, folder.type == .inbox, message.calendarPart != nil {
                await scheduling.schedule(message, deliveredTo: user)
            }
            return item
        } catch let error as DeliveryError {
            throw error
        } catch {
            throw DeliveryError(.storeFailure, "\(error)")
        }
    }
}

/// Why a delivery failed, in the terms an MTA acts on: bounce (unknown recipient, unparsable,
/// too large) or retry later (the store failed).
public struct DeliveryError: Error, Hashable, Sendable, CustomStringConvertible {
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        public static let unknownRecipient = Code("unknown recipient")
        public static let unknownFolder = Code("unknown folder")
        public static let unparsable = Code("unparsable message")
        public static let tooLarge = Code("message too large")
        public static let storeFailure = Code("store failure")

        public var description: String { name }
    }

    public let code: Code
    public let detail: String

    public init(_ code: Code, _ detail: String) {
        self.code = code
        self.detail = detail
    }

    public var description: String { "\(code): \(detail)" }
}
