public import Foundation

/// The golden corpus under `Tests/WBXMLTests/Fixtures/`: real-shaped EAS requests and
/// responses, each as `NAME.xml` and, where libwbxml can encode it, `NAME.wbxml`.
public enum Fixtures {
    /// The repository's root folder, found from this file's own path.
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static let directory = repositoryRoot.appending(path: "Tests/WBXMLTests/Fixtures")

    /// One fixture: its name and the paths of its two forms.
    public struct Fixture: Sendable, CustomStringConvertible {
        public let name: String
        public var xmlURL: URL { directory.appending(path: name + ".xml") }
        public var wbxmlURL: URL { directory.appending(path: name + ".wbxml") }
        /// Whether libwbxml encoded this fixture (false for ones using tokens it lacks).
        public var hasWBXML: Bool { FileManager.default.fileExists(atPath: wbxmlURL.path) }

        public func xml() throws -> [UInt8] { Array(try Data(contentsOf: xmlURL)) }
        public func wbxml() throws -> [UInt8] { Array(try Data(contentsOf: wbxmlURL)) }

        public var description: String { name }
    }

    /// Every fixture, by name.
    public static let all: [Fixture] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".xml") }.map { String($0.dropLast(4)) }.sorted().map(Fixture.init)
    }()

    /// The fixtures that have a libwbxml-encoded `.wbxml` beside the XML.
    public static var encoded: [Fixture] { all.filter(\.hasWBXML) }
}
