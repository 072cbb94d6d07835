/// The quoted-printable content transfer encoding (RFC 2045 section 6.7), decoded tolerantly.
///
/// `=XX` gives a byte (lower-case hex accepted), `=` at the end of a line is a soft line break,
/// and trailing spaces and tabs on a line are dropped (rule 3: transports add them). An `=`
/// that starts no valid escape is kept as it is, as section 6.7 suggests. Hard line breaks are
/// kept as written, CRLF or bare LF.
///
/// ```
/// Caf=C3=A9 au lait, s'il =   ->  "Café au lait, s'il " (UTF-8 bytes), joined to the next line
/// vous pla=C3=AEt             ->  "vous plaît"
/// ```
public enum QuotedPrintable {
    /// The decoded bytes.
    public static func decode(_ encoded: ArraySlice<UInt8>) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(encoded.count)
        decode(encoded, into: &bytes)
        return bytes
    }

    /// The decoded bytes.
    public static func decode(_ encoded: [UInt8]) -> [UInt8] { decode(encoded[...]) }

    /// The number of bytes `decode` would return, without keeping them.
    public static func decodedCount(_ encoded: ArraySlice<UInt8>) -> Int {
        var counter = ByteCounter()
        decode(encoded, into: &counter)
        return counter.count
    }

    static func decode<Sink: ByteSink>(_ encoded: ArraySlice<UInt8>, into sink: inout Sink) {
        var lineStart = encoded.startIndex
        while lineStart < encoded.endIndex {
            let newline = encoded[lineStart...].firstIndex(of: 0x0A)
            var contentEnd = newline ?? encoded.endIndex
            let breakStart =
                contentEnd > lineStart && encoded[contentEnd - 1] == 0x0D && newline != nil
                ? contentEnd - 1 : contentEnd
            contentEnd = breakStart
            while contentEnd > lineStart, encoded[contentEnd - 1] == 0x20 || encoded[contentEnd - 1] == 0x09 {
                contentEnd -= 1
            }
            let soft = contentEnd > lineStart && encoded[contentEnd - 1] == UInt8(ascii: "=")
            decodeLine(encoded[lineStart..<(soft ? contentEnd - 1 : contentEnd)], into: &sink)
            if let newline {
                if !soft {
                    for byte in encoded[breakStart...newline] { sink.append(byte) }
                }
                lineStart = newline + 1
            } else {
                lineStart = encoded.endIndex
            }
        }
    }

    private static func decodeLine<Sink: ByteSink>(_ line: ArraySlice<UInt8>, into sink: inout Sink) {
        var index = line.startIndex
        while index < line.endIndex {
            let byte = line[index]
            if byte == UInt8(ascii: "="), let high = hexValue(line, index + 1), let low = hexValue(line, index + 2) {
                sink.append(high << 4 | low)
                index += 3
            } else {
                sink.append(byte)
                index += 1
            }
        }
    }

    private static func hexValue(_ line: ArraySlice<UInt8>, _ index: Int) -> UInt8? {
        index < line.endIndex ? hexValue(line[index]) : nil
    }

    /// The value of one hexadecimal digit, either case.
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
