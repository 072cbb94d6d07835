import Foundation
import TernTesting
import Testing

@testable import WBXML

/// libwbxml (Debian `libwbxml2-utils`) is an independent C implementation of WBXML with its own
/// ActiveSync tables: our bytes must decode with it to the same tree, and its bytes with ours.
/// Fixtures using tokens libwbxml lacks (see `LibWBXMLGaps.swift`) have no `.wbxml` and are left
/// out here; those tokens are checked against the specification table in `CodePageTokenTests`.
struct LibWBXMLCrossCheckTests {
    static let xml2wbxml = ChildProcess.onPath("xml2wbxml")
    static let wbxml2xml = ChildProcess.onPath("wbxml2xml")

    private func temporaryFile(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appending(path: "tern-crosscheck-\(UUID().uuidString)-\(name)")
    }

    @Test(arguments: Fixtures.encoded)
    func ourEncodingDecodesWithLibwbxmlToTheSameTree(_ fixture: Fixtures.Fixture) throws {
        let tool = try #require(Self.wbxml2xml, "wbxml2xml not installed (apt-get install libwbxml2-utils)")
        let root = try XMLReader().read(try fixture.xml())
        let input = temporaryFile("ours.wbxml")
        let output = temporaryFile("libwbxml.xml")
        defer {
            try? FileManager.default.removeItem(at: input)
            try? FileManager.default.removeItem(at: output)
        }
        try Data(try WBXMLEncoder().encode(root)).write(to: input)
        let result = try ChildProcess(tool, ["-l", "ACTIVESYNC", "-m", "0", "-o", output.path, input.path]).run()
        #expect(result.status == 0, "wbxml2xml: \(result.standardError)")
        #expect(try LibWBXMLDialect.tree(try Data(contentsOf: output)) == root)
    }

    @Test(arguments: Fixtures.encoded)
    func libwbxmlsEncodingDecodesWithOursToTheSameTree(_ fixture: Fixtures.Fixture) throws {
        let tool = try #require(Self.xml2wbxml, "xml2wbxml not installed (apt-get install libwbxml2-utils)")
        let root = try XMLReader().read(try fixture.xml())
        let input = temporaryFile("dialect.xml")
        let output = temporaryFile("libwbxml.wbxml")
        defer {
            try? FileManager.default.removeItem(at: input)
            try? FileManager.default.removeItem(at: output)
        }
        try Data(LibWBXMLDialect.xml(root).utf8).write(to: input)
        let result = try ChildProcess(tool, ["-a", "-n", "-o", output.path, input.path]).run()
        #expect(result.status == 0, "xml2wbxml: \(result.standardError)")
        #expect(try WBXMLDecoder().decode(Array(try Data(contentsOf: output))).root == root)
    }

    @Test func libwbxmlLacksOnlyTokensTheSpecificationHas() {
        for (namespace, name) in libwbxmlMissingTokens {
            let specification = specificationCodePages.first { $0.namespace == namespace }?.pairs.first {
                $0.name == name
            }
            let ours = WBXMLTag(namespace: namespace, name: name)
            #expect(specification != nil && ours?.token == specification?.token, "\(namespace):\(name)")
        }
    }

    @Test func libwbxmlsDefaultOutputWithAStringTableDecodesToo() throws {
        let tool = try #require(Self.xml2wbxml, "xml2wbxml not installed (apt-get install libwbxml2-utils)")
        let fixture = try #require(Fixtures.encoded.first)
        let root = try XMLReader().read(try fixture.xml())
        let input = temporaryFile("dialect.xml")
        let output = temporaryFile("table.wbxml")
        defer {
            try? FileManager.default.removeItem(at: input)
            try? FileManager.default.removeItem(at: output)
        }
        try Data(LibWBXMLDialect.xml(root).utf8).write(to: input)
        #expect(try ChildProcess(tool, ["-o", output.path, input.path]).run().status == 0)
        let document = try WBXMLDecoder().decode(Array(try Data(contentsOf: output)))
        #expect(document.publicIdentifier == .literal("-//MICROSOFT//DTD ActiveSync//EN"))
        #expect(document.root == root)
    }
}
