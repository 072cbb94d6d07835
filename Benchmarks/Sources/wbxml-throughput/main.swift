import Foundation
import WBXML

// Decode and encode throughput of Tern's WBXML codec beside libwbxml's on the same files in
// the same run. Each side converts between WBXML and its own XML form (what `tern wbxml`
// and libwbxml's wbxml2xml/xml2wbxml do); the tree-only figures show the codec without XML.
// Throughput counts WBXML bytes per second in both directions.
//
//   python3 Benchmarks/make-large-sync.py
//   swift run -c release --package-path Benchmarks --scratch-path .build-release wbxml-throughput

let benchmarks = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let fixtures = benchmarks.deletingLastPathComponent().appending(path: "Tests/WBXMLTests/Fixtures")
let large = benchmarks.appending(path: ".generated/Sync-resp-email-large.wbxml")

func load(_ url: URL) -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: url.path) else {
        FileHandle.standardError.write(
            Data("cannot read \(url.path); run python3 Benchmarks/make-large-sync.py\n".utf8))
        exit(1)
    }
    return Array(data)
}

let corpus = ((try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? [])
    .filter { $0.hasSuffix(".wbxml") }.sorted().map { load(fixtures.appending(path: $0)) }
let sets: [(name: String, documents: [[UInt8]])] = [
    ("corpus (\(corpus.count) documents)", corpus),
    ("Sync response, 1,000 emails", [load(large)]),
]

/// Runs `body` over all documents until at least `minimum` has passed; returns WBXML MB/s.
func throughput(_ documents: [[UInt8]], minimum: Duration = .seconds(2), _ body: (Int) throws -> Void) rethrows
    -> Double
{
    let bytes = documents.reduce(0) { $0 + $1.count }
    let clock = ContinuousClock()
    var rounds = 0
    let start = clock.now
    while clock.now - start < minimum {
        for index in documents.indices { try body(index) }
        rounds += 1
    }
    let elapsed = clock.now - start
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return Double(bytes * rounds) / seconds / 1_000_000
}

func row(_ label: String, _ values: Double...) {
    let cells = values.map { String(format: "%10.1f", $0) }.joined(separator: " ")
    print(label.padding(toLength: 44, withPad: " ", startingAt: 0) + cells)
}

print("WBXML throughput, MB/s of WBXML (higher is better)")
print("".padding(toLength: 44, withPad: " ", startingAt: 0) + "      Tern   libwbxml  Tern/libwbxml")
for set in sets {
    let ourXML = try set.documents.map {
        Array(XMLWriter(indents: false).write(try WBXMLDecoder().decode($0).root).utf8)
    }
    let theirXML = try set.documents.map { try LibWBXML.decode($0) }
    let trees = try set.documents.map { try WBXMLDecoder().decode($0) }

    let ourDecode = try throughput(set.documents) {
        _ = XMLWriter(indents: false).write(try WBXMLDecoder().decode(set.documents[$0]).root)
    }
    let theirDecode = try throughput(set.documents) { _ = try LibWBXML.decode(set.documents[$0]) }
    let ourEncode = try throughput(set.documents) { _ = try WBXMLEncoder().encode(try XMLReader().read(ourXML[$0])) }
    let theirEncode = try throughput(set.documents) { _ = try LibWBXML.encode(theirXML[$0]) }
    let treeDecode = try throughput(set.documents) { _ = try WBXMLDecoder().decode(set.documents[$0]) }
    let treeEncode = try throughput(set.documents) { _ = try WBXMLEncoder().encode(trees[$0]) }

    print(set.name)
    row("  decode WBXML -> XML", ourDecode, theirDecode, ourDecode / theirDecode)
    row("  encode XML -> WBXML", ourEncode, theirEncode, ourEncode / theirEncode)
    row("  decode WBXML -> tree (Tern only)", treeDecode)
    row("  encode tree -> WBXML (Tern only)", treeEncode)
}
