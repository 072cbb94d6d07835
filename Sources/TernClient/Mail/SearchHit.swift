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
        let property = { (name: String) in result.properties?.firstElement(WBXMLTag("Email", name))?.text }
        longID = result.longID
        folderID = result.collectionID
        subject = property("Subject")
        from = property("From")
        date = property("DateReceived").flatMap(EASDate.parse)
    }
}
