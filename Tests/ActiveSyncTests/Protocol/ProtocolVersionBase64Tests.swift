import Testing

@testable import ActiveSync

struct ProtocolVersionBase64Tests {
    @Test(arguments: [
        (UInt8(121), ProtocolVersion.v12_1), (140, .v14_0), (141, .v14_1), (160, .v16_0), (161, .v16_1),
    ])
    func versionByteIsMajorTimesTenPlusMinor(_ byte: UInt8, _ version: ProtocolVersion) {
        #expect(ProtocolVersion(base64Byte: byte) == version)
        #expect(version.base64Byte == byte)
    }

    @Test(arguments: [UInt8(0), 5, 9])
    func bytesBelowTenNameNoVersion(_ byte: UInt8) {
        #expect(ProtocolVersion(base64Byte: byte) == nil)
    }

    @Test(arguments: [
        ProtocolVersion(16, 10), ProtocolVersion(0, 5), ProtocolVersion(26, 0), ProtocolVersion(Int.max, 1),
    ])
    func versionsWithoutAByteFormGiveNil(_ version: ProtocolVersion) {
        #expect(version.base64Byte == nil)
    }
}
