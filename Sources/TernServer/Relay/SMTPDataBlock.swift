/// The bytes of a message as SMTP's DATA carries it (RFC 5321 4.5.2): every line ended by CRLF
/// (a bare CR or LF becomes one), a dot that begins a line doubled, then the lone dot that
/// ends the data. So no content can end the message early and smuggle in another.
enum SMTPDataBlock {
    static func encode(_ raw: [UInt8]) -> [UInt8] {
        var block: [UInt8] = []
        block.reserveCapacity(raw.count + raw.count / 64 + 8)
        var previous: UInt8 = 10
        for byte in raw {
            if previous == 13, byte != 10 { block.append(10) }
            if byte == 10, previous != 13 { block.append(13) }
            let lineStart = previous == 10 || (previous == 13 && byte != 10)
            if lineStart, byte == UInt8(ascii: ".") { block.append(UInt8(ascii: ".")) }
            block.append(byte)
            previous = byte
        }
        if previous == 13 { block.append(10) } else if previous != 10 { block += [13, 10] }
        block += Array(".\r\n".utf8)
        return block
    }
}
