// libFuzzer entry point for the MIME parser (built by Fuzz/run.sh with MIME, WBXML, ActiveSync,
// TernStore and TernSync). A crash or a hang is a finding, and so is a message that parses but
// that Tern could not send to a device: every text it decodes must be free of unsendable
// characters, and the email item made of it must encode as WBXML for every body type.

import ActiveSync
import Foundation
import MIME
import TernStore
import TernSync
import WBXML

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let message = try? MIMEMessage(parsing: bytes) else { return 0 }
    let addresses = (message.from + message.to + message.cc + message.replyTo).map(\.description)
    let texts =
        [message.subject, message.plainTextBody, message.htmlBody, message.preview()].compactMap { $0 }
        + message.attachments.compactMap(\.filename) + message.attachments.compactMap(\.contentID) + addresses
    for text in texts where text.unicodeScalars.contains(where: \.isUnsendable) {
        fatalError("decoded text holds an unsendable character")
    }
    let email = EmailItem(message: message, receivedAt: Date(timeIntervalSince1970: 0))
    for (version, type) in [(ProtocolVersion.v12_1, 1), (.v14_1, 2), (.v16_1, 4), (.v16_1, 1)] {
        let options = ItemEncodingOptions(protocolVersion: version, bodyPreferences: [BodyPreference(type: type)])
        let element = ApplicationDataMapping.encode(.email(email), serverID: "5:1", options: options).element(
            version: version)
        guard (try? WBXMLEncoder().encode(element)) != nil else {
            fatalError("a parsed message does not encode for a device (\(version), body type \(type))")
        }
    }
    return 0
}
