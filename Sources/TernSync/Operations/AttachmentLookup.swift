import ActiveSync
import MIME
public import TernStore

/// The attachment a FileReference names among one user's mail: what ItemOperations Fetch and
/// GetAttachment hand out.
public struct AttachmentLookup: Sendable {
    let store: any Store
    let userID: User.ID

    public init(store: any Store, userID: User.ID) {
        self.store = store
        self.userID = userID
    }

    public enum Outcome: Sendable {
        case found(bytes: [UInt8], contentType: String)
        /// No message of the user's under that reference.
        case noItem
        /// The message has no attachment at that index.
        case noAttachment
    }

    public func find(_ fileReference: String) async throws(StoreError) -> Outcome {
        guard let reference = FileReference(fileReference),
            let folderServerID = reference.serverID.split(separator: ":").first,
            let folder = try await store.folder(of: userID, serverID: String(folderServerID)),
            let item = try await store.item(in: folder.id, serverID: reference.serverID),
            case .email(let email) = item.content
        else { return .noItem }
        guard let message = try? MIMEMessage(accepting: Array(email.raw)),
            message.attachments.indices.contains(reference.attachmentIndex)
        else { return .noAttachment }
        let attachment = message.attachments[reference.attachmentIndex]
        return .found(bytes: attachment.decodedBytes(), contentType: attachment.contentType.mimeType)
    }
}
