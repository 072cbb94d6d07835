/// The bounds an import applies before and while it parses (STYLE.md, example 4).
///
/// A file exported from a real address book can be large (photos), but no single line,
/// nesting or warning list may grow without bound because of one hostile or broken file.
public struct ImportLimits: Hashable, Sendable {
    /// The longest logical (unfolded) content line in UTF-8 bytes; a longer line is skipped
    /// with a warning and its item kept. 8 MiB holds a 4 MB photo in base64.
    public var maxLineBytes: Int
    /// The deepest component nesting (`BEGIN` inside `BEGIN`). iCalendar needs 3
    /// (VCALENDAR > VEVENT > VALARM); a deeper component is skipped.
    public var maxDepth: Int
    /// How many warnings are kept with their text; the rest are only counted.
    public var maxWarnings: Int
    /// The largest contact photo kept, decoded. MS-ASCNTC 2.2.2.58 limits Picture to 48 KB of
    /// base64, which is 36 KiB of image; a larger photo is dropped and the contact kept.
    public var maxPictureBytes: Int

    public init(
        maxLineBytes: Int = 8 << 20, maxDepth: Int = 8, maxWarnings: Int = 1000, maxPictureBytes: Int = 36 * 1024
    ) {
        self.maxLineBytes = maxLineBytes
        self.maxDepth = maxDepth
        self.maxWarnings = maxWarnings
        self.maxPictureBytes = maxPictureBytes
    }

    public static let `default` = ImportLimits()
}
