import Foundation
import TernTesting
import Testing

@testable import WBXML

/// The golden corpus both ways: WBXML -> tree -> WBXML byte for byte, and the tree's XML
/// form equal to the fixture's XML byte for byte (the fixtures are written in our XML form).
struct CorpusRoundTripTests {
    @Test(arguments: Fixtures.encoded)
    func wbxmlRoundTripIsByteIdentical(_ fixture: Fixtures.Fixture) throws {
        let bytes = try fixture.wbxml()
        let document = try WBXMLDecoder().decode(bytes)
        #expect(try WBXMLEncoder().encode(document) == bytes)
    }

    @Test(arguments: Fixtures.encoded)
    func decodedWBXMLPrintsAsTheFixtureXML(_ fixture: Fixtures.Fixture) throws {
        let document = try WBXMLDecoder().decode(try fixture.wbxml())
        #expect(XMLWriter().write(document.root) == String(decoding: try fixture.xml(), as: UTF8.self))
    }

    @Test(arguments: Fixtures.encoded)
    func fixtureXMLEncodesToTheSameBytesAsLibwbxml(_ fixture: Fixtures.Fixture) throws {
        let root = try XMLReader().read(try fixture.xml())
        #expect(try WBXMLEncoder().encode(root) == (try fixture.wbxml()))
    }

    /// Includes the fixtures with 16.x tokens libwbxml lacks, which have no `.wbxml`.
    @Test(arguments: Fixtures.all)
    func xmlReadsAndPrintsBackIdenticallyAndSurvivesWBXML(_ fixture: Fixtures.Fixture) throws {
        let text = String(decoding: try fixture.xml(), as: UTF8.self)
        let root = try XMLReader().read(text)
        #expect(XMLWriter().write(root) == text)
        let bytes = try WBXMLEncoder().encode(root)
        #expect(try WBXMLDecoder().decode(bytes).root == root)
    }

    @Test func corpusCoversEveryCommandInBothDirections() {
        #expect(Fixtures.all.count >= 40)
        let commands = [
            "Provision", "FolderSync", "FolderCreate", "FolderUpdate", "FolderDelete", "Sync", "GetItemEstimate",
            "Ping", "ItemOperations", "MoveItems", "SendMail", "SmartReply", "SmartForward", "Search", "Settings",
            "ResolveRecipients", "MeetingResponse",
        ]
        let names = Fixtures.all.map(\.name)
        for command in commands {
            #expect(names.contains { $0.hasPrefix(command + "-req") }, "no \(command) request fixture")
            #expect(names.contains { $0.hasPrefix(command + "-resp") }, "no \(command) response fixture")
        }
        for itemClass in ["email", "contacts", "calendar", "tasks"] {
            #expect(
                names.contains { $0.hasPrefix("Sync-") && $0.contains(itemClass) }, "no Sync fixture for \(itemClass)")
        }
    }

    @Test func everyStrictPrefixOfEveryFixtureIsTruncated() throws {
        for fixture in Fixtures.encoded {
            let bytes = try fixture.wbxml()
            guard bytes.count < 20_000 else { continue }
            for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 200)) {
                #expect(throws: WBXMLError.self) { try WBXMLDecoder().decode(Array(bytes.prefix(length))) }
                do {
                    _ = try WBXMLDecoder().decode(Array(bytes.prefix(length)))
                } catch {
                    #expect(error.code == .truncated, "\(fixture) cut at \(length): \(error)")
                }
            }
        }
    }
}
