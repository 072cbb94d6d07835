import ActiveSync
import Foundation
import TernAdmin
import TernServer
import TernStore
import TernStoreSQLite
import TernTesting
import Testing
import WBXML

/// Provision as MS-ASPROV has a device do it, with the request bytes a device sends (encoded
/// by libwbxml's `xml2wbxml -a -n`, not by Tern).
@Suite struct ProvisionConformanceTests {
    /// `<Provision xmlns="Provision:"/>`: what a device sends after Status 140 (3.1.5.1.1).
    static let emptyProvision: [UInt8] = [0x03, 0x01, 0x6A, 0x00, 0x00, 0x0E, 0x05]
    /// `<Provision><RemoteWipe><Status>2</Status></RemoteWipe></Provision>`: the wipe failed.
    static let failedWipeAcknowledgement: [UInt8] = [
        0x03, 0x01, 0x6A, 0x00, 0x00, 0x0E, 0x45, 0x4C, 0x4B, 0x03, 0x32, 0x00, 0x01, 0x01, 0x01,
    ]

    static func requestWipe(_ server: RunningServer, accountOnly: Bool = false) async throws {
        var device = try #require(try await server.store.device(of: server.user.id, deviceID: "ApplF17XK2QJ"))
        device.wipe = .requested(accountOnly: accountOnly, at: Date())
        _ = try await server.store.saveDevice(device)
    }

    static func wipeElement(of reply: RunningServer.Reply) -> String? {
        reply.body?.elements.first { $0.tag.name.hasSuffix("RemoteWipe") }?.tag.name
    }

    @Test(arguments: [
        ("12.1", false, "RemoteWipe"), ("14.1", false, "RemoteWipe"), ("16.1", true, "AccountOnlyRemoteWipe"),
        ("14.1", true, "RemoteWipe"),
    ])
    func anEmptyProvisionAfterTheWipeStatusGetsTheWipe(version: String, accountOnly: Bool, expected: String)
        async throws
    {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let key = try await server.provision(version: version)
        try await Self.requestWipe(server, accountOnly: accountOnly)

        let refused = try await server.post(
            "FolderSync", body: RunningServer.folderSync("0"), version: version, policyKey: key)
        if version == "12.1" { #expect(refused.status == 449) } else { #expect(refused.text("Status") == "140") }

        let order = try await server.post("Provision", version: version, policyKey: 0, rawBody: Self.emptyProvision)
        #expect(order.status == 200)
        #expect(order.text("Status") == "1")
        #expect(Self.wipeElement(of: order) == expected)
        #expect(order.text("PolicyKey") == nil)
    }

    @Test func anEmptyProvisionWithNoWipePendingIsABareSuccess() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        _ = try await server.provision()
        let reply = try await server.post("Provision", policyKey: 0, rawBody: Self.emptyProvision)
        #expect(reply.status == 200)
        #expect(reply.body?.elements.map(\.tag.name) == ["Status"])
        #expect(reply.text("Status") == "1")
        let device = try #require(try await server.store.device(of: server.user.id, deviceID: "ApplF17XK2QJ"))
        #expect(device.wipe == .none)
    }

    static func provision(_ children: [WBXMLElement]) -> WBXMLElement {
        WBXMLElement(ProvisionTag.provision, elements: children)
    }

    static func policy(_ fields: KeyValuePairs<String, String>) -> WBXMLElement {
        WBXMLElement(
            ProvisionTag.policies,
            elements: [
                WBXMLElement(
                    ProvisionTag.policy,
                    elements: fields.map { WBXMLElement(WBXMLTag("Provision", $0.key), text: $0.value) })
            ])
    }

    /// MS-ASPROV 2.2.2.54 and 3.1.5.2, as Microsoft's protocol tests (S03) check them.
    @Test(arguments: ["12.1", "14.1", "16.1"])
    func malformedUnknownAndOutOfOrderProvisionRequestsGetTheirStatuses(version: String) async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        func send(_ body: WBXMLElement) async throws -> RunningServer.Reply {
            try await server.post("Provision", body: body, version: version, policyKey: 0)
        }
        let bare = try await send(
            Self.provision([
                WBXMLElement(
                    ProvisionTag.policy,
                    elements: [WBXMLElement(ProvisionTag.policyType, text: "MS-EAS-Provisioning-WBXML")])
            ]))
        #expect(bare.text("Status") == "2", "a Policy outside Policies is a protocol error")
        let unknown = try await send(Self.provision([Self.policy(["PolicyType": "MS-WAP-Provisioning-XML"])]))
        #expect(
            unknown.elements("Status").compactMap(\.text) == ["1", "3"], "an unknown PolicyType is Policy Status 3")
        let early = try await send(
            Self.provision([
                Self.policy(["PolicyType": "MS-EAS-Provisioning-WBXML", "PolicyKey": "12345", "Status": "1"])
            ]))
        #expect(
            early.elements("Status").compactMap(\.text) == ["1", "5"],
            "acknowledging a key never given is Policy Status 5")

        let phase1 = try await send(RunningServer.provisionRequest())
        let temporary = try #require(phase1.text("PolicyKey"))
        let partial = try await send(
            Self.provision([
                Self.policy(["PolicyType": "MS-EAS-Provisioning-WBXML", "PolicyKey": temporary, "Status": "2"])
            ]))
        if version == "12.1" {
            #expect(
                partial.text("PolicyKey") == nil, "12.1 has no status for a device that cannot comply; it gets no key")
        } else {
            #expect(partial.text("Status") == "139", "a device that cannot comply with the policy")
        }
        let device = try #require(try await server.store.device(of: server.user.id, deviceID: "ApplF17XK2QJ"))
        #expect(device.provisioning == .unprovisioned)
    }

    @Test func aFailedWipeIsAnsweredWithStatusTwoAndTheWipeAgain() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        _ = try await server.provision()
        try await Self.requestWipe(server)
        let reply = try await server.post("Provision", policyKey: 0, rawBody: Self.failedWipeAcknowledgement)
        #expect(reply.text("Status") == "2")
        #expect(Self.wipeElement(of: reply) == "RemoteWipe")
        let device = try #require(try await server.store.device(of: server.user.id, deviceID: "ApplF17XK2QJ"))
        guard case .requested = device.wipe else {
            Issue.record("a failed wipe must stay pending, not \(device.wipe)")
            return
        }
        #expect(device.wipeFailedAt != nil, "the failure is recorded for the admin")
        let listed = try await Administration(store: server.store).devices(of: "anna")
        #expect(listed.first?.wipe?.state == .pending && listed.first?.wipe?.failedAt == device.wipeFailedAt)
        // Asked again, the device still gets the wipe.
        #expect(
            Self.wipeElement(of: try await server.post("Provision", policyKey: 0, rawBody: Self.emptyProvision))
                == "RemoteWipe")
    }
}
