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
        let tag = Self.tag
        return WBXMLElement(
            tag("MoveItems"),
            elements: moves.map { move in
                WBXMLElement(
                    tag("Move"),
                    elements: [
                        WBXMLElement(tag("SrcMsgId"), text: move.sourceItemID),
                        WBXMLElement(tag("SrcFldId"), text: move.sourceFolderID),
                        WBXMLElement(tag("DstFldId"), text: move.destinationFolderID),
                    ])
            })
    }

    public init?(_ root: WBXMLElement) {
        guard root.tag == Self.tag("MoveItems") else { return nil }
        var moves: [Move] = []
        for element in root.elements where element.tag == Self.tag("Move") {
            guard let item = element.firstElement(Self.tag("SrcMsgId"))?.text,
                let source = element.firstElement(Self.tag("SrcFldId"))?.text,
                let destination = element.firstElement(Self.tag("DstFldId"))?.text
            else { return nil }
            moves.append(Move(sourceItemID: item, sourceFolderID: source, destinationFolderID: destination))
        }
        guard !moves.isEmpty else { return nil }
        self.moves = moves
    }

    static func tag(_ name: String) -> WBXMLTag { WBXMLTag("Move", name) }
}

/// A MoveItems response: per move SrcMsgId, Status and, on success, DstMsgId.
public struct MoveItemsResponse: Hashable, Sendable {
    public struct Entry: Hashable, Sendable {
        public let sourceItemID: String
        public let status: Int
        public let destinationItemID: String?

        public init(sourceItemID: String, status: Int, destinationItemID: String?) {
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
        let tag = MoveItemsRequest.tag
        guard root.tag == tag("MoveItems") else { return nil }
        var entries: [Entry] = []
        for element in root.elements where element.tag == tag("Response") {
            guard let source = element.firstElement(tag("SrcMsgId"))?.text,
                let status = element.firstElement(tag("Status"))?.text.flatMap({ Int($0) })
            else { return nil }
            let destination = element.firstElement(tag("DstMsgId"))?.text
            entries.append(Entry(sourceItemID: source, status: status, destinationItemID: destination))
        }
        self.entries = entries
    }

    public var element: WBXMLElement {
        let tag = MoveItemsRequest.tag
        return WBXMLElement(
            tag("MoveItems"),
            elements: entries.map { entry in
                var children = [
                    WBXMLElement(tag("SrcMsgId"), text: entry.sourceItemID),
                    WBXMLElement(tag("Status"), text: String(entry.status)),
                ]
                if let destination = entry.destinationItemID {
                    children.append(WBXMLElement(tag("DstMsgId"), text: destination))
                }
                return WBXMLElement(tag("Response"), elements: children)
            })
    }
}

/// MoveItems Status values (MS-ASCMD 2.2.3.177.9); 3 is success.
public enum MoveStatus {
    public static let invalidSource = 1
    public static let invalidDestination = 2
    public static let success = 3
    public static let sameFolder = 4
    public static let failed = 5
}
