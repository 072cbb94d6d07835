import ActiveSync
import Foundation
import Synchronization
import TernStore
import WBXML

/// The trace files of devices an admin traces (`tern device trace`): each request and its
/// answer as indented XML, appended to `DIRECTORY/LOGIN-DEVICEID.log` (mode 0600). Passwords
/// are always masked; message bodies, attachments and MIME unless the trace asks for them.
/// Credentials never reach it: they travel in a header, which is not written.
final class DeviceTraceLog: Sendable {
    let directory: String
    /// One record at a time, so two requests of a device do not interleave.
    private let writing = Mutex(())

    init(directory: String) {
        self.directory = directory
    }

    /// Appends one exchange of `device`'s; a file that cannot be written is skipped (a trace
    /// never fails a request).
    func record(
        _ device: Device, login: String, command: String, version: String, request: WBXMLElement?, mimeBytes: Int?,
        answer: EASResponse
    ) {
        guard let trace = device.trace else { return }
        let bodies = trace == .bodies
        var text = "== \(EASDate.format(Date(), .extended)) \(command) (\(version)) request\n"
        if let request {
            text += XMLWriter().write(Self.masked(request, bodies: bodies)) + "\n"
        } else if let mimeBytes {
            text += "(MIME message, \(mimeBytes) bytes\(bodies ? "" : ", masked"))\n"
        }
        text += "== response\n" + Self.describe(answer, bodies: bodies) + "\n"
        writing.withLock { _ in append(text, to: Self.fileName(login: login, deviceID: device.deviceID)) }
    }

    private func append(_ text: String, to name: String) {
        let path = URL(fileURLWithPath: directory).appending(path: name).path
        try? FileManager.default.createDirectory(
            atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        guard let handle = FileHandle(forWritingAtPath: path) else { return }
        defer { try? handle.close() }
        _ = try? handle.seekToEnd()
        try? handle.write(contentsOf: Data(text.utf8))
    }

    private static func describe(_ answer: EASResponse, bodies: Bool) -> String {
        switch answer {
        case .document(let root): XMLWriter().write(masked(root, bodies: bodies))
        case .multipart(let root, let parts):
            XMLWriter().write(masked(root, bodies: bodies)) + "\n(\(parts.count) binary parts follow)"
        case .httpStatus(let code): "HTTP \(code)"
        case .content(let bytes, let contentType): "(\(contentType), \(bytes.count) bytes)"
        case .held: "(held until something changes or the heartbeat ends)"
        }
    }

    /// Always secret: any element of these names, in every code page.
    static let passwordTags: Set<String> = ["Password", "RecoveryPassword"]
    /// Message content: the body data, MIME and attachments.
    static let contentTags: Set<String> = ["Data", "Mime", "MIMEData", "Body"]

    /// `element` with the text of passwords (and, unless `bodies`, of message content)
    /// replaced by how long it was.
    static func masked(_ element: WBXMLElement, bodies: Bool) -> WBXMLElement {
        let name = element.tag.name
        if passwordTags.contains(name) || (!bodies && contentTags.contains(name)),
            !element.children.contains(where: { if case .element = $0 { return true } else { return false } })
        {
            let length = element.contentBytes?.count ?? 0
            return length == 0 ? element : WBXMLElement(element.tag, text: "(masked, \(length) bytes)")
        }
        return WBXMLElement(
            element.tag,
            children: element.children.map { child in
                if case .element(let inner) = child { return .element(masked(inner, bodies: bodies)) }
                return child
            })
    }

    /// `LOGIN-DEVICEID.log` with anything but letters, digits, `.`, `_`, `@` and `-` made `_`,
    /// so no name reaches outside the directory.
    static func fileName(login: String, deviceID: String) -> String {
        let safe = "\(login)-\(deviceID)".map { character -> Character in
            character.isASCII && (character.isLetter || character.isNumber || "._@-".contains(character))
                ? character : "_"
        }
        return "\(String(safe).replacingOccurrences(of: "..", with: "__")).log"
    }
}
