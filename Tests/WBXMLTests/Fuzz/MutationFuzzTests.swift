import TernTesting
import Testing

@testable import WBXML

/// A seeded random-mutation fuzz of both readers over the corpus, bounded so `swift test`
/// stays quick. Every mutant must either decode or throw a `WBXMLError`; one that decodes
/// must re-encode and decode to the same tree. The coverage-guided libFuzzer target for the
/// same property is `Fuzz/` (see its README).
struct MutationFuzzTests {
    static let mutantsPerFixture = 400

    @Test func mutatedWBXMLNeverCrashesAndDecodedMutantsRoundTrip() throws {
        var random = SplitMix64(seed: 0x7E57_5EED)
        var decoded = 0
        var refused = 0
        for fixture in Fixtures.encoded {
            let original = try fixture.wbxml()
            guard original.count < 50_000 else { continue }
            for _ in 0..<Self.mutantsPerFixture {
                let mutant = random.mutate(original)
                do {
                    let document = try WBXMLDecoder(limits: WBXMLLimits(maxBytes: 1 << 20)).decode(mutant)
                    let again = try WBXMLDecoder().decode(try WBXMLEncoder().encode(document))
                    #expect(again == document, "\(fixture): a decoded mutant did not round trip")
                    decoded += 1
                } catch {
                    refused += 1
                }
            }
        }
        #expect(
            decoded + refused == Fixtures.encoded.filter { (try? $0.wbxml().count) ?? 0 < 50_000 }.count
                * Self.mutantsPerFixture)
        #expect(refused > 0)
    }

    @Test func mutatedXMLNeverCrashes() throws {
        var random = SplitMix64(seed: 0xC0FF_EE00)
        for fixture in Fixtures.all {
            let original = try fixture.xml()
            guard original.count < 50_000 else { continue }
            for _ in 0..<Self.mutantsPerFixture / 4 {
                let mutant = random.mutate(original)
                if let root = try? XMLReader().read(mutant) {
                    #expect(throws: Never.self) { _ = XMLWriter().write(root) }
                }
            }
        }
    }
}

extension SplitMix64 {
    /// One to four random edits: flip, set to a WBXML global token, insert, delete, duplicate, cut.
    mutating func mutate(_ input: [UInt8]) -> [UInt8] {
        var bytes = input
        let interesting: [UInt8] = [0x00, 0x01, 0x02, 0x03, 0x04, 0x40, 0x43, 0x80, 0x83, 0xC3, 0xFF, 0x7F]
        for _ in 0..<Int.random(in: 1...4, using: &self) {
            guard !bytes.isEmpty else { break }
            let index = Int.random(in: 0..<bytes.count, using: &self)
            switch Int.random(in: 0..<6, using: &self) {
            case 0: bytes[index] ^= UInt8(1 << Int.random(in: 0..<8, using: &self))
            case 1: bytes[index] = interesting.randomElement(using: &self) ?? 0
            case 2: bytes.insert(UInt8.random(in: 0...255, using: &self), at: index)
            case 3: bytes.removeSubrange(index..<min(bytes.count, index + Int.random(in: 1...16, using: &self)))
            case 4:
                let end = min(bytes.count, index + Int.random(in: 1...32, using: &self))
                bytes.insert(contentsOf: bytes[index..<end], at: index)
            default: bytes.removeSubrange(index...)
            }
        }
        return bytes
    }
}
