public import Foundation

/// Splits an mbox file into its messages (RFC 4155): each message starts with a `From `
/// envelope line at the start of the file or after a line end; the envelope line is dropped
/// and mboxrd quoting (`>From `, `>>From `) loses one `>`. Line ends are kept as written.
public struct MboxReader: Sequence, Sendable {
    public let bytes: [UInt8]

    public init(contentsOf url: URL) throws {
        bytes = Array(try Data(contentsOf: url, options: .alwaysMapped))
    }

    public init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    public func makeIterator() -> Iterator {
        Iterator(bytes: bytes)
    }

    public struct Iterator: IteratorProtocol {
        let bytes: [UInt8]
        private var offset = 0

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        /// The next message's bytes, without its envelope line.
        public mutating func next() -> [UInt8]? {
            guard let start = nextEnvelope(from: offset) else { return nil }
            let bodyStart = lineEnd(after: start)
            let end = nextEnvelope(from: bodyStart) ?? bytes.count
            offset = end
            return unquote(bytes[bodyStart..<end])
        }

        /// The offset of the next `From ` at the start of a line, at or after `position`.
        private func nextEnvelope(from position: Int) -> Int? {
            var index = position
            while index + 5 <= bytes.count {
                if bytes[index] == UInt8(ascii: "F"), isFrom(at: index) { return index }
                guard let newline = bytes[index...].firstIndex(of: 0x0A) else { return nil }
                index = newline + 1
            }
            return nil
        }

        private func isFrom(at index: Int) -> Bool {
            index + 5 <= bytes.count && bytes[index..<index + 5].elementsEqual("From ".utf8)
        }

        private func lineEnd(after position: Int) -> Int {
            bytes[position...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.count
        }

        /// Drops the blank line before the next envelope and one `>` from `>From ` lines.
        private func unquote(_ message: ArraySlice<UInt8>) -> [UInt8] {
            var result: [UInt8] = []
            result.reserveCapacity(message.count)
            var lineStart = message.startIndex
            while lineStart < message.endIndex {
                let end = message[lineStart...].firstIndex(of: 0x0A).map { $0 + 1 } ?? message.endIndex
                let quotes = message[lineStart..<end].prefix { $0 == UInt8(ascii: ">") }.count
                let unquoted = quotes > 0 && isFrom(at: lineStart + quotes) ? lineStart + 1 : lineStart
                result.append(contentsOf: message[unquoted..<end])
                lineStart = end
            }
            // The blank line before the next envelope separates messages; it is not content.
            if result.suffix(4).elementsEqual([0x0D, 0x0A, 0x0D, 0x0A]) {
                result.removeLast(2)
            } else if result.suffix(2).elementsEqual([0x0A, 0x0A]) {
                result.removeLast()
            }
            return result
        }
    }
}
