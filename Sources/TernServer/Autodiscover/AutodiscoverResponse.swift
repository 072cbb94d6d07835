/// The answers autodiscover gives, as element trees for `NamespacedXMLWriter`.
enum AutodiscoverResponse {
    /// The mobile settings (MS-ASCMD 4.2.4): who the user is and the ActiveSync URL, given
    /// both as `Url` and as `Name` as the specification's example does.
    ///
    /// ```xml
    /// <Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/responseschema/2006">
    ///   <Response xmlns="http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006">
    ///     <Culture>en:us</Culture>
    ///     <User><DisplayName>Anna</DisplayName><EMailAddress>anna@tern.example</EMailAddress></User>
    ///     <Action><Settings><Server>
    ///       <Type>MobileSync</Type>
    ///       <Url>https://mail.example.com/Microsoft-Server-ActiveSync</Url>
    ///       <Name>https://mail.example.com/Microsoft-Server-ActiveSync</Name>
    ///     </Server></Settings></Action>
    ///   </Response>
    /// </Autodiscover>
    /// ```
    static func mobileSync(displayName: String, emailAddress: String, url: String) -> NamespacedElement {
        let server = mobile("Server", [mobile("Type", "MobileSync"), mobile("Url", url), mobile("Name", url)])
        return envelope(
            mobile(
                "Response",
                [
                    culture,
                    mobile("User", [mobile("DisplayName", displayName), mobile("EMailAddress", emailAddress)]),
                    mobile("Action", [mobile("Settings", [server])]),
                ]))
    }

    /// A mobile-schema error (MS-ASCMD 4.2.2): `Action/Error` with Status 2, "protocol
    /// error", the only failure status the schema defines (2.2.3.177.1). Nothing about any
    /// user is included.
    static func mobileSyncError(_ message: String) -> NamespacedElement {
        envelope(
            mobile(
                "Response",
                [
                    culture, mobile("Action", [mobile("Error", [mobile("Status", "2"), mobile("Message", message)])]),
                ]))
    }

    /// The schema-independent error (MS-ASCMD 2.2.3.63 and 2.2.3.64; MS-OXDSCLI 2.2.4.1.1.3):
    /// 600 for an invalid request, 601 when no provider serves the requested response schema.
    static func error(code: ErrorCode, _ message: String) -> NamespacedElement {
        let error = NamespacedElement(
            AutodiscoverNamespace.response, "Error",
            children: [
                NamespacedElement(AutodiscoverNamespace.response, "ErrorCode", text: String(code.rawValue)),
                NamespacedElement(AutodiscoverNamespace.response, "Message", text: message),
                NamespacedElement(AutodiscoverNamespace.response, "DebugData"),
            ])
        return envelope(NamespacedElement(AutodiscoverNamespace.response, "Response", children: [error]))
    }

    /// The `ErrorCode` values (MS-OXDSCLI 2.2.4.1.1.3.1); unknown ones stay representable.
    struct ErrorCode: RawRepresentable, Hashable, Sendable {
        let rawValue: Int

        /// The XML request was improperly formatted.
        static let invalidRequest = ErrorCode(rawValue: 600)
        /// No configuration information of the requested type (response schema).
        static let unsupportedSchema = ErrorCode(rawValue: 601)
    }

    private static let culture = mobile("Culture", "en:us")

    private static func envelope(_ response: NamespacedElement) -> NamespacedElement {
        NamespacedElement(AutodiscoverNamespace.response, "Autodiscover", children: [response])
    }

    private static func mobile(_ name: String, _ text: String) -> NamespacedElement {
        NamespacedElement(AutodiscoverNamespace.mobileSyncResponse, name, text: text)
    }

    private static func mobile(_ name: String, _ children: [NamespacedElement]) -> NamespacedElement {
        NamespacedElement(AutodiscoverNamespace.mobileSyncResponse, name, children: children)
    }
}
