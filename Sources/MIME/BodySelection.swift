/// Chooses a message's text and HTML bodies and lists everything else as attachments.
///
/// - multipart/alternative: the last alternative that has the wanted type, since alternatives
///   go from plainest to richest (RFC 2046 section 5.1.4).
/// - multipart/related: the root part, named by the `start` parameter or else the first part
///   (RFC 2387 section 3.2), then the others.
/// - every other multipart (mixed, signed, unknown): the parts in order (section 5.1.7).
/// - a leaf is a body candidate when it is text/plain or text/html and not marked as an
///   attachment (disposition `attachment`, or a file name). Encapsulated messages are never
///   searched: their text is not this message's text.
struct BodySelection {
    let plainText: MIMEPart?
    let html: MIMEPart?
    let attachments: [MIMEAttachment]

    init(root: MIMEPart) {
        let plainText = Self.find("plain", in: root)
        let html = Self.find("html", in: root)
        var attachments: [MIMEAttachment] = []
        let bodyPaths = [plainText?.path, html?.path].compactMap { $0 }
        Self.collect(root, excluding: bodyPaths, insideRelated: false, into: &attachments)
        self.plainText = plainText
        self.html = html
        self.attachments = attachments
    }

    private static func find(_ subtype: String, in part: MIMEPart) -> MIMEPart? {
        switch part.kind {
        case .single:
            let wanted = part.contentType.type == "text" && part.contentType.subtype == subtype
            return wanted && !part.isMarkedAsAttachment ? part : nil
        case .message:
            return nil
        case .multipart:
            switch part.contentType.subtype {
            case "alternative":
                return part.children.reversed().lazy.compactMap { find(subtype, in: $0) }.first
            case "related":
                let start = part.contentType.parameters["start"]?.trimmingAngleBrackets()
                let rootIndex = start.flatMap { id in part.children.firstIndex { $0.contentID == id } } ?? 0
                let ordered = part.children.indices.sorted {
                    ($0 == rootIndex ? 0 : 1, $0) < ($1 == rootIndex ? 0 : 1, $1)
                }
                return ordered.lazy.compactMap { find(subtype, in: part.children[$0]) }.first
            default:
                return part.children.lazy.compactMap { find(subtype, in: $0) }.first
            }
        }
    }

    private static func collect(
        _ part: MIMEPart, excluding bodies: [[Int]], insideRelated: Bool, into list: inout [MIMEAttachment]
    ) {
        switch part.kind {
        case .single, .message:
            if !bodies.contains(part.path) { list.append(MIMEAttachment(part: part, insideRelated: insideRelated)) }
        case .multipart:
            let related = part.contentType.subtype == "related"
            for child in part.children {
                collect(child, excluding: bodies, insideRelated: related, into: &list)
            }
        }
    }
}
