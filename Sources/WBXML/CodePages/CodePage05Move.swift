extension CodePage {
    /// Code page 5, Move (MS-ASWBXML 2.1.2.1.6).
    static let move = CodePage(
        5, "Move",
        [
            ("MoveItems", 0x05),
            ("Move", 0x06),
            ("SrcMsgId", 0x07),
            ("SrcFldId", 0x08),
            ("DstFldId", 0x09),
            ("Response", 0x0A),
            ("Status", 0x0B),
            ("DstMsgId", 0x0C),
        ])
}
