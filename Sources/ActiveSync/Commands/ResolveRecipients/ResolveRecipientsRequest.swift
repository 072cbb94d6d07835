public import Foundation
public import WBXML

/// A ResolveRecipients request (MS-ASCMD 2.2.1.15): up to 100 names or addresses (To) to
/// look up in the GAL and the user's contacts, and what to send of each recipient found.
///
/// ```xml
/// <ResolveRecipients xmlns="ResolveRecipients"><To>maria</To>
///   <Options><CertificateRetrieval>1</CertificateRetrieval>
///     <Availability><StartTime>2026-12-08T08:00:00.000Z</StartTime><EndTime>2026-12-08T18:00:00.000Z</EndTime></Availability>
///   </Options></ResolveRecipients>
/// ```
///
/// Status 5 (protocol error) for no To or more than `RequestLimits.recipientsToResolve`, a To
/// longer than 256 characters, or a free/busy window that is not a date, is shorter than 30
/// minutes or longer than 42 days.
public struct ResolveRecipientsRequest: DecodableRequest, Hashable {
    public static let rootTag = ResolveRecipientsTag.resolveRecipients
    public static let malformedStatus = ResolveRecipientsStatus.protocolError

    /// The longest free/busy window one request may ask for (Exchange's 42 days).
    public static let longestAvailabilityWindow: TimeInterval = 42 * 86_400

    public let names: [String]
    /// 1 no certificates, 2 full certificates, 3 mini certificates.
    public let certificateRetrieval: Int
    /// How many of an ambiguous name's candidates to send.
    public let maxAmbiguousRecipients: Int?
    /// The free/busy window asked for.
    public let availability: DateInterval?
    public let picture: PictureOptions?

    public init(_ root: WBXMLElement) throws(RequestDecodingError<ResolveRecipientsStatus>) {
        try Self.requireRoot(root)
        let names = root.elements.filter { $0.tag == ResolveRecipientsTag.to }.map { $0.text ?? "" }
        guard (1...RequestLimits.recipientsToResolve).contains(names.count) else {
            throw Self.malformed("\(names.count) To elements, not 1 to \(RequestLimits.recipientsToResolve)")
        }
        guard names.allSatisfy({ $0.count <= 256 }) else { throw Self.malformed("a To over 256 characters") }
        self.names = names
        let options = root.firstElement(ResolveRecipientsTag.options)
        let number = { (tag: WBXMLTag) in options?.firstElement(tag)?.text.flatMap { Int($0) } }
        certificateRetrieval =
            number(ResolveRecipientsTag.certificateRetrieval).flatMap { (1...3).contains($0) ? $0 : nil } ?? 1
        maxAmbiguousRecipients = number(ResolveRecipientsTag.maxAmbiguousRecipients).map { max($0, 0) }
        availability = try options?.firstElement(ResolveRecipientsTag.availability).map(Self.window)
        picture = options?.firstElement(ResolveRecipientsTag.picture).map {
            PictureOptions($0, maxSize: ResolveRecipientsTag.maxSize, maxPictures: ResolveRecipientsTag.maxPictures)
        }
    }

    /// StartTime and EndTime (StartTime + 7 days when absent), MS-ASCMD 2.2.3.16.
    private static func window(_ element: WBXMLElement) throws(RequestDecodingError<ResolveRecipientsStatus>)
        -> DateInterval
    {
        guard let start = element.firstElement(ResolveRecipientsTag.startTime)?.text.flatMap(EASDate.parse) else {
            throw malformed("Availability without a StartTime date")
        }
        let endText = element.firstElement(ResolveRecipientsTag.endTime)?.text
        guard let end = endText.map(EASDate.parse) ?? start.addingTimeInterval(7 * 86_400) else {
            throw malformed("an EndTime that is not a date")
        }
        guard end.timeIntervalSince(start) >= 1_800, end.timeIntervalSince(start) <= longestAvailabilityWindow else {
            throw malformed("a free/busy window shorter than 30 minutes or longer than 42 days")
        }
        return DateInterval(start: start, end: end)
    }
}

/// ResolveRecipients Status values (MS-ASCMD 2.2.3.177.12) of the command and of each To.
public struct ResolveRecipientsStatus: CommandStatus, Hashable, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    public static let success = ResolveRecipientsStatus(rawValue: 1)
    /// A To matched several recipients; the candidates are suggestions.
    public static let ambiguous = ResolveRecipientsStatus(rawValue: 2)
    /// A To matched more recipients than are sent; RecipientCount tells how many.
    public static let ambiguousPartial = ResolveRecipientsStatus(rawValue: 3)
    public static let notResolved = ResolveRecipientsStatus(rawValue: 4)
    public static let protocolError = ResolveRecipientsStatus(rawValue: 5)
    public static let serverError = ResolveRecipientsStatus(rawValue: 6)
    /// Certificates: the recipient has no valid S/MIME certificate.
    public static let noValidCertificate = ResolveRecipientsStatus(rawValue: 7)
    /// Availability: free/busy could not be had for this recipient.
    public static let availabilityFailed = ResolveRecipientsStatus(rawValue: 163)
}
