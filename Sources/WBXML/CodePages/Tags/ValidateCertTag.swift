// Written from `CodePage.validateCert` by TagConstantTests; do not edit by hand.

/// The tags of code page 11, ValidateCert, as constants: a misspelt tag does not compile.
public enum ValidateCertTag {
    /// `ValidateCert:ValidateCert`
    public static let validateCert = WBXMLTag(known: 11, 0x05)
    /// `ValidateCert:Certificates`
    public static let certificates = WBXMLTag(known: 11, 0x06)
    /// `ValidateCert:Certificate`
    public static let certificate = WBXMLTag(known: 11, 0x07)
    /// `ValidateCert:CertificateChain`
    public static let certificateChain = WBXMLTag(known: 11, 0x08)
    /// `ValidateCert:CheckCRL`
    public static let checkCRL = WBXMLTag(known: 11, 0x09)
    /// `ValidateCert:Status`
    public static let status = WBXMLTag(known: 11, 0x0A)
}
