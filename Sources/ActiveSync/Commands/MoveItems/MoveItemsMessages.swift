public import WBXML

/// A MoveItems request (MS-ASCMD 2.2.1.12): items to move, each with its source folder and
/// destination folder.
///
/// ```xml
/// <MoveItems xmlns="Move:"><Move><SrcMsgId>5:12</SrcMsgId><SrcFldId>5</SrcFldId>
///   <DstFldId>7</DstFldId></Move></MoveItems>
/// ```
public struct MoveItemsRequest: Hashable, Sendable {
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

    public init?(_ root: WBXMLElement) {
        guard root.tag == MoveTag.moveItems else { return nil }
        var moves: [Move] = []
        for element in root.elements where element.tag == MoveTag.move {
            guard let item = element.firstElement(MoveTag.srcMsgId)?.text,
                let source = element.firstElement(MoveTag.srcFldId)?.text,
                let destination = element.firstElement(MoveTag.dstFldId)?.text
            else { return nil }
            moves.append(Move(sourceItemID: item, sourceFolderID: source, destinationFolderID: destination))
        }
        guard !moves.isEmpty else { return nil }
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
