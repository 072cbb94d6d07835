/// EUC-JP rewritten as ISO-2022-JP-2 (RFC 1554), byte for byte and without a table.
///
/// Both carry the same character sets; EUC-JP marks them with the high bit, ISO-2022-JP-2 with
/// escape sequences: JIS X 0208 is two bytes 0xA1-0xFE (`ESC $ B`), half-width katakana is
/// 0x8E then one byte (`ESC ( I`), JIS X 0212 is 0x8F then two bytes (`ESC $ ( D`). Each set's
/// bytes are the EUC bytes with the high bit cleared. An invalid byte becomes `?`.
enum EUCJapanese {
    private enum Mode: Equatable { case ascii, jis0208, kana, jis0212 }

    static func transcodedToISO2022JP2(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 2)
        var mode = Mode.ascii
        func switchTo(_ newMode: Mode) {
            guard newMode != mode else { return }
            switch newMode {
            case .ascii: output += [0x1B, 0x28, 0x42]
            case .jis0208: output += [0x1B, 0x24, 0x42]
            case .kana: output += [0x1B, 0x28, 0x49]
            case .jis0212: output += [0x1B, 0x24, 0x28, 0x44]
            }
            mode = newMode
        }
        let isTrail = { (byte: UInt8) in byte >= 0xA1 && byte <= 0xFE }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x80 {
                switchTo(.ascii)
                output.append(byte == 0x1B ? UInt8(ascii: "?") : byte)
                index += 1
            } else if byte == 0x8E, index + 1 < bytes.count, (0xA1...0xDF).contains(bytes[index + 1]) {
                switchTo(.kana)
                output.append(bytes[index + 1] & 0x7F)
                index += 2
            } else if byte == 0x8F, index + 2 < bytes.count, isTrail(bytes[index + 1]), isTrail(bytes[index + 2]) {
                switchTo(.jis0212)
                output += [bytes[index + 1] & 0x7F, bytes[index + 2] & 0x7F]
                index += 3
            } else if isTrail(byte), index + 1 < bytes.count, isTrail(bytes[index + 1]) {
                switchTo(.jis0208)
                output += [byte & 0x7F, bytes[index + 1] & 0x7F]
                index += 2
            } else {
                switchTo(.ascii)
                output.append(UInt8(ascii: "?"))
                index += 1
            }
        }
        switchTo(.ascii)
        return output
    }
}
