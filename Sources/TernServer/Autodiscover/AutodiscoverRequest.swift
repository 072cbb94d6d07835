import Foundation

/// The namespaces of the two autodiscover dialects a client may POST (MS-ASCMD 2.2.1.1 for
/// mobile devices, MS-OXDSCLI for Outlook's "plain old XML").
enum AutodiscoverNamespace {
    static let mobileSyncRequest = "http://schemas.microsoft.com/exchange/autodiscover/mobilesync/requestschema/2006"
    static let mobileSyncResponse = "http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006"
    static let outlookRequest = "http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006"
    /// The envelope of every answer and of the error answer (MS-ASCMD 6.4).
    static let response = "http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006"
}

/// An Autodiscover request (MS-ASCMD 2.2.1.1, schema in 6.3): the address to configure and
/// the response schema the client reads.
///
/// ```xml
/// <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/mobilesync/requestschema/2006">
///   <Request>
///     <EMailAddress>anna@tern.example</EMailAddress>
///     <AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006</AcceptableResponseSchema>
///   </Request>
/// </Autodiscover>
/// ```
///
/// Outlook sends the same shape in its own request namespace; both are read here.
struct AutodiscoverRequest: Hashable, Sendable {
    let emailAddress: String
    let acceptableResponseSchema: String

    /// Nil when the document is not an autodiscover request of either dialect (ErrorCode 600).
    init?(_ root: NamespacedElement) {
        guard root.name == "Autodiscover",
            [AutodiscoverNamespace.mobileSyncRequest, AutodiscoverNamespace.outlookRequest].contains(root.namespace),
            root.children.count == 1, let request = root.child("Request"),
            let address = request.child("EMailAddress")?.text.trimmingCharacters(in: .whitespacesAndNewlines),
            !address.isEmpty,
            let schema = request.child("AcceptableResponseSchema")?.text.trimmingCharacters(
                in: .whitespacesAndNewlines), !schema.isEmpty
        else { return nil }
        emailAddress = address
        acceptableResponseSchema = schema
    }

    /// Whether the client reads the mobile (ActiveSync) response, the only one this server gives.
    var wantsMobileSync: Bool { acceptableResponseSchema == AutodiscoverNamespace.mobileSyncResponse }
}
