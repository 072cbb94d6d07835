/// One header field (RFC 5322 section 2.2), unfolded.
///
/// `value` is the field body with folding undone (section 2.2.3: each line break before
/// whitespace removed), surrounding whitespace trimmed, and its bytes read as UTF-8 or, when
/// they aren't valid UTF-8, as windows-1252/Latin-1 (8-bit bytes in headers are not allowed
/// but common). Encoded words are decoded only in `decodedValue`, because in structured fields
/// such as addresses they may only be decoded word by word.
///
/// ```
/// Subject: =?UTF-8?Q?Caf=C3=A9?=
///  ist offen
/// ```
/// has name `Subject`, value `=?UTF-8?Q?Caf=C3=A9?= ist offen`, decoded value `Café ist offen`.
public struct HeaderField: Hashable, Sendable {
    /// The name as written.
    public let name: String
    public let value: String
    /// The field's bytes in the parsed input, from its name to its final line break inclusive.
    public let range: Range<Int>
    /// The lower-cased name, for case-insensitive look-up.
    let key: String

    public init(name: String, value: String, range: Range<Int> = 0..<0) {
        self.name = name
        self.value = value
        self.range = range
        key = name.lowercasedForMatching()
    }

    /// `value` with RFC 2047 encoded words decoded, for unstructured fields such as Subject.
    public var decodedValue: String { EncodedWord.decode(value) }
}
