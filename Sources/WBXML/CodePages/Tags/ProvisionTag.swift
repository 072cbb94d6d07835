// Written from `CodePage.provision` by TagConstantTests; do not edit by hand.

/// The tags of code page 14, Provision, as constants: a misspelt tag does not compile.
public enum ProvisionTag {
    /// `Provision:Provision`
    public static let provision = WBXMLTag(known: 14, 0x05)
    /// `Provision:Policies`
    public static let policies = WBXMLTag(known: 14, 0x06)
    /// `Provision:Policy`
    public static let policy = WBXMLTag(known: 14, 0x07)
    /// `Provision:PolicyType`
    public static let policyType = WBXMLTag(known: 14, 0x08)
    /// `Provision:PolicyKey`
    public static let policyKey = WBXMLTag(known: 14, 0x09)
    /// `Provision:Data`
    public static let data = WBXMLTag(known: 14, 0x0A)
    /// `Provision:Status`
    public static let status = WBXMLTag(known: 14, 0x0B)
    /// `Provision:RemoteWipe`
    public static let remoteWipe = WBXMLTag(known: 14, 0x0C)
    /// `Provision:EASProvisionDoc`
    public static let easProvisionDoc = WBXMLTag(known: 14, 0x0D)
    /// `Provision:DevicePasswordEnabled`
    public static let devicePasswordEnabled = WBXMLTag(known: 14, 0x0E)
    /// `Provision:AlphanumericDevicePasswordRequired`
    public static let alphanumericDevicePasswordRequired = WBXMLTag(known: 14, 0x0F)
    /// `Provision:RequireStorageCardEncryption`
    public static let requireStorageCardEncryption = WBXMLTag(known: 14, 0x10)
    /// `Provision:PasswordRecoveryEnabled`
    public static let passwordRecoveryEnabled = WBXMLTag(known: 14, 0x11)
    /// `Provision:AttachmentsEnabled`
    public static let attachmentsEnabled = WBXMLTag(known: 14, 0x13)
    /// `Provision:MinDevicePasswordLength`
    public static let minDevicePasswordLength = WBXMLTag(known: 14, 0x14)
    /// `Provision:MaxInactivityTimeDeviceLock`
    public static let maxInactivityTimeDeviceLock = WBXMLTag(known: 14, 0x15)
    /// `Provision:MaxDevicePasswordFailedAttempts`
    public static let maxDevicePasswordFailedAttempts = WBXMLTag(known: 14, 0x16)
    /// `Provision:MaxAttachmentSize`
    public static let maxAttachmentSize = WBXMLTag(known: 14, 0x17)
    /// `Provision:AllowSimpleDevicePassword`
    public static let allowSimpleDevicePassword = WBXMLTag(known: 14, 0x18)
    /// `Provision:DevicePasswordExpiration`
    public static let devicePasswordExpiration = WBXMLTag(known: 14, 0x19)
    /// `Provision:DevicePasswordHistory`
    public static let devicePasswordHistory = WBXMLTag(known: 14, 0x1A)
    /// `Provision:AllowStorageCard`
    public static let allowStorageCard = WBXMLTag(known: 14, 0x1B)
    /// `Provision:AllowCamera`
    public static let allowCamera = WBXMLTag(known: 14, 0x1C)
    /// `Provision:RequireDeviceEncryption`
    public static let requireDeviceEncryption = WBXMLTag(known: 14, 0x1D)
    /// `Provision:AllowUnsignedApplications`
    public static let allowUnsignedApplications = WBXMLTag(known: 14, 0x1E)
    /// `Provision:AllowUnsignedInstallationPackages`
    public static let allowUnsignedInstallationPackages = WBXMLTag(known: 14, 0x1F)
    /// `Provision:MinDevicePasswordComplexCharacters`
    public static let minDevicePasswordComplexCharacters = WBXMLTag(known: 14, 0x20)
    /// `Provision:AllowWiFi`
    public static let allowWiFi = WBXMLTag(known: 14, 0x21)
    /// `Provision:AllowTextMessaging`
    public static let allowTextMessaging = WBXMLTag(known: 14, 0x22)
    /// `Provision:AllowPOPIMAPEmail`
    public static let allowPOPIMAPEmail = WBXMLTag(known: 14, 0x23)
    /// `Provision:AllowBluetooth`
    public static let allowBluetooth = WBXMLTag(known: 14, 0x24)
    /// `Provision:AllowIrDA`
    public static let allowIrDA = WBXMLTag(known: 14, 0x25)
    /// `Provision:RequireManualSyncWhenRoaming`
    public static let requireManualSyncWhenRoaming = WBXMLTag(known: 14, 0x26)
    /// `Provision:AllowDesktopSync`
    public static let allowDesktopSync = WBXMLTag(known: 14, 0x27)
    /// `Provision:MaxCalendarAgeFilter`
    public static let maxCalendarAgeFilter = WBXMLTag(known: 14, 0x28)
    /// `Provision:AllowHTMLEmail`
    public static let allowHTMLEmail = WBXMLTag(known: 14, 0x29)
    /// `Provision:MaxEmailAgeFilter`
    public static let maxEmailAgeFilter = WBXMLTag(known: 14, 0x2A)
    /// `Provision:MaxEmailBodyTruncationSize`
    public static let maxEmailBodyTruncationSize = WBXMLTag(known: 14, 0x2B)
    /// `Provision:MaxEmailHTMLBodyTruncationSize`
    public static let maxEmailHTMLBodyTruncationSize = WBXMLTag(known: 14, 0x2C)
    /// `Provision:RequireSignedSMIMEMessages`
    public static let requireSignedSMIMEMessages = WBXMLTag(known: 14, 0x2D)
    /// `Provision:RequireEncryptedSMIMEMessages`
    public static let requireEncryptedSMIMEMessages = WBXMLTag(known: 14, 0x2E)
    /// `Provision:RequireSignedSMIMEAlgorithm`
    public static let requireSignedSMIMEAlgorithm = WBXMLTag(known: 14, 0x2F)
    /// `Provision:RequireEncryptionSMIMEAlgorithm`
    public static let requireEncryptionSMIMEAlgorithm = WBXMLTag(known: 14, 0x30)
    /// `Provision:AllowSMIMEEncryptionAlgorithmNegotiation`
    public static let allowSMIMEEncryptionAlgorithmNegotiation = WBXMLTag(known: 14, 0x31)
    /// `Provision:AllowSMIMESoftCerts`
    public static let allowSMIMESoftCerts = WBXMLTag(known: 14, 0x32)
    /// `Provision:AllowBrowser`
    public static let allowBrowser = WBXMLTag(known: 14, 0x33)
    /// `Provision:AllowConsumerEmail`
    public static let allowConsumerEmail = WBXMLTag(known: 14, 0x34)
    /// `Provision:AllowRemoteDesktop`
    public static let allowRemoteDesktop = WBXMLTag(known: 14, 0x35)
    /// `Provision:AllowInternetSharing`
    public static let allowInternetSharing = WBXMLTag(known: 14, 0x36)
    /// `Provision:UnapprovedInROMApplicationList`
    public static let unapprovedInROMApplicationList = WBXMLTag(known: 14, 0x37)
    /// `Provision:ApplicationName`
    public static let applicationName = WBXMLTag(known: 14, 0x38)
    /// `Provision:ApprovedApplicationList`
    public static let approvedApplicationList = WBXMLTag(known: 14, 0x39)
    /// `Provision:Hash`
    public static let hash = WBXMLTag(known: 14, 0x3A)
    /// `Provision:AccountOnlyRemoteWipe`
    public static let accountOnlyRemoteWipe = WBXMLTag(known: 14, 0x3B)
}
