import TernStore

extension DevicePolicy {
    /// The PIN and device rules in sentences for the console's policy page, as a device
    /// enforces them (MS-ASPROV 2.2.2: DevicePasswordEnabled and the settings it switches on).
    var rulesInWords: [String] {
        var rules: [String] = []
        if devicePasswordEnabled {
            var pin = "Devices must be locked with a PIN of at least \(minDevicePasswordLength) characters"
            if alphanumericDevicePasswordRequired {
                pin +=
                    " made of letters and digits, using at least \(minDevicePasswordComplexCharacters) of the four "
                    + "groups lower case, upper case, digits and symbols."
            } else {
                pin += "; digits alone are enough."
            }
            rules.append(pin)
            rules.append(
                allowSimpleDevicePassword
                    ? "Simple PINs such as 1111 or 1234 are allowed."
                    : "Simple PINs such as 1111 or 1234 are refused.")
            rules.append(
                maxDevicePasswordFailedAttempts.map { "After \($0) wrong PINs in a row the device wipes itself." }
                    ?? "Wrong PINs never make the device wipe itself.")
            rules.append(
                devicePasswordExpiration.map { "The PIN must be changed every \($0) days." } ?? "The PIN never expires."
            )
            if devicePasswordHistory > 0 {
                rules.append("The last \(devicePasswordHistory) PINs cannot be used again.")
            }
        } else {
            rules.append("Devices need no PIN.")
        }
        rules.append(
            maxInactivityTimeDeviceLock.map { "The device locks after \(Self.duration($0)) without use." }
                ?? "No time is set after which the device must lock.")
        rules.append(
            requireDeviceEncryption
                ? "The device must encrypt its storage." : "The device need not encrypt its storage.")
        if !attachmentsEnabled {
            rules.append("Attachments are not downloaded to devices.")
        } else if let maxAttachmentSize {
            rules.append("Attachments up to \(maxAttachmentSize) bytes are downloaded to devices.")
        } else {
            rules.append("Attachments of any size are downloaded to devices.")
        }
        return rules
    }

    /// `5 minutes`, `90 seconds`.
    private static func duration(_ seconds: Int) -> String {
        if seconds % 60 == 0 { return seconds == 60 ? "1 minute" : "\(seconds / 60) minutes" }
        return seconds == 1 ? "1 second" : "\(seconds) seconds"
    }
}
