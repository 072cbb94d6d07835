public import Foundation

/// Splits an mbox file into its messages (RFC 4155): each message starts with a `From `
/// envelope line at the start of the file or after a line end; the envelope line is dropped
/// and mboxrd quoting (`>From `, `>>From `) loses one `>`. Line ends are kept as written.
public struct MboxReader: Sequence, Sendable {
    public let bytes: Data

    /// Maps the file rather than reading it, so a large mailbox costs address space, not memory.
    public init(contentsOf url: URL) throws {
        bytes = try Data(contentsOf: url, options: .alwaysMapped)
    }

    public init(bytes: Data) {
        self.bytes = bytes
    }

    public func makeIterator() -> Iterator {
        Iterator(bytes: bytes)
    }

    public struct Iterator: IteratorProtocol {
        let bytes: Data
        private var offset: Int

        init(bytes: Data) {
            self.bytes = bytes
            offset = bytes.startIndex
        }

        /// The next message's bytes, without its envelope line.
        public mutating func next() -> [UInt8]? {
            guard let start = nextEnvelope(from: offset) else { return nil }
            let bodyStart = lineEnd(after: start)
            let end = nextEnvelope(from: bodyStart) ?? bytes.endIndex
            offset = end
            return unquote(bytes[bodyStart..<end])
        }

        /// The offset of the next `From ` at the start of a line, at or after `position`.
        private func nextEnvelope(from position: Int) -> Int? {
            var index = position
            while index + 5 <= bytes.endIndex {
                let atLineStart = index == bytes.startIndex || bytes[index - 1] == 0x0A
                if atLineStart, bytes[index] == UInt8(ascii: "F"), bytes[index..<index + 5].elementsEqual("From ".utf8) {
                    return index
                }
                guard let newline = bytes[index...].firstIndex(of: 0x0A) else { return nil }
                index = newline + 1
            }
            return nil
        }

        private func lineEnd(after position: Int) -> Int {
            bytes[position...].firstIndex(of: 0x0A).map { $0 + 1 } ?? bytes.endIndex
        }

        /// Drops the blank line before the next envelope and one `>` from `>From ` lines.
        private func unquote(_ message: Data) -> [UInt8] {
            var lines: [UInt8] = []
            lines.reserveCapacity(message.count)
            var index = message.startIndex
            if message.firstRange(of: Data(">From ".utf8)) == nil {
                // Nothing is quoted (the common case): copy the message in one go.
                lines.append(contentsOf: message)
                index = message.endIndex
            }
            while index < message.endIndex {
                let end = message[index...].firstIndex(of: 0x0A).map { $0 + 1 } ?? message.endIndex
                let line = message[index..<end]
                let quotes = line.prefix { $0 == UInt8(ascii: ">") }.count
                if quotes > 0, line.dropFirst(quotes).starts(with: "From ".utf8) {
                    lines += line.dropFirst()
                } else {
                    lines += line
                }
                index = end
            }
            // The blank line before the next envelope separates messages; it is not content.
            if lines.suffix(4).elementsEqual([0x0D, 0x0A, 0x0D, 0x0A]) {
                lines.removeLast(2)
            } else if lines.suffix(2).elementsEqual([0x0A, 0x0A]) {
                lines.removeLast()
            }
            return lines
        }
    }
}
