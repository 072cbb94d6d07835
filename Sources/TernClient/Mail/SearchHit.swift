import ActiveSync
public import Foundation
import WBXML

/// One message a Search found: where it is and what a list shows of it.
public struct SearchHit: Codable, Hashable, Sendable {
    /// The LongId that ItemOperations fetches it by.
    public let longID: String?
    public let folderID: String?
    public let subject: String?
    public let from: String?
    public let date: Date?

    init(_ result: SearchResponse.Result) {
        let property = { (tag: WBXMLTag) in result.properties?.firstElement(tag)?.text }
        longID = result.longID
        folderID = result.collectionID
        subject = property(EmailTag.subject)
        from = property(EmailTag.from)
        date = property(EmailTag.dateReceived).flatMap(EASDate.parse)
    }
}
