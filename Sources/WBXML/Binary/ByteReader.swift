/// A cursor over the input that never reads past its end: every read either succeeds or
/// throws `truncated` with the offset where more bytes were needed.
struct ByteReader {
    let bytes: [UInt8]
    private(set) var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var isAtEnd: Bool { offset >= bytes.count }
    var remaining: Int { bytes.count - offset }

    mutating func readByte(_ what: @autoclosure () -> String) throws(WBXMLError) -> UInt8 {
        guard offset < bytes.count else {
            throw WBXMLError(.truncated, at: offset, "input ended before \(what())")
        }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// A WBXML mb_u_int32: big-endian groups of 7 bits, high bit set on all but the last,
    /// at most 5 bytes and at most 32 bits of value.
    mutating func readMultiByteInteger(_ what: @autoclosure () -> String) throws(WBXMLError) -> UInt32 {
        let start = offset
        var value: UInt64 = 0
        for _ in 0..<5 {
            let byte = try readByte(what())
            value = value << 7 | UInt64(byte & 0x7F)
            if byte & 0x80 == 0 {
                guard value <= UInt64(UInt32.max) else {
                    throw WBXMLError(.malformed, at: start, "\(what()) does not fit in 32 bits")
                }
                return UInt32(value)
            }
        }
        throw WBXMLError(.malformed, at: start, "\(what()) is longer than 5 bytes")
    }

    /// `count` bytes, checked against the remaining input before anything is allocated.
    mutating func readBytes(_ count: UInt32, _ what: @autoclosure () -> String) throws(WBXMLError) -> ArraySlice<UInt8>
    {
        guard UInt64(count) <= UInt64(remaining) else {
            throw WBXMLError(.truncated, at: offset, "\(what()) of \(count) bytes but only \(remaining) remain")
        }
        let start = offset
        offset += Int(count)
        return bytes[start..<offset]
    }

    /// The bytes up to the next NUL, consuming the NUL.
    mutating func readNullTerminated(_ what: @autoclosure () -> String) throws(WBXMLError) -> ArraySlice<UInt8> {
        guard let end = bytes.firstNUL(from: offset) else {
            throw WBXMLError(.truncated, at: bytes.count, "input ended inside \(what()) (no terminating NUL)")
        }
        let start = offset
        offset = end + 1
        return bytes[start..<end]
    }
}

extension [UInt8] {
    /// The index of the first 0 at or after `start` (see `UnsafeRawBufferPointer.firstNUL`).
    func firstNUL(from start: Int) -> Int? {
        withUnsafeBytes { $0.firstNUL(from: start) }
    }
}

extension UnsafeRawBufferPointer {
    /// The index of the first 0 at or after `start`, read eight bytes at a time: inline
    /// strings carry whole message bodies, megabytes per Sync response.
    func firstNUL(from start: Int) -> Int? {
        var index = start
        while index + 8 <= count {
            let word = loadUnaligned(fromByteOffset: index, as: UInt64.self)
            // Nonzero exactly when some byte of the word is 0.
            if (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0 { break }
            index += 8
        }
        while index < count {
            if self[index] == 0 { return index }
            index += 1
        }
        return nil
    }
}

extension String {
    /// Strict UTF-8: nil for any invalid sequence, never a replacement character.
    init?(strictUTF8 bytes: ArraySlice<UInt8>) {
        self.init(validating: bytes, as: UTF8.self)
    }
}
