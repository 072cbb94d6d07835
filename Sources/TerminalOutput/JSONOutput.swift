import Foundation

/// Prints `value` as indented JSON with sorted keys and ISO 8601 dates (the `--json` output
/// of `tern` and `tern-device`).
public func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    encoder.dateEncodingStrategy = .iso8601
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}
