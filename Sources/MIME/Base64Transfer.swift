import Foundation

/// The base64 content transfer encoding (RFC 2045 section 6.8), decoded the tolerant way.
///
/// Line breaks and any byte outside the base64 alphabet are ignored, as section 6.8 says a
/// decoder must. Padding ends a quantum rather than the data, so bodies made by gluing encoded
/// chunks together (`...QQ==QkM=`) decode whole, and missing padding at the end is forgiven.
///
/// ```
/// SGVsbG8s        ->  "Hello,"
/// IFRlcm4h        ->  " Tern!"
/// ```
public enum Base64Transfer {
    /// `bytes` in base64 lines of 76 characters, as a part's body is written (RFC 2045 6.8).
    public static func encodedLines(_ bytes: [UInt8]) -> [String] {
        let encoded = Array(Data(bytes).base64EncodedString().utf8)
        return stride(from: 0, to: encoded.count, by: 76).map { start in
            String(decoding: encoded[start..<min(start + 76, encoded.count)], as: UTF8.self)
        }
    }

    /// The decoded bytes.
    public static func decode(_ encoded: some Sequence<UInt8>) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(encoded.underestimatedCount / 4 * 3)
        decode(encoded, into: &bytes)
        return bytes
    }

    /// The number of bytes `decode` would return, without keeping them.
    public static func decodedCount(_ encoded: some Sequence<UInt8>) -> Int {
        var counter = ByteCounter()
        decode(encoded, into: &counter)
        return counter.count
    }

    /// Decodes only text made of the alphabet and padding, as in an RFC 2047 "B" encoded word;
    /// nil for anything else, so a malformed word can be left as it was written.
    static func decodeStrict(_ encoded: some Collection<UInt8>) -> [UInt8]? {
        guard encoded.allSatisfy({ values[Int($0)] != invalid }) else { return nil }
        return decode(encoded)
    }

    static func decode<Sink: ByteSink>(_ encoded: some Sequence<UInt8>, into sink: inout Sink) {
        var quantum: UInt32 = 0
        var count = 0
        for byte in encoded {
            let value = values[Int(byte)]
            if value < 64 {
                quantum = quantum << 6 | UInt32(value)
                count += 1
                if count == 4 {
                    sink.append(UInt8(truncatingIfNeeded: quantum >> 16))
                    sink.append(UInt8(truncatingIfNeeded: quantum >> 8))
                    sink.append(UInt8(truncatingIfNeeded: quantum))
                    quantum = 0
                    count = 0
                }
            } else if value == padding {
                flush(quantum, count, into: &sink)
                quantum = 0
                count = 0
            }
        }
        flush(quantum, count, into: &sink)
    }

    /// Writes the whole bytes of a partial quantum: two characters carry one byte, three carry two.
    private static func flush<Sink: ByteSink>(_ quantum: UInt32, _ count: Int, into sink: inout Sink) {
        switch count {
        case 2: sink.append(UInt8(truncatingIfNeeded: quantum >> 4))
        case 3:
            sink.append(UInt8(truncatingIfNeeded: quantum >> 10))
            sink.append(UInt8(truncatingIfNeeded: quantum >> 2))
        default: break
        }
    }

    private static let padding: UInt8 = 64
    private static let invalid: UInt8 = 255

    /// Each byte's 6-bit value (RFC 2045 table 1), `padding` for "=", `invalid` otherwise.
    private static let values: [UInt8] = {
        var table = [UInt8](repeating: invalid, count: 256)
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        for (value, byte) in alphabet.enumerated() { table[Int(byte)] = UInt8(value) }
        table[Int(UInt8(ascii: "="))] = padding
        return table
    }()
}
