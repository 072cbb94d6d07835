import ActiveSync
import Foundation
import TernStore
import TernStoreSQLite
import TernTesting
import Testing
import WBXML

/// A device's life over a real socket: discovery, refusal before provisioning, two-phase
/// Provision, FolderSync, a remote wipe from the admin CLI, and the way back after `allow`.
@Suite(.serialized)
struct ServerLifecycleTests {
    static let tern = ChildProcess.builtProduct("tern")

    @Test func optionsAdvertisesTheVersionsAndCommands() async throws {
        let server = try await RunningServer()
        let headers = try await server.options()
        await server.stop()
        #expect(headers["ms-asprotocolversions"] == "12.1,14.0,14.1,16.0,16.1")
        #expect(headers["ms-asprotocolcommands"]?.contains("Provision") == true)
        #expect(headers["ms-asprotocolcommands"]?.contains("FolderSync") == true)
    }

    @Test func theFullLifecycleFromProvisioningToWipeAndBack() async throws {
        let server = try await RunningServer()
        do {
            // Unauthenticated and wrong passwords get 401 with a challenge.
            let anonymous = try await server.post("FolderSync", body: RunningServer.folderSync("0"), password: nil)
            #expect(anonymous.status == 401)
            #expect(anonymous.headers["www-authenticate"] == "Basic realm=\"Tern\"")
            #expect(
                try await server.post("FolderSync", body: RunningServer.folderSync("0"), password: "wrong").status
                    == 401)

            // Before provisioning: 14.1 gets Status 142, 12.1 gets HTTP 449, and no folders.
            let early = try await server.post("FolderSync", body: RunningServer.folderSync("0"))
            #expect(early.status == 200 && early.text("Status") == "142" && early.text("DisplayName") == nil)
            #expect(
                try await server.post("FolderSync", body: RunningServer.folderSync("0"), version: "12.1").status == 449)

            // Two-phase Provision; the policy document carries the policy.
            let phase1 = try await server.post("Provision", body: RunningServer.provisionRequest())
            #expect(phase1.text("DevicePasswordEnabled") == "0")
            let key = try await server.provision()
            #expect(
                try await server.post("FolderSync", body: RunningServer.folderSync("0"), policyKey: key &+ 1).text(
                    "Status") == "144")

            // FolderSync with the key: the default folders, then nothing new with the new key.
            let folders = try await server.post("FolderSync", body: RunningServer.folderSync("0"), policyKey: key)
            #expect(folders.text("Status") == "1")
            #expect(folders.text("Count") == String(Folder.defaultSet.count))
            let syncKey = try #require(folders.text("SyncKey"))
            let again = try await server.post("FolderSync", body: RunningServer.folderSync(syncKey), policyKey: key)
            #expect(again.text("Count") == "0")
            #expect(
                try await server.post("FolderSync", body: RunningServer.folderSync("garbage"), policyKey: key).text(
                    "Status") == "9")

            // A folder created on the server is an Add for the device.
            _ = try await server.store.createFolder(
                of: server.user.id, parentServerID: "0", displayName: "Projects", type: .userCreatedMail)
            let added = try await server.post("FolderSync", body: RunningServer.folderSync(syncKey), policyKey: key)
            #expect(added.text("Count") == "1" && added.text("DisplayName") == "Projects")

            // The admin wipes the device with the CLI; the next request is refused with 140.
            let wipe = try ChildProcess(
                Self.tern, ["device", "wipe", "anna", "ApplF17XK2QJ", "--data", server.directory.path]
            ).run()
            #expect(wipe.status == 0, "\(wipe.standardError)")
            #expect(
                try await server.post("FolderSync", body: RunningServer.folderSync(syncKey), policyKey: key).text(
                    "Status") == "140")
            let wipeOrder = try await server.post("Provision", body: RunningServer.provisionRequest(), policyKey: key)
            #expect(wipeOrder.body?.elements.contains { $0.tag == ProvisionTag.remoteWipe } == true)
            #expect(wipeOrder.text("PolicyKey") == nil, "no policy is sent to a device being wiped")
            #expect(
                try await server.post("Provision", body: RunningServer.wipeAcknowledgement(), policyKey: key).text(
                    "Status") == "1")
            let device = try #require(try await server.store.device(of: server.user.id, deviceID: "ApplF17XK2QJ"))
            guard case .acknowledged = device.wipe else {
                Issue.record("the wipe acknowledgement was not recorded")
                return
            }

            // Wiped: refused from then on, even after provisioning attempts, until allowed.
            #expect(
                try await server.post("FolderSync", body: RunningServer.folderSync("0"), policyKey: key).text("Status")
                    == "129")
            #expect(
                try await server.post(
                    "FolderSync", body: RunningServer.folderSync("0"), version: "12.1", policyKey: key
                ).status == 403)
            let allow = try ChildProcess(
                Self.tern, ["device", "allow", "anna", "ApplF17XK2QJ", "--data", server.directory.path]
            ).run()
            #expect(allow.status == 0)
            let fresh = try await server.provision()
            #expect(
                try await server.post("FolderSync", body: RunningServer.folderSync("0"), policyKey: fresh).text(
                    "Status") == "1")
        } catch {
            Issue.record("\(error)")
        }
        await server.stop()
    }

    @Test func xmlRequestsAreAnsweredInXMLAndDTDsAreRefused() async throws {
        let server = try await RunningServer()
        do {
            let key = try await server.provision(version: "16.1")
            let xml =
                #"<?xml version="1.0" encoding="utf-8"?><FolderSync xmlns="FolderHierarchy:"><SyncKey>0</SyncKey></FolderSync>"#
            let reply = try await server.post("FolderSync", version: "16.1", policyKey: key, xml: xml)
            #expect(reply.headers["content-type"]?.hasPrefix("text/xml") == true)
            #expect(reply.text("Status") == "1")
            let hostile =
                #"<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><FolderSync xmlns="FolderHierarchy:"><SyncKey>&e;</SyncKey></FolderSync>"#
            #expect(try await server.post("FolderSync", version: "16.1", policyKey: key, xml: hostile).status == 400)
            let invalid =
                #"<FolderSync xmlns="FolderHierarchy:"><SyncKey>0</SyncKey><DisplayName>x</DisplayName></FolderSync>"#
            #expect(try await server.post("FolderSync", version: "16.1", policyKey: key, xml: invalid).status == 400)
        } catch {
            Issue.record("\(error)")
        }
        await server.stop()
    }
}
