import MIME
import TernTesting
import Testing

/// A seeded random-mutation fuzz over the corpus, bounded so `swift test` stays quick. Every
/// mutant must parse or be refused with a `MIMEError`, and everything a client reads from a
/// parsed mutant (headers, addresses, dates, bodies, preview, attachments) must be computable.
/// A crash or hang fails the run; the seed makes a failing mutant reproducible.
struct MutationRobustnessTests {
    static let mutantsPerFixture = 300

    @Test(.timeLimit(.minutes(5)), arguments: CorpusFixture.allFiles)
    func mutatedMessagesNeverCrashOrHang(_ file: String) throws {
        let original = try CorpusFixture(file: file, preview: "").bytes()
        var random = SplitMix64(
            seed: 0x4D49_4D45 ^ UInt64(truncatingIfNeeded: file.utf8.reduce(0) { $0 &* 31 &+ Int($1) }))
        var parsed = 0
        var refused = 0
        let limits = MIMELimits(maxBytes: 1 << 20, maxDepth: 8, maxParts: 200, maxHeaderBytes: 16 << 10)
        for _ in 0..<Self.mutantsPerFixture {
            let mutant = random.mutate(original)
            do {
                let message = try MIMEMessage(parsing: mutant, limits: limits)
                exercise(message)
                parsed += 1
            } catch {
                #expect([.empty, .tooLarge, .headersTooLarge, .tooManyParts].contains(error.code))
                refused += 1
            }
        }
        #expect(parsed + refused == Self.mutantsPerFixture)
        #expect(parsed > 0)
    }

    @Test(.timeLimit(.minutes(1)), arguments: PathologicalInput.all)
    func pathologicalInputsAreBoundedAndNeverCrash(_ input: PathologicalInput) {
        do {
            let message = try MIMEMessage(parsing: input.bytes)
            exercise(message)
        } catch {
            #expect(error.code == input.expectedError)
            return
        }
        #expect(input.expectedError == nil)
    }

    /// Reads everything a client would.
    private func exercise(_ message: MIMEMessage) {
        _ = message.subject
        _ = message.from + message.to + message.cc + message.replyTo + message.bcc + message.sender
        _ = message.date
        _ = (message.messageID, message.inReplyTo, message.references, message.importance)
        _ = message.plainTextBody
        _ = message.htmlBody
        _ = message.preview()
        for field in message.headers { _ = field.decodedValue }
        for attachment in message.attachments {
            _ = (attachment.filename, attachment.contentID, attachment.isInline)
            #expect(attachment.decodedBytes().count == attachment.decodedSize)
            #expect(attachment.range.upperBound <= message.raw.count)
        }
    }
}

/// Inputs built to hit a limit or a slow path.
struct PathologicalInput: Sendable, CustomStringConvertible {
    let description: String
    let bytes: [UInt8]
    let expectedError: MIMEError.Code?

    static var all: [PathologicalInput] {
        [
            PathologicalInput(
                description: "10,000 nested multiparts", bytes: nestedMultiparts(10_000), expectedError: nil),
            PathologicalInput(
                description: "20,000 empty parts", bytes: manyParts(20_000), expectedError: .tooManyParts),
            PathologicalInput(
                description: "a 2 MiB header",
                bytes: Array(("X-Big: " + String(repeating: "a", count: 2 << 20) + "\r\n\r\nbody").utf8),
                expectedError: .headersTooLarge),
            PathologicalInput(
                description: "100,000 broken encoded words",
                bytes: Array(("Subject: " + String(repeating: "=?utf-8?Q?", count: 100_000) + "\r\n\r\nx").utf8),
                expectedError: nil),
            PathologicalInput(
                description: "one 4 MiB line without a newline",
                bytes: [UInt8](repeating: UInt8(ascii: "-"), count: 4 << 20),
                expectedError: nil),
            PathologicalInput(
                description: "HTML of unclosed tags",
                bytes: Array(
                    ("Content-Type: text/html\r\n\r\n" + String(repeating: "<a href=\"x ", count: 50_000)).utf8),
                expectedError: nil),
            PathologicalInput(
                description: "a million combining marks",
                bytes: Array(
                    ("Content-Type: text/plain; charset=utf-8\r\n\r\na" + String(repeating: "\u{301}", count: 1_000_000))
                        .utf8),
                expectedError: nil),
            PathologicalInput(
                description: "base64 of garbage",
                bytes: Array("Content-Transfer-Encoding: base64\r\n\r\n".utf8) + (0...255).map { UInt8($0) },
                expectedError: nil),
        ]
    }

    static func nestedMultiparts(_ depth: Int) -> [UInt8] {
        var text = ""
        for level in 0..<depth { text += "Content-Type: multipart/mixed; boundary=b\(level)\r\n\r\n--b\(level)\r\n" }
        text += "Content-Type: text/plain\r\n\r\ndeep\r\n"
        return Array(text.utf8)
    }

    static func manyParts(_ count: Int) -> [UInt8] {
        Array(
            ("Content-Type: multipart/mixed; boundary=x\r\n\r\n" + String(repeating: "--x\r\n\r\n", count: count)
                + "--x--\r\n").utf8)
    }
}

extension SplitMix64 {
    /// One to six edits: flip a bit, set a byte MIME cares about, insert, delete, duplicate, splice
    /// a MIME token in, or cut the rest off.
    mutating func mutate(_ input: [UInt8]) -> [UInt8] {
        var bytes = input
        let interesting: [UInt8] = Array("\r\n-=?:;\"<>()_ \t%*'".utf8) + [0x00, 0x80, 0xC3, 0xE2, 0xFF, 0x1B]
        let tokens = [
            "\r\n", "\n\n", "\r\n\r\n", "--", "=?utf-8?B?", "=?x?Q?=", "?=", "boundary=", "multipart/mixed",
            "Content-Type: multipart/alternative; boundary=\"", "message/rfc822", "base64", "quoted-printable",
            "filename*0*=", "charset=iso-2022-jp", "charset=utf-16", "<!--", "<script>", "&#x", "=\r\n",
        ]
        for _ in 0..<Int.random(in: 1...6, using: &self) {
            guard !bytes.isEmpty else { break }
            let index = Int.random(in: 0..<bytes.count, using: &self)
            switch Int.random(in: 0..<8, using: &self) {
            case 0: bytes[index] ^= UInt8(1 << Int.random(in: 0..<8, using: &self))
            case 1: bytes[index] = interesting.randomElement(using: &self) ?? 0
            case 2: bytes.insert(UInt8.random(in: 0...255, using: &self), at: index)
            case 3: bytes.removeSubrange(index..<min(bytes.count, index + Int.random(in: 1...64, using: &self)))
            case 4:
                let end = min(bytes.count, index + Int.random(in: 1...256, using: &self))
                bytes.insert(contentsOf: bytes[index..<end], at: index)
            case 5, 6: bytes.insert(contentsOf: Array((tokens.randomElement(using: &self) ?? "").utf8), at: index)
            default: bytes.removeSubrange(index...)
            }
        }
        return bytes
    }
}
