extension CodePage {
    /// Code page 3, AirNotify (MS-ASWBXML 2.1.2.1.4).
    ///
    /// No longer in use: the specification lists no tags for protocol 12.1 through 16.1, so
    /// the page exists (a SWITCH_PAGE to 3 is legal) but every token on it is unknown.
    static let airNotify = CodePage(3, "AirNotify", [])
}
