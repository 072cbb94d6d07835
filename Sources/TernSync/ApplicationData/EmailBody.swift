import ActiveSync
import MIME
import TernStore

/// Which body an email is sent with, and its typed `<airsyncbase:Body>` (MS-ASAIRS 2.2.2.9).
///
/// The device's BodyPreferences are tried in order and the first the message can give wins:
/// MIME (type 4) is the stored message as it is; HTML (2) needs a text/html part; plain text
/// (1) is always possible, from the text/plain part or else the HTML with its markup removed.
/// RTF (3) is never offered. MIMESupport 2, or 1 for an S/MIME message, sends MIME whatever the
/// preferences, truncated by the type-4 preference or else by MIMETruncation (MS-ASCMD
/// 2.2.3.110.3). With no preference the device gets the whole plain text.
///
/// The message is parsed only when a text body is chosen, so a MIME sync never parses it; for
/// the same reason NativeBodyType is only known, and sent, with a text body.
enum EmailBody {
    struct Choice {
        let body: BodyData
        /// 1 plain, 2 HTML: what the message itself is written in.
        let nativeType: Int?
    }

    /// Text bodies are read up to this many characters when converted from HTML.
    static let maxConvertedCharacters = 16 << 20

    static func choose(for email: EmailItem, options: ItemEncodingOptions) -> Choice {
        let isSMIME = email.properties.messageClass.hasPrefix("IPM.Note.SMIME")
        if options.mimeSupport == 2 || (options.mimeSupport == 1 && isSMIME) {
            let preference =
                options.bodyPreferences.first { $0.type == 4 }
                ?? BodyPreference(type: 4, truncationSize: options.mimeTruncation)
            return mime(email, preference, options)
        }
        let preferences = options.bodyPreferences.isEmpty ? [BodyPreference(type: 1)] : options.bodyPreferences
        lazy var message = try? MIMEMessage(accepting: Array(email.raw))
        for preference in preferences {
            switch preference.type {
            case 4: return mime(email, preference, options)
            case 2:
                if let html = message?.htmlBody { return text(2, html, preference, message, email, options) }
            case 1: return text(1, plainText(message), preference, message, email, options)
            default: continue
            }
        }
        // Only types the message cannot give (RTF, or HTML without an HTML part): plain text,
        // sized as the device's first preference asked.
        var fallback = preferences[0]
        fallback.type = 1
        return text(1, plainText(message), fallback, message, email, options)
    }

    /// The `<airsyncbase:BodyPart>` a BodyPartPreference asks for (MS-ASAIRS 2.2.2.10): the
    /// message part as HTML. Tern does not split quoted replies off, so the part is the whole
    /// message: its HTML, or its plain text made HTML.
    static func part(for email: EmailItem, preference: BodyPreference, options: ItemEncodingOptions) -> BodyData {
        let message = try? MIMEMessage(accepting: Array(email.raw))
        let html = message?.htmlBody ?? HTMLText.document(fromPlainText: plainText(message))
        return BodyData(
            type: 2, content: Array(html.utf8), preference: preference, preview: { email.properties.preview },
            version: options.protocolVersion, kind: .part)
    }

    private static func plainText(_ message: MIMEMessage?) -> String {
        message?.readableText(maxCharacters: maxConvertedCharacters) ?? ""
    }

    private static func mime(_ email: EmailItem, _ preference: BodyPreference, _ options: ItemEncodingOptions) -> Choice
    {
        let body = BodyData(
            type: 4, content: Array(email.raw), preference: preference, preview: { email.properties.preview },
            version: options.protocolVersion)
        return Choice(body: body, nativeType: nil)
    }

    private static func text(
        _ type: Int, _ text: String, _ preference: BodyPreference, _ message: MIMEMessage?, _ email: EmailItem,
        _ options: ItemEncodingOptions
    ) -> Choice {
        let body = BodyData(
            type: type, content: Array(text.utf8), preference: preference, preview: { email.properties.preview },
            version: options.protocolVersion)
        return Choice(body: body, nativeType: message?.htmlPart == nil ? 1 : 2)
    }
}
