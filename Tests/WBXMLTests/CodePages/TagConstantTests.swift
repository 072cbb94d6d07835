import Foundation
import Testing

@testable import WBXML

/// The tag constants (`Sources/WBXML/CodePages/Tags/`, `EmailTag.subject`) are written from
/// the code page tables, so that code names a tag by a constant the compiler checks, never by
/// a string. This test renders them from the tables and compares them with the files; run it
/// with `TERN_WRITE_TAG_CONSTANTS=1` to write the files after a table changes.
struct TagConstantTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appending(path: "Sources/WBXML/CodePages/Tags")

    @Test(arguments: CodePage.all.map(\.number))
    func theConstantsOfAPageAreTheOnesItsTableGives(_ number: UInt8) throws {
        let page = CodePage.all[Int(number)]
        let file = Self.folder.appending(path: "\(TagConstants.typeName(of: page)).swift")
        let expected = TagConstants.source(of: page)
        if ProcessInfo.processInfo.environment["TERN_WRITE_TAG_CONSTANTS"] == "1" {
            try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
            try Data(expected.utf8).write(to: file)
        }
        let written = try String(contentsOf: file, encoding: .utf8)
        #expect(written == expected, "\(file.lastPathComponent) is out of date: run with TERN_WRITE_TAG_CONSTANTS=1")
    }

    @Test func identifiersAreTheNamesInLowerCamelCase() {
        #expect(TagConstants.identifier("SyncKey") == "syncKey")
        #expect(TagConstants.identifier("EASProvisionDoc") == "easProvisionDoc")
        #expect(TagConstants.identifier("IMAddress2") == "imAddress2")
        #expect(TagConstants.identifier("UID") == "uid")
        #expect(TagConstants.identifier("Class") == "`class`")
    }

    @Test func aConstantIsTheTagOfItsName() {
        #expect(EmailTag.subject == WBXMLTag("Email", "Subject"))
        #expect(ProvisionTag.easProvisionDoc.name == "EASProvisionDoc")
        #expect(AirSyncBaseTag.content.carriesOpaqueContent)
    }
}

/// Renders one code page's constants as Swift source.
enum TagConstants {
    static func typeName(of page: CodePage) -> String { page.namespace + "Tag" }

    static func source(of page: CodePage) -> String {
        var lines = [
            "// Written from `CodePage.\(tableName(of: page))` by TagConstantTests; do not edit by hand.",
            "",
            "/// The tags of code page \(page.number), \(page.namespace), as constants: a misspelt tag does not compile.",
            "public enum \(typeName(of: page)) {",
        ]
        for tag in page.tags {
            lines.append("    /// `\(page.namespace):\(tag.name)`")
            lines.append(
                "    public static let \(identifier(tag.name)) = WBXMLTag(known: \(page.number), \(hex(tag.token)))")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `SyncKey` → `syncKey`, `EASProvisionDoc` → `easProvisionDoc`; a keyword in backticks.
    static func identifier(_ name: String) -> String {
        let characters = Array(name)
        let capitals = characters.prefix { $0.isUppercase }.count
        let lowered: Int
        if capitals <= 1 || capitals == characters.count {
            lowered = capitals
        } else {
            lowered = characters[capitals].isLowercase ? capitals - 1 : capitals
        }
        let identifier = String(characters[..<lowered]).lowercased() + String(characters[lowered...])
        return ["class", "protocol", "default", "in", "is", "as", "repeat", "return"].contains(identifier)
            ? "`\(identifier)`" : identifier
    }

    private static func tableName(of page: CodePage) -> String {
        identifier(page.namespace).replacingOccurrences(of: "`", with: "")
    }

    private static func hex(_ token: UInt8) -> String {
        "0x" + (token < 16 ? "0" : "") + String(token, radix: 16, uppercase: true)
    }
}
