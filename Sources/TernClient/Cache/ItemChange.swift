public import Foundation

/// One change the server sent for a cached item, as `watch` reports it:
///
/// ```json
/// {"change":"added","folder":"5","id":"5:12","class":"Email","title":"Lunch?","at":"2026-12-01T09:48:00Z"}
/// ```
public struct ItemChange: Codable, Hashable, Sendable {
    public enum Kind: String, Codable, Sendable {
        case added, changed, deleted
    }

    public let change: Kind
    /// The folder's ServerId.
    public let folder: String
    public let id: String
    public let `class`: ItemKind
    /// The subject or name; nil for a deleted item the cache did not hold.
    public let title: String?
    /// When this device applied it.
    public let at: Date

    init(_ change: Kind, folderID: String, itemID: String, kind: ItemKind, title: String?, at: Date = Date()) {
        self.change = change
        folder = folderID
        id = itemID
        `class` = kind
        self.title = title
        self.at = at
    }
}
