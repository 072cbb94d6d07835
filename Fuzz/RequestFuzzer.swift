// libFuzzer entry point for what a device sends besides the body's codec (built by
// Fuzz/run.sh): the request line in both query forms, and every command's decoder over a
// WBXML body. A crash or a hang is a finding, and so is an item a device may store that Tern
// could not send back: whatever ApplicationDataMapping.decode accepts must encode as WBXML.

import ActiveSync
import Foundation
import TernStore
import TernSync
import WBXML

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let text = String(decoding: bytes, as: UTF8.self)
    if let line = try? RequestLine(query: text) {
        guard (try? RequestLine(plainQuery: line.plainQuery())) != nil else {
            fatalError("a parsed request line does not read back")
        }
    }
    if let line = try? RequestLine(base64Query: text) {
        guard (try? RequestLine(base64Query: line.base64Query())) != nil else {
            fatalError("a parsed base64 query does not read back")
        }
    }
    guard let root = try? WBXMLDecoder().decode(bytes).root else { return 0 }
    _ = try? SyncRequest(root)
    _ = try? PingRequest(root)
    _ = try? ProvisionRequest(root)
    _ = try? FolderSyncRequest(root)
    _ = try? FolderCreateRequest(root)
    _ = try? FolderUpdateRequest(root)
    _ = try? FolderDeleteRequest(root)
    _ = try? GetItemEstimateRequest(root)
    _ = try? MoveItemsRequest(root)
    _ = try? ItemOperationsRequest(root)
    _ = try? SettingsRequest(root)
    _ = try? SearchRequest(root)
    _ = try? FindRequest(root)
    _ = try? ResolveRecipientsRequest(root)
    _ = try? ComposeMailRequest(root)
    _ = try? MeetingResponseRequest(root)
    let itemClasses: [ItemClass] = [.email, .contacts, .calendar, .tasks, .notes]
    for itemClass in itemClasses {
        guard let sent = try? ApplicationData(root, as: itemClass) else { continue }
        for version in [ProtocolVersion.v12_1, .v16_1] {
            guard
                let content = try? ApplicationDataMapping.decode(
                    sent, replacing: nil, supported: nil, protocolVersion: version)
            else { continue }
            let options = ItemEncodingOptions(protocolVersion: version)
            let element = ApplicationDataMapping.encode(content, serverID: "5:1", options: options).element(
                version: version)
            guard (try? WBXMLEncoder().encode(element)) != nil else {
                fatalError("a stored \(itemClass) does not encode for a device")
            }
        }
    }
    return 0
}
