extension CodePage {
    /// Code page 11, ValidateCert (MS-ASWBXML 2.1.2.1.12).
    ///
    /// The table spells 0x09 "CheckCRL"; the ValidateCertRequest schema
    /// (MS-ASCMD 6.47) names the element "CheckCrl".
    static let validateCert = CodePage(
        11, "ValidateCert",
        [
            ("ValidateCert", 0x05),
            ("Certificates", 0x06),
            ("Certificate", 0x07),
            ("CertificateChain", 0x08),
            ("CheckCRL", 0x09),
            ("Status", 0x0A),
        ])
}
