/// The global tokens of WBXML 1.3 (WAP-192-WBXML section 7.1), the same on every code page.
enum WBXMLGlobalToken {
    static let switchPage: UInt8 = 0x00
    static let end: UInt8 = 0x01
    static let entity: UInt8 = 0x02
    static let stringInline: UInt8 = 0x03
    static let literal: UInt8 = 0x04
    static let extensionInline0: UInt8 = 0x40
    static let extensionInline1: UInt8 = 0x41
    static let extensionInline2: UInt8 = 0x42
    static let processingInstruction: UInt8 = 0x43
    static let literalWithContent: UInt8 = 0x44
    static let extensionToken0: UInt8 = 0x80
    static let extensionToken1: UInt8 = 0x81
    static let extensionToken2: UInt8 = 0x82
    static let stringTableReference: UInt8 = 0x83
    static let literalWithAttributes: UInt8 = 0x84
    static let extension0: UInt8 = 0xC0
    static let extension1: UInt8 = 0xC1
    static let extension2: UInt8 = 0xC2
    static let opaque: UInt8 = 0xC3
    static let literalWithAttributesAndContent: UInt8 = 0xC4

    /// Flag bit of a tag byte: the element has content and ends with END.
    static let contentFlag: UInt8 = 0x40
    /// Flag bit of a tag byte: the element has attributes (never in EAS).
    static let attributesFlag: UInt8 = 0x80
    /// The UTF-8 charset's IANA MIBenum, the only charset EAS uses.
    static let utf8Charset: UInt32 = 0x6A
}
