import Foundation
import TernTesting
import Testing

/// `tern wbxml decode|encode` as a support engineer runs it: the built binary, real files and
/// pipes, exit codes and stderr.
struct WBXMLCommandTests {
    static let tern = ChildProcess.builtProduct("tern")

    @Test(arguments: Fixtures.encoded.filter { !$0.name.hasSuffix("-large") }.prefix(12))
    func decodePrintsTheFixtureXMLAndEncodeGivesBackTheBytes(_ fixture: Fixtures.Fixture) throws {
        let decoded = try ChildProcess(Self.tern, ["wbxml", "decode", fixture.wbxmlURL.path]).run()
        #expect(decoded.status == 0, "\(decoded.standardError)")
        #expect(decoded.standardOutput == (try fixture.xml()))
        let encoded = try ChildProcess(Self.tern, ["wbxml", "encode"]).run(standardInput: decoded.standardOutput)
        #expect(encoded.status == 0, "\(encoded.standardError)")
        #expect(encoded.standardOutput == (try fixture.wbxml()))
    }

    @Test func decodeReadsStandardInputWhenGivenNoFile() throws {
        let fixture = try #require(Fixtures.encoded.first)
        let result = try ChildProcess(Self.tern, ["wbxml", "decode", "-"]).run(standardInput: try fixture.wbxml())
        #expect(result.status == 0)
        #expect(result.standardOutput == (try fixture.xml()))
    }

    @Test(arguments: [
        (["wbxml", "decode"], [0x03, 0x01, 0x6A, 0x00, 0x45, 0x7F] as [UInt8], "unknown tag at byte 5"),
        (["wbxml", "decode"], [0x03, 0x01, 0x6A], "truncated at byte 3"),
        (["wbxml", "encode"], Array("<Ping xmlns=\"Ping:\"><Bogus/></Ping>".utf8), "unknown tag"),
        (
            ["wbxml", "encode"], Array("<!DOCTYPE x [<!ENTITY e \"x\">]><Ping xmlns=\"Ping:\"/>".utf8),
            "internal subset"
        ),
    ])
    func badInputExitsOneWithOneReadableLine(_ arguments: [String], _ input: [UInt8], _ expected: String) throws {
        let result = try ChildProcess(Self.tern, arguments).run(standardInput: input)
        #expect(result.status == 1)
        #expect(result.standardOutput.isEmpty)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 1, "\(result.standardError)")
        #expect(
            result.standardError.hasPrefix("tern: ") && result.standardError.contains(expected),
            "\(result.standardError)")
    }

    @Test func aMissingFileExitsOne() throws {
        let result = try ChildProcess(Self.tern, ["wbxml", "decode", "/nonexistent.wbxml"]).run()
        #expect(result.status == 1)
        #expect(result.standardError == "tern: cannot read /nonexistent.wbxml\n")
    }
}
