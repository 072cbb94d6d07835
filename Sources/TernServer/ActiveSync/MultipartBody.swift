/// The multipart response body of MS-ASCMD 2.2.2.10.1: the part count, then each part's
/// offset and length (32-bit little-endian), then the parts; part 0 is the WBXML document.
enum MultipartBody {
    static let contentType = "application/vnd.ms-sync.multipart"

    static func encode(_ parts: [[UInt8]]) -> [UInt8] {
        var bytes: [UInt8] = []
        func append(_ value: Int) {
            let word = UInt32(truncatingIfNeeded: value)
            bytes += [UInt8(word & 0xFF), UInt8(word >> 8 & 0xFF), UInt8(word >> 16 & 0xFF), UInt8(word >> 24)]
        }
        append(parts.count)
        var offset = 4 + parts.count * 8
        for part in parts {
            append(offset)
            append(part.count)
            offset += part.count
        }
        for part in parts { bytes += part }
        return bytes
    }
}
