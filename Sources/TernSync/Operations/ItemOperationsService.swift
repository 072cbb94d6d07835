public import ActiveSync
import Foundation
import MIME
public import TernStore
public import WBXML

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

    /// The response document and, when multipart, the parts its `<Part>` elements number from 1.
    public func handle(_ request: ItemOperationsRequest, multipart: Bool) async throws(StoreError) -> (
        WBXMLElement, [[UInt8]]
    ) {
        var results: [WBXMLElement] = []
        var parts: [[UInt8]] = []
        for operation in request.operations {
            switch operation {
            case .fetchItem(let collectionID, let serverID, let options):
                results.append(try await fetchItem(collectionID: collectionID, serverID: serverID, options: options))
            case .fetchAttachment(let reference, let range):
                results.append(try await fetchAttachment(reference, range: range, multipart: multipart, parts: &parts))
            case .emptyFolderContents(let collectionID, let deleteSubfolders):
                results.append(try await emptyFolder(collectionID, deleteSubfolders: deleteSubfolders))
            case .unsupported(let tag):
                results.append(WBXMLElement(tag, elements: [Self.status(ItemOperationsStatus.protocolError)]))
            }
        }
        let root = WBXMLElement(
            ItemOperationsTag.itemOperations,
            elements: [
                Self.status(ItemOperationsStatus.success), WBXMLElement(ItemOperationsTag.response, elements: results),
            ])
        return (root, parts)
    }

    private func fetchItem(collectionID: String, serverID: String, options: WBXMLElement?) async throws(StoreError)
        -> WBXMLElement
    {
        guard let folder = try await store.folder(of: userID, serverID: collectionID),
            let item = try await store.item(in: folder.id, serverID: serverID)
        else {
            return WBXMLElement(
                ItemOperationsTag.fetch,
                elements: [
                    Self.status(ItemOperationsStatus.objectNotFound),
                    WBXMLElement(AirSyncTag.collectionId, text: collectionID),
                    WBXMLElement(AirSyncTag.serverId, text: serverID),
                ])
        }
        let encoding = ItemEncodingOptions(options: options, protocolVersion: protocolVersion)
        let data = ApplicationData.encode(item.content, serverID: serverID, options: encoding)
        // An item stored before ingress checked its text: a status for it, not a failed response.
        guard data.firstUnencodableElement == nil else {
            return WBXMLElement(
                ItemOperationsTag.fetch,
                elements: [
                    Self.status(ItemOperationsStatus.conversionFailure),
                    WBXMLElement(AirSyncTag.collectionId, text: collectionID),
                    WBXMLElement(AirSyncTag.serverId, text: serverID),
                ])
        }
        return WBXMLElement(
            ItemOperationsTag.fetch,
            elements: [
                Self.status(ItemOperationsStatus.success), WBXMLElement(AirSyncTag.collectionId, text: collectionID),
                WBXMLElement(AirSyncTag.serverId, text: serverID),
                WBXMLElement(AirSyncTag.`class`, text: item.content.itemClass.rawValue),
                WBXMLElement(ItemOperationsTag.properties, elements: data.elements),
            ])
    }

    private func fetchAttachment(
        _ text: String, range: String?, multipart: Bool, parts: inout [[UInt8]]
    ) async throws(StoreError) -> WBXMLElement {
        let referenceElement = WBXMLElement(AirSyncBaseTag.fileReference, text: text)
        func failed(_ status: Int) -> WBXMLElement {
            WBXMLElement(ItemOperationsTag.fetch, elements: [Self.status(status), referenceElement])
        }
        guard let reference = FileReference(text), let folderServerID = reference.serverID.split(separator: ":").first,
            let folder = try await store.folder(of: userID, serverID: String(folderServerID)),
            let item = try await store.item(in: folder.id, serverID: reference.serverID),
            case .email(let email) = item.content
        else { return failed(ItemOperationsStatus.objectNotFound) }
        guard let message = try? MIMEMessage(accepting: Array(email.raw)),
            message.attachments.indices.contains(reference.attachmentIndex)
        else { return failed(ItemOperationsStatus.invalidAttachment) }
        let attachment = message.attachments[reference.attachmentIndex]
        let bytes = attachment.decodedBytes()
        var slice = bytes[...]
        var properties: [WBXMLElement] = []
        if let range {
            guard let bounds = Self.byteRange(range, total: bytes.count) else {
                return failed(ItemOperationsStatus.invalidRange)
            }
            slice = bytes[bounds]
            properties += [
                WBXMLElement(ItemOperationsTag.range, text: "\(bounds.lowerBound)-\(bounds.upperBound - 1)"),
                WBXMLElement(ItemOperationsTag.total, text: String(bytes.count)),
            ]
        }
        properties.append(WBXMLElement(AirSyncBaseTag.contentType, text: attachment.contentType.mimeType))
        if multipart {
            parts.append(Array(slice))
            properties.append(WBXMLElement(ItemOperationsTag.part, text: String(parts.count)))
        } else {
            properties.append(WBXMLElement(ItemOperationsTag.data, text: Data(slice).base64EncodedString()))
        }
        return WBXMLElement(
            ItemOperationsTag.fetch,
            elements: [
                Self.status(ItemOperationsStatus.success), referenceElement,
                WBXMLElement(ItemOperationsTag.properties, elements: properties),
            ])
    }

    private func emptyFolder(_ collectionID: String, deleteSubfolders: Bool) async throws(StoreError) -> WBXMLElement {
        let collection = WBXMLElement(AirSyncTag.collectionId, text: collectionID)
        guard let folder = try await store.folder(of: userID, serverID: collectionID) else {
            return WBXMLElement(
                ItemOperationsTag.emptyFolderContents,
                elements: [Self.status(ItemOperationsStatus.objectNotFound), collection])
        }
        _ = try await store.deleteAllItems(in: folder.id)
        if deleteSubfolders {
            for child in try await store.folders(of: userID)
            where child.parentServerID == folder.serverID && child.type.isUserCreated {
                try await store.deleteFolder(of: userID, serverID: child.serverID)
            }
        }
        return WBXMLElement(
            ItemOperationsTag.emptyFolderContents, elements: [Self.status(ItemOperationsStatus.success), collection])
    }

    /// `first-last` inclusive, clamped to the size; nil when it starts past the end or is not a range.
    static func byteRange(_ text: String, total: Int) -> Range<Int>? {
        let bounds = text.split(separator: "-", omittingEmptySubsequences: false)
        guard bounds.count == 2, let first = Int(bounds[0]), let last = Int(bounds[1]), first >= 0, first <= last,
            first < max(total, 1)
        else { return nil }
        return first..<min(last + 1, total)
    }

    private static func status(_ value: Int) -> WBXMLElement {
        WBXMLElement(ItemOperationsTag.status, text: String(value))
    }
}
