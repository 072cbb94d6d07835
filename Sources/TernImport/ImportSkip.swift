/// Why an importer left something out: a whole card or event it could not use, or one line
/// or property of an otherwise good item, with the physical line (1-based) where it starts.
///
/// An import never aborts on bad input; everything it refuses becomes one of these, so the
/// admin sees what was left out and where (`tern import` prints them).
public struct ImportSkip: Error, Hashable, Sendable, CustomStringConvertible {
    public var reason: String
    /// The first physical line of the offending content line or component; 0 for the file as a whole.
    public var line: Int

    public init(_ reason: String, line: Int) {
        self.reason = reason
        self.line = line
    }

    public var description: String { line > 0 ? "line \(line): \(reason)" : reason }
}
