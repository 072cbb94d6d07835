/// The Status values of one command, as the number that travels: a struct per command, so a
/// value a peer sends that we do not know stays representable (STYLE.md, 8) and one command's
/// status cannot be given where another's is asked for.
public protocol CommandStatus: RawRepresentable, Hashable, Sendable, CustomStringConvertible where RawValue == Int {
    init(rawValue: Int)
}

extension CommandStatus {
    public var description: String { "status \(rawValue)" }

    /// The status as its element's text.
    var text: String { String(rawValue) }

    /// The status of an element's text, nil when it is not a number.
    init?(text: String?) {
        guard let value = text.flatMap({ Int($0) }) else { return nil }
        self.init(rawValue: value)
    }
}
