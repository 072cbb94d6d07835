// libFuzzer entry point for the vCard and iCalendar readers of `tern import` (built by
// Fuzz/run.sh). A crash or a hang is a finding, and so is an item a reader accepts that Tern
// could not send to a device: each must encode as WBXML.

import ActiveSync
import Foundation
import TernImport
import TernStore
import TernSync
import WBXML

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Data(UnsafeBufferPointer(start: data, count: size))
    var contents: [ItemContent] = VCardReader().read(bytes).items.compactMap { try? $0.get() }.map(ItemContent.contact)
    for case .success(let object) in ICalendarReader().read(bytes).items {
        switch object {
        case .event(let event): contents.append(.event(event))
        case .task(let task): contents.append(.task(task))
        }
    }
    let options = ItemEncodingOptions(protocolVersion: .v16_1)
    for content in contents {
        guard
            (try? WBXMLEncoder().encode(
                ApplicationDataMapping.encode(content, serverID: "5:1", options: options).element(version: .v16_1)))
                != nil
        else {
            fatalError("an imported item does not encode for a device")
        }
    }
    return 0
}
