import TernTesting
import Testing

@testable import ActiveSync

/// Bounded, seeded mutations of well-formed base64 and plain queries: every outcome is a line
/// or a `RequestLineError`, never a trap.
struct RequestLineMutationTests {
    static let seeds: [[UInt8]] = [
        Base64QueryFixture(deviceID: "v140Device", code: 0, deviceType: "SmartPhone", version: 140).bytes,
        Base64QueryFixture(deviceID: "ApplF17XK2QJ", code: 20, deviceType: "iPhone", policyKey: [1, 2, 3, 4])
            .parameter(8, "anna@example.org").bytes,
        Base64QueryFixture(deviceID: "WP8Device01", code: 3, deviceType: "WP8", version: 141)
            .parameter(1, "5").parameter(3, "5:12").parameter(7, [0x03]).parameter(8, "anna").bytes,
    ]

    @Test(arguments: 0..<Self.seeds.count)
    func everyTruncationIsRefusedOrRead(_ seedIndex: Int) {
        let bytes = Self.seeds[seedIndex]
        for length in 0..<bytes.count {
            let result = Result { () throws(RequestLineError) in
                try RequestLine(query: Base64QueryFixture.encode(Array(bytes.prefix(length))))
            }
            if case .success = result, length < 7 { Issue.record("read a \(length)-byte prefix") }
        }
    }

    @Test(arguments: [UInt64(1), 2, 3, 42, 2024])
    func mutatedBase64NeverTraps(_ seed: UInt64) {
        var generator = SplitMix64(seed: seed)
        var refused = 0
        for _ in 0..<800 {
            var bytes = Self.seeds[generator.below(Self.seeds.count)]
            for _ in 0...generator.below(4) {
                switch generator.below(5) {
                case 0 where !bytes.isEmpty:
                    bytes[generator.below(bytes.count)] = UInt8(truncatingIfNeeded: generator.next())
                case 1 where !bytes.isEmpty: bytes[generator.below(bytes.count)] = 0xFF
                case 2: bytes.insert(UInt8(truncatingIfNeeded: generator.next()), at: generator.below(bytes.count + 1))
                case 3 where !bytes.isEmpty: bytes.remove(at: generator.below(bytes.count))
                default: bytes += (0..<generator.below(300)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
                }
            }
            do {
                let line = try RequestLine(query: Base64QueryFixture.encode(bytes))
                // Anything read must survive its own round trip.
                if let again = try? RequestLine(query: line.base64Query()) {
                    #expect(again == line)
                } else {
                    Issue.record("a line read from base64 did not read back: \(line)")
                }
            } catch {
                refused += 1
            }
        }
        #expect(refused > 0)
    }

    @Test(arguments: [UInt64(7), 99])
    func mutatedTextNeverTraps(_ seed: UInt64) throws {
        var generator = SplitMix64(seed: seed)
        let texts = [
            "Cmd=SmartReply&ItemId=5%3A12&CollectionId=5&User=anna%40example.org&DeviceId=ApplF17XK2QJ&DeviceType=iPad&SaveInSent=T",
            "jAAJBAp2MTQwRGV2aWNlAApTbWFydFBob25l",
        ]
        let alphabet = Array("%&=+/ACjz09\u{0}é\n".unicodeScalars)
        for _ in 0..<1000 {
            var scalars = Array(texts[generator.below(texts.count)].unicodeScalars)
            for _ in 0...generator.below(3) {
                let position = generator.below(scalars.count)
                if generator.below(2) == 0 {
                    scalars[position] = alphabet[generator.below(alphabet.count)]
                } else {
                    scalars.remove(at: position)
                }
            }
            var text = ""
            text.unicodeScalars.append(contentsOf: scalars)
            if let line = try? RequestLine(query: text) {
                #expect(try RequestLine(query: line.plainQuery()) == line.withoutHeaderFields)
            }
        }
    }
}

extension RequestLine {
    /// The fields the plain form carries; version, policy key and locale travel as headers.
    fileprivate var withoutHeaderFields: RequestLine {
        do {
            return try RequestLine(
                command: command, user: user, deviceID: deviceID, deviceType: deviceType, collectionID: collectionID,
                itemID: itemID, longID: longID, occurrence: occurrence, attachmentName: attachmentName,
                saveInSent: saveInSent, acceptMultiPart: acceptMultiPart)
        } catch {
            fatalError("a valid line's fields were refused: \(error)")
        }
    }
}
