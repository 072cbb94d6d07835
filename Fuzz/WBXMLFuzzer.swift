// libFuzzer entry point for the WBXML decoder and the XML reader (built by Fuzz/run.sh).
// A crash, a hang, or a decoded input that does not survive re-encoding is a finding.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let document = try? WBXMLDecoder().decode(bytes) {
        guard let encoded = try? WBXMLEncoder().encode(document),
            let again = try? WBXMLDecoder().decode(encoded), again == document
        else {
            fatalError("a decoded document did not survive re-encoding")
        }
        _ = XMLWriter().write(document.root)
    }
    if let root = try? XMLReader().read(bytes) {
        guard let again = try? XMLReader().read(XMLWriter().write(root)), again == root else {
            fatalError("a read XML document did not survive writing")
        }
    }
    return 0
}
