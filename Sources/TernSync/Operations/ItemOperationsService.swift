public import ActiveSync
import Foundation
import MIME
public import TernStore

/// ItemOperations (MS-ASCMD 2.2.1.10) for one user: Fetch of an item or an attachment and
/// EmptyFolderContents. With `multipart` (MS-ASAcceptMultiPart) fetched bytes travel as
/// parts after the WBXML document instead of base64 inside it.
public struct ItemOperationsService: Sendable {
    let store: any Store
    let userID: User.ID
    let protocolVersion: ProtocolVersion

    public init(store: any Store, userID: User.ID, protocolVersion: ProtocolVersion) {
        self.store = store
        self.userID = userID
        self.protocolVersion = protocolVersion
    }

    /// The response and, when multipart, the parts its results number from 1.
    public func handle(_ request: ItemOperationsRequest, multipart: Bool) async throws(StoreError) -> (
        ItemOperationsResponse, [[UInt8]]
    ) {
        var results: [ItemOperationsResponse.Result] = []
        var parts: [[UInt8]] = []
        for operation in request.operations {
            switch operation {
            case .fetchItem(let reference, let options):
                results.append(try await fetchItem(reference, options: options))
            case .fetchAttachment(let reference, let range):
                results.append(try await fetchAttachment(reference, range: range, multipart: multipart, parts: &parts))
            case .emptyFolderContents(let collectionID, let deleteSubfolders):
                results.append(try await emptyFolder(collectionID, deleteSubfolders: deleteSubfolders))
            case .unsupported(let tag):
                results.append(.unsupported(tag, status: ItemOperationsStatus.protocolError))
            }
        }
        return (ItemOperationsResponse(status: ItemOperationsStatus.success, results: results), parts)
    }

    private func fetchItem(_ reference: ItemReference, options: SyncOptions?) async throws(StoreError)
        -> ItemOperationsResponse.Result
    {
        func failed(_ status: ItemOperationsStatus) -> ItemOperationsResponse.Result {
            .item(status: status, reference: reference, fetched: nil)
        }
        guard let (collectionID, serverID) = reference.location,
            let folder = try await store.folder(of: userID, serverID: collectionID),
            let item = try await store.item(in: folder.id, serverID: serverID)
        else { return failed(ItemOperationsStatus.objectNotFound) }
        let encoding = ItemEncodingOptions(options: options, protocolVersion: protocolVersion)
        // An item stored before ingress checked its text: a status for it, not a failed response.
        guard
            let properties = ApplicationDataMapping.encode(item.content, serverID: serverID, options: encoding)
                .encodableElements(version: protocolVersion)
        else { return failed(ItemOperationsStatus.conversionFailure) }
        return .item(
            status: ItemOperationsStatus.success, reference: reference,
            fetched: .init(itemClass: item.content.itemClass, properties: properties))
    }

    private func fetchAttachment(
        _ text: String, range: String?, multipart: Bool, parts: inout [[UInt8]]
    ) async throws(StoreError) -> ItemOperationsResponse.Result {
        func failed(_ status: ItemOperationsStatus) -> ItemOperationsResponse.Result {
            .attachment(status: status, fileReference: text, fetched: nil)
        }
        let bytes: [UInt8]
        let contentType: String
        switch try await AttachmentLookup(store: store, userID: userID).find(text) {
        case .noItem: return failed(ItemOperationsStatus.objectNotFound)
        case .noAttachment: return failed(ItemOperationsStatus.invalidAttachment)
        case .found(let found, let type): (bytes, contentType) = (found, type)
        }
        var bounds: Range<Int>?
        if let range {
            guard let asked = Self.byteRange(range, total: bytes.count) else {
                return failed(ItemOperationsStatus.invalidRange)
            }
            bounds = asked
        }
        let slice = Array(bytes[bounds ?? bytes.indices])
        let content: ItemOperationsResponse.FetchedAttachment.Content
        if multipart {
            parts.append(slice)
            content = .part(parts.count)
        } else {
            content = .inline(slice)
        }
        return .attachment(
            status: ItemOperationsStatus.success, fileReference: text,
            fetched: .init(
                range: bounds, total: bounds.map { _ in bytes.count }, contentType: contentType,
                content: content))
    }

    private func emptyFolder(_ collectionID: String, deleteSubfolders: Bool) async throws(StoreError)
        -> ItemOperationsResponse.Result
    {
        guard let folder = try await store.folder(of: userID, serverID: collectionID) else {
            return .emptyFolderContents(status: ItemOperationsStatus.objectNotFound, collectionID: collectionID)
        }
        _ = try await store.deleteAllItems(in: folder.id)
        if deleteSubfolders {
            for child in try await store.folders(of: userID)
            where child.parentServerID == folder.serverID && child.type.isUserCreated {
                try await store.deleteFolder(of: userID, serverID: child.serverID)
            }
        }
        return .emptyFolderContents(status: ItemOperationsStatus.success, collectionID: collectionID)
    }

    /// `first-last` inclusive, clamped to the size; nil when it starts past the end or is not a range.
    static func byteRange(_ text: String, total: Int) -> Range<Int>? {
        let bounds = text.split(separator: "-", omittingEmptySubsequences: false)
        guard bounds.count == 2, let first = Int(bounds[0]), let last = Int(bounds[1]), first >= 0, first <= last,
            first < max(total, 1)
        else { return nil }
        return first..<min(last + 1, total)
    }
}
