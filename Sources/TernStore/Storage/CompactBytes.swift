import Foundation

/// Writes values in the compact form of `EmailPropertiesCoding`: unsigned integers as LEB128
/// varints, signed ones zigzagged first, strings and bytes behind their length, a date as
/// the bit pattern of its seconds since 2001, an optional behind a 0 or 1 byte.
struct CompactWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int) {
        bytes.reserveCapacity(capacity)
    }

    mutating func byte(_ value: UInt8) { bytes.append(value) }

    mutating func unsigned(_ value: UInt64) {
        var rest = value
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func int(_ value: Int) {
        let wide = Int64(value)
        unsigned(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func string(_ value: String) { data(value.utf8) }

    mutating func data(_ value: some Collection<UInt8>) {
        unsigned(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    mutating func date(_ value: Date) {
        let pattern = value.timeIntervalSinceReferenceDate.bitPattern
        for shift in stride(from: 0, to: 64, by: 8) {
            bytes.append(UInt8(truncatingIfNeeded: pattern >> UInt64(shift)))
        }
    }

    mutating func optional<Value>(_ value: Value?, _ write: (inout CompactWriter, Value) -> Void) {
        guard let value else { return bytes.append(0) }
        bytes.append(1)
        write(&self, value)
    }
}

/// Reads what `CompactWriter` wrote; a short or malformed input is a `StoreError`, never a trap.
struct CompactReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ data: Data) {
        bytes = [UInt8](data)
    }

    var isAtEnd: Bool { offset == bytes.count }

    mutating func byte() throws(StoreError) -> UInt8 {
        guard offset < bytes.count else { throw Self.damaged("ends early") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func unsigned() throws(StoreError) -> UInt64 {
        var value: UInt64 = 0
        for shift in stride(from: 0, to: 64, by: 7) {
            let next = try byte()
            value |= UInt64(next & 0x7F) << UInt64(shift)
            if next & 0x80 == 0 { return value }
        }
        throw Self.damaged("holds an overlong number")
    }

    mutating func int() throws(StoreError) -> Int {
        let raw = try unsigned()
        let wide = Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
        guard let value = Int(exactly: wide) else { throw Self.damaged("holds a number out of range") }
        return value
    }

    mutating func bool() throws(StoreError) -> Bool {
        switch try byte() {
        case 0: false
        case 1: true
        default: throw Self.damaged("holds a flag that is neither 0 nor 1")
        }
    }

    mutating func string() throws(StoreError) -> String {
        let slice = try run()
        guard let text = String(validating: slice, as: UTF8.self) else {
            throw Self.damaged("holds text that is not UTF-8")
        }
        return text
    }

    mutating func data() throws(StoreError) -> Data { Data(try run()) }

    mutating func date() throws(StoreError) -> Date {
        var pattern: UInt64 = 0
        for shift in stride(from: 0, to: 64, by: 8) { pattern |= UInt64(try byte()) << UInt64(shift) }
        return Date(timeIntervalSinceReferenceDate: Double(bitPattern: pattern))
    }

    mutating func optional<Value>(_ read: (inout CompactReader) throws(StoreError) -> Value) throws(StoreError)
        -> Value?
    {
        switch try byte() {
        case 0: return nil
        case 1: return try read(&self)
        default: throw Self.damaged("holds an optional marker that is neither 0 nor 1")
        }
    }

    /// A length, then that many bytes, the length checked against what is left.
    private mutating func run() throws(StoreError) -> ArraySlice<UInt8> {
        let length = try unsigned()
        guard length <= UInt64(bytes.count - offset) else { throw Self.damaged("holds a length past its end") }
        let start = offset
        offset += Int(length)
        return bytes[start..<offset]
    }

    private static func damaged(_ what: String) -> StoreError {
        StoreError(.database, "stored email properties \(what)")
    }
}
