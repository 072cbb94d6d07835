public import WBXML

/// A Find request (MS-ASCMD 2.2.1.2, protocol 16.1): a search of the mailbox or of the GAL,
/// named by a SearchId the device keeps while it pages.
///
/// ```xml
/// <Find xmlns="Find" xmlns:airsync="AirSync"><SearchId>0f9c1e4a-…</SearchId><ExecuteSearch>
///   <MailBoxSearchCriterion><Query><airsync:Class>Email</airsync:Class><FreeText>lunch</FreeText></Query>
///     <Options><Range>0-99</Range><DeepTraversal/></Options></MailBoxSearchCriterion>
/// </ExecuteSearch></Find>
/// ```
///
/// Status 2 for a missing SearchId or criterion, a Class other than Email, no FreeText or
/// text past the limits; 4 for a Range that does not start at 0.
public struct FindRequest: DecodableRequest, Hashable {
    public static let rootTag = FindTag.find
    public static let malformedStatus = FindStatus.invalidRequest

    public enum Criterion: Hashable, Sendable {
        /// Words of the FreeText (KQL property names such as `from:` dropped), the folder
        /// (nil: every folder) and whether its subfolders count.
        case mailbox(text: String, collectionID: String?, deepTraversal: Bool)
        case gal(text: String, picture: PictureOptions?)
    }

    public let searchID: String
    public let criterion: Criterion
    /// Results 0 to `last`: Find pages by widening the range, never by moving its start.
    public let last: Int

    /// The widest Range Find takes: `0-999`.
    public static let maxLast = 999

    public init(_ root: WBXMLElement) throws(RequestDecodingError<FindStatus>) {
        try Self.requireRoot(root)
        guard let searchID = root.firstElement(FindTag.searchId)?.text, !searchID.isEmpty, searchID.count <= 64 else {
            throw Self.malformed("no SearchId")
        }
        self.searchID = searchID
        let execute = root.firstElement(FindTag.executeSearch)
        if let mailbox = execute?.firstElement(FindTag.mailBoxSearchCriterion) {
            let query = mailbox.firstElement(FindTag.query)
            guard query?.firstElement(AirSyncTag.`class`)?.text == "Email",
                let text = query?.firstElement(FindTag.freeText)?.text, !text.isEmpty
            else { throw Self.malformed("a mailbox Find is Class Email with FreeText") }
            let options = mailbox.firstElement(FindTag.options)
            last = try Self.last(options)
            criterion = .mailbox(
                text: try SearchText.check(Self.withoutPropertyNames(text), else: FindStatus.invalidRequest),
                collectionID: query?.firstElement(AirSyncTag.collectionId)?.text,
                deepTraversal: options?.firstElement(FindTag.deepTraversal) != nil)
        } else if let gal = execute?.firstElement(FindTag.galSearchCriterion) {
            guard let text = gal.firstElement(FindTag.query)?.text, !text.isEmpty else {
                throw Self.malformed("a GAL Find without a Query")
            }
            let options = gal.firstElement(FindTag.options)
            last = try Self.last(options)
            criterion = .gal(
                text: try SearchText.check(text, else: FindStatus.invalidRequest),
                picture: options?.firstElement(FindTag.picture).map {
                    PictureOptions($0, maxSize: FindTag.maxSize, maxPictures: FindTag.maxPictures)
                })
        } else {
            throw Self.malformed("no MailBoxSearchCriterion or GALSearchCriterion")
        }
    }

    /// `0-n` with n at most 999; the mailbox default `0-99` when absent; Status 4 when it
    /// does not start at 0.
    private static func last(_ options: WBXMLElement?) throws(RequestDecodingError<FindStatus>) -> Int {
        guard let text = options?.firstElement(FindTag.range)?.text else { return SearchRange.maxCount - 1 }
        let bounds = text.split(separator: "-", omittingEmptySubsequences: false)
        guard bounds.count == 2, let first = Int(bounds[0]), let last = Int(bounds[1]), first <= last,
            last <= maxLast
        else { throw malformed("the Range \(text) is not m-n up to 999") }
        guard first == 0 else { throw RequestDecodingError(.rangeNotFromZero, "the Range \(text) does not start at 0") }
        return last
    }

    /// KQL's `property:value` searched as the value anywhere: `from:anna subject:lunch` reads
    /// as `anna lunch`.
    static func withoutPropertyNames(_ text: String) -> String {
        text.split(separator: " ").map { piece in
            piece.firstIndex(of: ":").map { piece[piece.index(after: $0)...] } ?? piece
        }.joined(separator: " ")
    }
}

/// Find Status values (MS-ASCMD 2.2.3.177.2).
public struct FindStatus: CommandStatus, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let success = FindStatus(rawValue: 1)
    public static let invalidRequest = FindStatus(rawValue: 2)
    public static let folderSyncRequired = FindStatus(rawValue: 3)
    /// The Range does not start at 0 (in the Response).
    public static let rangeNotFromZero = FindStatus(rawValue: 4)
}
