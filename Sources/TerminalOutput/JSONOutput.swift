import Foundation

/// Prints `value` as indented JSON with sorted keys and ISO 8601 dates (the `--json` output
/// of `tern` and `tern-device`).
public func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    encoder.dateEncodingStrategy = .iso8601
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
}

/// Prints `value` as one line of JSON (sorted keys, ISO 8601 dates) and flushes stdout, for
/// output that a reader takes line by line as it comes (`tern-device watch --json`).
public func printJSONLine(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    print(String(decoding: try encoder.encode(value), as: UTF8.self))
    fflush(nil)  // every stream: `stdout` is not concurrency-safe to name
}
