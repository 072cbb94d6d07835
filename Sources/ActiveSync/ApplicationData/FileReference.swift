/// The handle of an attachment an ItemOperations Fetch asks for (MS-ASAIRS 2.2.2.24.1
/// FileReference): the item's server id and the attachment's index, `"5:12/0"`.
///
/// Server ids already hold a colon (`"5:12"`), so the index follows a slash; the text is
/// opaque to the device, which only sends it back.
public struct FileReference: Hashable, Sendable {
    public var serverID: String
    public var attachmentIndex: Int

    public init(serverID: String, attachmentIndex: Int) {
        self.serverID = serverID
        self.attachmentIndex = attachmentIndex
    }

    /// Reads `"<server id>/<index>"`; nil when there is no slash, an empty id or a bad index.
    public init?(_ text: String) {
        guard let slash = text.lastIndex(of: "/"), let index = Int(text[text.index(after: slash)...]), index >= 0,
            slash != text.startIndex
        else { return nil }
        self.init(serverID: String(text[..<slash]), attachmentIndex: index)
    }

    public var text: String { "\(serverID)/\(attachmentIndex)" }
}
