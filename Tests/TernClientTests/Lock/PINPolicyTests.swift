import TernClient
import Testing

/// The PIN rules of MS-ASPROV 2.2.2.27 as `pin set` applies them.
@Suite struct PINPolicyTests {
    static let strict = PINPolicy([
        PolicySetting(name: "DevicePasswordEnabled", value: "1"),
        PolicySetting(name: "MinDevicePasswordLength", value: "6"),
        PolicySetting(name: "AlphanumericDevicePasswordRequired", value: "1"),
        PolicySetting(name: "MinDevicePasswordComplexCharacters", value: "3"),
        PolicySetting(name: "AllowSimpleDevicePassword", value: "0"),
        PolicySetting(name: "MaxDevicePasswordFailedAttempts", value: "8"),
        PolicySetting(name: "MaxInactivityTimeDeviceLock", value: "900"),
    ])

    @Test(arguments: [
        ("1234", true), ("4321", true), ("1111", true), ("abcd", true), ("DCBA", true), ("1357", false),
        ("1123", false), ("7", false),
    ])
    func simpleSequencesAreRunsAndRepeats(pin: String, simple: Bool) {
        #expect(PINQuality(pin).isSimple == simple)
    }

    @Test(arguments: [
        ("abc12", "at least 6 characters"),
        ("123456789", "letters and digits"),
        ("abcdef12", "3 of lower case, upper case, digits and symbols"),
        ("abcdef", "letters and digits, 3 of lower case, upper case, digits and symbols, no simple sequence"),
    ])
    func aPINThatBreaksThePolicySaysWhy(pin: String, wanted: String) {
        let violation = Self.strict.violation(of: PINQuality(pin))
        #expect(violation?.hasPrefix("the policy needs a PIN with ") == true)
        #expect(violation?.contains(wanted) == true, "\(violation ?? "nil")")
    }

    @Test func aPINThatMeetsThePolicyPasses() {
        #expect(Self.strict.violation(of: PINQuality("Tern2026x")) == nil)
        #expect(Self.strict.maximumFailedAttempts == 8 && Self.strict.inactivityLock == 900)
    }

    @Test func withoutDevicePasswordEnabledAnyNonEmptyPINWill() {
        let lax = PINPolicy([
            PolicySetting(name: "DevicePasswordEnabled", value: "0"),
            PolicySetting(name: "MinDevicePasswordLength", value: "8"),
        ])
        #expect(!lax.required && lax.violation(of: PINQuality("1")) == nil)
        #expect(lax.violation(of: PINQuality("")) == "the PIN is empty")
        #expect(lax.summary == "no PIN required")
    }

    @Test func noLimitIsZeroOrAbsent() {
        let policy = PINPolicy([
            PolicySetting(name: "DevicePasswordEnabled", value: "1"),
            PolicySetting(name: "MaxDevicePasswordFailedAttempts", value: "0"),
            PolicySetting(name: "MaxInactivityTimeDeviceLock", value: "9999"),
        ])
        #expect(policy.maximumFailedAttempts == nil && policy.inactivityLock == nil && policy.minimumLength == 1)
    }
}
