/// Builds base64 query values byte by byte from the layout of MS-ASHTTP 2.2.1.1.1.1, with its
/// own RFC 4648 encoder so the tests do not lean on the code under test.
struct Base64QueryFixture {
    var bytes: [UInt8]

    /// version, command code, locale (little-endian), device id, policy key, device type.
    init(
        version: UInt8 = 161, code: UInt8, locale: UInt16 = 0x0409, deviceID: [UInt8], policyKey: [UInt8] = [],
        deviceType: String
    ) {
        bytes = [version, code, UInt8(locale & 0xFF), UInt8(locale >> 8)]
        bytes.append(UInt8(deviceID.count))
        bytes += deviceID
        bytes.append(UInt8(policyKey.count))
        bytes += policyKey
        bytes.append(UInt8(deviceType.utf8.count))
        bytes += Array(deviceType.utf8)
    }

    init(deviceID: String, code: UInt8, deviceType: String, version: UInt8 = 161, policyKey: [UInt8] = []) {
        self.init(
            version: version, code: code, deviceID: Array(deviceID.utf8), policyKey: policyKey, deviceType: deviceType)
    }

    func parameter(_ tag: UInt8, _ value: [UInt8]) -> Base64QueryFixture {
        var copy = self
        copy.bytes += [tag, UInt8(value.count)] + value
        return copy
    }

    func parameter(_ tag: UInt8, _ value: String) -> Base64QueryFixture {
        parameter(tag, Array(value.utf8))
    }

    var text: String { Self.encode(bytes) }

    static func encode(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        var output = ""
        var index = 0
        while index < bytes.count {
            let chunk = Array(bytes[index..<min(index + 3, bytes.count)])
            let group = chunk.enumerated().reduce(UInt32(0)) { $0 | UInt32($1.element) << (16 - 8 * UInt32($1.offset)) }
            for position in 0..<4 {
                output.append(
                    position <= chunk.count ? alphabet[Int(group >> (18 - 6 * UInt32(position)) & 0x3F)] : "=")
            }
            index += 3
        }
        return output
    }
}
