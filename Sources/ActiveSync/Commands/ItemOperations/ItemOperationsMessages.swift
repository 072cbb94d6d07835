public import WBXML

/// An ItemOperations request (MS-ASCMD 2.2.1.10): Fetch of an item, of an attachment by
/// FileReference, and EmptyFolderContents, answered in order.
public struct ItemOperationsRequest: DecodableRequest, Hashable {
    public static let rootTag = ItemOperationsTag.itemOperations
    public static let malformedStatus = ItemOperationsStatus.protocolError

    public enum Operation: Hashable, Sendable {
        /// An item by collection and server id or by a Search LongId, with Sync-style Options.
        case fetchItem(ItemReference, options: SyncOptions?)
        /// An attachment by its FileReference, optionally a byte range of it (`0-1023`).
        case fetchAttachment(fileReference: String, range: String?)
        case emptyFolderContents(collectionID: String, deleteSubfolders: Bool)
        /// Anything else (a document library link, a conversation Move): answered Status 2.
        case unsupported(WBXMLTag)
    }

    public let operations: [Operation]

    /// Status 2 when the root is not ItemOperations, it is empty, or an EmptyFolderContents has
    /// no CollectionId; Status 11 past `RequestLimits.itemOperations`.
    public init(_ root: WBXMLElement) throws(RequestDecodingError<ItemOperationsStatus>) {
        try Self.requireRoot(root)
        guard !root.elements.isEmpty else { throw Self.malformed("no operation") }
        guard root.elements.count <= RequestLimits.itemOperations else {
            throw RequestDecodingError(
                .dataTooLarge, "\(root.elements.count) operations, over the limit of \(RequestLimits.itemOperations)")
        }
        var operations: [Operation] = []
        for element in root.elements {
            switch element.tag {
            case ItemOperationsTag.fetch:
                let options = element.firstElement(ItemOperationsTag.options)
                if let reference = element.firstElement(AirSyncBaseTag.fileReference)?.text {
                    operations.append(
                        .fetchAttachment(
                            fileReference: reference, range: options?.firstElement(ItemOperationsTag.range)?.text))
                } else if let collectionID = element.firstElement(AirSyncTag.collectionId)?.text,
                    let serverID = element.firstElement(AirSyncTag.serverId)?.text
                {
                    operations.append(
                        .fetchItem(
                            .server(collectionID: collectionID, serverID: serverID),
                            options: options.map(SyncOptions.init)))
                } else if let longID = element.firstElement(SearchTag.longId)?.text {
                    operations.append(.fetchItem(.longID(longID), options: options.map(SyncOptions.init)))
                } else {
                    operations.append(.unsupported(element.tag))
                }
            case ItemOperationsTag.emptyFolderContents:
                let collectionID = try element.requiredText(AirSyncTag.collectionId, for: Self.self)
                let deleteSubfolders =
                    element.firstElement(ItemOperationsTag.options)?.firstElement(ItemOperationsTag.deleteSubFolders)
                    != nil
                operations.append(.emptyFolderContents(collectionID: collectionID, deleteSubfolders: deleteSubfolders))
            default:
                operations.append(.unsupported(element.tag))
            }
        }
        self.operations = operations
    }
}

/// ItemOperations Status values (MS-ASCMD 2.2.3.177.8).
public struct ItemOperationsStatus: CommandStatus, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let success = ItemOperationsStatus(rawValue: 1)
    public static let protocolError = ItemOperationsStatus(rawValue: 2)
    public static let serverError = ItemOperationsStatus(rawValue: 3)
    public static let objectNotFound = ItemOperationsStatus(rawValue: 6)
    public static let invalidRange = ItemOperationsStatus(rawValue: 8)
    public static let storeUnknown = ItemOperationsStatus(rawValue: 9)
    /// The request asks for more data than one ItemOperations gives.
    public static let dataTooLarge = ItemOperationsStatus(rawValue: 11)
    /// The item cannot be sent in the form asked for.
    public static let conversionFailure = ItemOperationsStatus(rawValue: 14)
    public static let invalidAttachment = ItemOperationsStatus(rawValue: 15)
}
