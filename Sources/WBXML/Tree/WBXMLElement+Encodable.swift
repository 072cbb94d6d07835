extension WBXMLElement {
    /// The first element, depth first, whose text WBXML cannot carry (a NUL, which would end
    /// its inline string); nil when the whole tree encodes. Lets a caller leave one item out
    /// of a response instead of failing the response.
    public var firstUnencodableElement: WBXMLTag? {
        for node in children {
            switch node {
            case .element(let child):
                if let tag = child.firstUnencodableElement { return tag }
            case .text(let text):
                if text.holdsNUL { return tag }
            case .opaque:
                continue
            }
        }
        return nil
    }
}

extension String {
    /// Whether a NUL is among the UTF-8 bytes, looked for eight bytes at a time.
    var holdsNUL: Bool {
        var text = self
        return text.withUTF8 { UnsafeRawBufferPointer($0).firstNUL(from: 0) != nil }
    }
}
