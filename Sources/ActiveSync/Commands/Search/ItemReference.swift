/// How a request names an item: by its folder's CollectionId and its ServerId, or by the
/// search:LongId a Search result gave (ItemOperations Fetch, SmartReply, SmartForward,
/// MeetingResponse; MS-ASCMD 2.2.3.96.2).
public enum ItemReference: Hashable, Sendable {
    case server(collectionID: String, serverID: String)
    case longID(String)

    /// The LongId Tern gives an item found by Search: its CollectionId and ServerId joined by
    /// a slash. Devices treat it as opaque; it stays valid while the item stays in its folder.
    public static func searchLongID(collectionID: String, serverID: String) -> String {
        "\(collectionID)/\(serverID)"
    }

    /// The folder and item this names; nil for a LongId Tern did not make.
    public var location: (collectionID: String, serverID: String)? {
        switch self {
        case .server(let collectionID, let serverID):
            return (collectionID, serverID)
        case .longID(let text):
            guard text.utf8.count <= 256, let slash = text.firstIndex(of: "/") else { return nil }
            let collectionID = String(text[..<slash])
            let serverID = String(text[text.index(after: slash)...])
            guard !collectionID.isEmpty, !serverID.isEmpty else { return nil }
            return (collectionID, serverID)
        }
    }
}
