import Foundation
import Testing

@testable import ActiveSync

/// Keys handed out in order, so tests can name them.
private struct Keys {
    var next: [UInt32]
    mutating func take() -> UInt32 { next.removeFirst() }
}

struct ProvisioningMachineTests {
    @Test func twoPhaseProvisioningEndsWithAFinalKeyForTheCurrentPolicy() {
        var machine = ProvisioningMachine(provisioning: .unprovisioned, wipe: .none)
        var keys = Keys(next: [0, 1111, 2222])
        #expect(
            machine.policyRequested(accountOnlyWipeSupported: true) { keys.take() } == .policy(temporaryKey: 1111),
            "0 is never a key")
        #expect(machine.provisioning == .temporaryKey(1111))
        #expect(
            machine.policyAcknowledged(key: 1111, status: 1, policyVersion: 7) { keys.take() }
                == .provisioned(key: 2222))
        #expect(machine.provisioning == .provisioned(key: 2222, policyVersion: 7))
    }

    @Test func acknowledgingAKeyThatWasNotIssuedIsRefused() {
        var machine = ProvisioningMachine(provisioning: .temporaryKey(1111), wipe: .none)
        #expect(machine.policyAcknowledged(key: 9999, status: 1, policyVersion: 1) { 5 } == .wrongKeyAcknowledged)
        #expect(machine.provisioning == .temporaryKey(1111))
        var fresh = ProvisioningMachine(provisioning: .unprovisioned, wipe: .none)
        #expect(fresh.policyAcknowledged(key: 1111, status: 1, policyVersion: 1) { 5 } == .wrongKeyAcknowledged)
    }

    @Test func aDeviceThatCannotApplyThePolicyStaysUnprovisioned() {
        var machine = ProvisioningMachine(provisioning: .temporaryKey(1111), wipe: .none)
        #expect(machine.policyAcknowledged(key: 1111, status: 2, policyVersion: 1) { 5 } == .policyRejected(status: 2))
        #expect(machine.provisioning == .unprovisioned)
    }

    @Test func aPendingWipeIsSentInsteadOfThePolicyAndItsAcknowledgementRecorded() {
        let requested = Date(timeIntervalSince1970: 1_790_000_000)
        var machine = ProvisioningMachine(
            provisioning: .provisioned(key: 2222, policyVersion: 1), wipe: .requested(accountOnly: true, at: requested))
        #expect(machine.policyRequested(accountOnlyWipeSupported: true) { 3333 } == .remoteWipe(accountOnly: true))
        let acknowledged = requested.addingTimeInterval(30)
        #expect(machine.wipeAcknowledged(status: 1, at: acknowledged, accountOnlyWipeSupported: true) == .wipeRecorded)
        #expect(machine.wipe == .acknowledged(accountOnly: true, requestedAt: requested, acknowledgedAt: acknowledged))
        #expect(machine.provisioning == .unprovisioned)
    }

    @Test func anAccountOnlyWipeOfAnOlderDeviceIsSentAndRecordedAsAFullWipe() {
        let requested = Date(timeIntervalSince1970: 1_790_000_000)
        var machine = ProvisioningMachine(
            provisioning: .provisioned(key: 2222, policyVersion: 1), wipe: .requested(accountOnly: true, at: requested))
        #expect(machine.policyRequested(accountOnlyWipeSupported: false) { 3333 } == .remoteWipe(accountOnly: false))
        let acknowledged = requested.addingTimeInterval(30)
        #expect(machine.wipeAcknowledged(status: 1, at: acknowledged, accountOnlyWipeSupported: false) == .wipeRecorded)
        #expect(machine.wipe == .acknowledged(accountOnly: false, requestedAt: requested, acknowledgedAt: acknowledged))
    }

    @Test func anEmptyProvisionGetsThePendingWipeOrNothing() {
        let requested = Date(timeIntervalSince1970: 1_790_000_000)
        let pending = ProvisioningMachine(
            provisioning: .provisioned(key: 2222, policyVersion: 1), wipe: .requested(accountOnly: true, at: requested))
        #expect(pending.emptyRequested(accountOnlyWipeSupported: true) == .remoteWipe(accountOnly: true))
        #expect(pending.emptyRequested(accountOnlyWipeSupported: false) == .remoteWipe(accountOnly: false))
        let clean = ProvisioningMachine(provisioning: .provisioned(key: 2222, policyVersion: 1), wipe: .none)
        #expect(clean.emptyRequested(accountOnlyWipeSupported: true) == .noWipePending)
    }

    @Test func aFailedWipeStaysPendingAndIsSentAgain() {
        let requested = Date(timeIntervalSince1970: 1_790_000_000)
        var machine = ProvisioningMachine(
            provisioning: .provisioned(key: 2222, policyVersion: 1), wipe: .requested(accountOnly: false, at: requested)
        )
        #expect(
            machine.wipeAcknowledged(status: 2, at: requested, accountOnlyWipeSupported: true)
                == .wipeFailed(accountOnly: false))
        #expect(machine.wipe == .requested(accountOnly: false, at: requested))
    }
}

struct DeviceAccessTests {
    static let provisioned = ProvisionState.provisioned(key: 2222, policyVersion: 3)

    @Test(arguments: [
        (
            DeviceAccess(provisioning: provisioned, wipe: .none, isBlocked: false, currentPolicyVersion: 3),
            UInt32?(2222), DeviceAccess.Decision.allow
        ),
        (
            DeviceAccess(provisioning: .unprovisioned, wipe: .none, isBlocked: false, currentPolicyVersion: 3), nil,
            .refuse(.deviceNotProvisioned, legacyHTTPStatus: 449)
        ),
        (
            DeviceAccess(provisioning: provisioned, wipe: .none, isBlocked: false, currentPolicyVersion: 3), nil,
            .refuse(.deviceNotProvisioned, legacyHTTPStatus: 449)
        ),
        (
            DeviceAccess(provisioning: provisioned, wipe: .none, isBlocked: false, currentPolicyVersion: 3), 0,
            .refuse(.deviceNotProvisioned, legacyHTTPStatus: 449)
        ),
        (
            DeviceAccess(provisioning: .temporaryKey(1111), wipe: .none, isBlocked: false, currentPolicyVersion: 3),
            1111, .refuse(.deviceNotProvisioned, legacyHTTPStatus: 449)
        ),
        (
            DeviceAccess(provisioning: provisioned, wipe: .none, isBlocked: false, currentPolicyVersion: 3), 9999,
            .refuse(.invalidPolicyKey, legacyHTTPStatus: 449)
        ),
        (
            DeviceAccess(provisioning: provisioned, wipe: .none, isBlocked: false, currentPolicyVersion: 4), 2222,
            .refuse(.policyRefresh, legacyHTTPStatus: 449)
        ),
        (
            DeviceAccess(
                provisioning: provisioned, wipe: .requested(accountOnly: false, at: .distantPast), isBlocked: false,
                currentPolicyVersion: 3), 2222, .refuse(.remoteWipeRequested, legacyHTTPStatus: 449)
        ),
        (
            DeviceAccess(
                provisioning: .unprovisioned,
                wipe: .acknowledged(accountOnly: false, requestedAt: .distantPast, acknowledgedAt: .distantPast),
                isBlocked: false, currentPolicyVersion: 3), 2222,
            .refuse(.deviceIsBlockedForThisUser, legacyHTTPStatus: 403)
        ),
        (
            DeviceAccess(provisioning: provisioned, wipe: .none, isBlocked: true, currentPolicyVersion: 3), 2222,
            .refuse(.deviceIsBlockedForThisUser, legacyHTTPStatus: 403)
        ),
    ])
    func onlyADeviceHoldingTheCurrentKeyGetsData(
        _ access: DeviceAccess, _ key: UInt32?, _ expected: DeviceAccess.Decision
    ) {
        #expect(access.decide(policyKey: key) == expected)
    }
}
