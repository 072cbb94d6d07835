public import WBXML

/// A MoveItems request (MS-ASCMD 2.2.1.12): items to move, each with its source folder and
/// destination folder.
///
/// ```xml
/// <MoveItems xmlns="Move:"><Move><SrcMsgId>5:12</SrcMsgId><SrcFldId>5</SrcFldId>
///   <DstFldId>7</DstFldId></Move></MoveItems>
/// ```
public struct MoveItemsRequest: DecodableRequest, Hashable {
    public static let rootTag = MoveTag.moveItems
    /// MoveItems has no top-level Status of its own: a body that is not one gets the common 103.
    public static let malformedStatus = MoveStatus(.invalidXML)

    public struct Move: Hashable, Sendable {
        public let sourceItemID: String
        public let sourceFolderID: String
        public let destinationFolderID: String

        public init(sourceItemID: String, sourceFolderID: String, destinationFolderID: String) {
            self.sourceItemID = sourceItemID
            self.sourceFolderID = sourceFolderID
            self.destinationFolderID = destinationFolderID
        }
    }

    public let moves: [Move]

    public init(moves: [Move]) {
        self.moves = moves
    }

    /// The request as a device writes it, children in the schema's order.
    public var element: WBXMLElement {
        return WBXMLElement(
            MoveTag.moveItems,
            elements: moves.map { move in
                WBXMLElement(
                    MoveTag.move,
                    elements: [
                        WBXMLElement(MoveTag.srcMsgId, text: move.sourceItemID),
                        WBXMLElement(MoveTag.srcFldId, text: move.sourceFolderID),
                        WBXMLElement(MoveTag.dstFldId, text: move.destinationFolderID),
                    ])
            })
    }

    /// Status 103 when the root is not MoveItems, a Move lacks one of its three ids, there is
    /// no Move, or more than `RequestLimits.moves`.
    public init(_ root: WBXMLElement) throws(RequestDecodingError<MoveStatus>) {
        try Self.requireRoot(root)
        var moves: [Move] = []
        for element in root.elements where element.tag == MoveTag.move {
            moves.append(
                Move(
                    sourceItemID: try element.requiredText(MoveTag.srcMsgId, for: Self.self),
                    sourceFolderID: try element.requiredText(MoveTag.srcFldId, for: Self.self),
                    destinationFolderID: try element.requiredText(MoveTag.dstFldId, for: Self.self)))
        }
        guard !moves.isEmpty else { throw Self.malformed("no Move") }
        guard moves.count <= RequestLimits.moves else {
            throw Self.malformed("\(moves.count) moves, over the limit of \(RequestLimits.moves)")
        }
        self.moves = moves
    }

}

/// A MoveItems response: per move SrcMsgId, Status and, on success, DstMsgId.
public struct MoveItemsResponse: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public let sourceItemID: String
        public let status: MoveStatus
        public let destinationItemID: String?

        public init(sourceItemID: String, status: MoveStatus, destinationItemID: String?) {
            self.sourceItemID = sourceItemID
            self.status = status
            self.destinationItemID = destinationItemID
        }
    }

    public var entries: [Entry]

    public init(entries: [Entry]) { self.entries = entries }

    /// Reads a server's answer, as a device does; nil when the root is not MoveItems or a
    /// Response lacks its SrcMsgId or Status.
    public init?(_ root: WBXMLElement) {
        guard root.tag == MoveTag.moveItems else { return nil }
        var entries: [Entry] = []
        for element in root.elements where element.tag == MoveTag.response {
            guard let source = element.firstElement(MoveTag.srcMsgId)?.text,
                let status = MoveStatus(text: element.firstElement(MoveTag.status)?.text)
            else { return nil }
            let destination = element.firstElement(MoveTag.dstMsgId)?.text
            entries.append(Entry(sourceItemID: source, status: status, destinationItemID: destination))
        }
        self.entries = entries
    }

    public var element: WBXMLElement {
        return WBXMLElement(
            MoveTag.moveItems,
            elements: entries.map { entry in
                var children = [
                    WBXMLElement(MoveTag.srcMsgId, text: entry.sourceItemID),
                    WBXMLElement(MoveTag.status, text: entry.status.text),
                ]
                if let destination = entry.destinationItemID {
                    children.append(WBXMLElement(MoveTag.dstMsgId, text: destination))
                }
                return WBXMLElement(MoveTag.response, elements: children)
            })
    }
}

/// MoveItems Status values (MS-ASCMD 2.2.3.177.9); 3 is success.
public struct MoveStatus: CommandStatus, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let invalidSource = MoveStatus(rawValue: 1)
    public static let invalidDestination = MoveStatus(rawValue: 2)
    public static let success = MoveStatus(rawValue: 3)
    public static let sameFolder = MoveStatus(rawValue: 4)
    public static let failed = MoveStatus(rawValue: 5)
}
