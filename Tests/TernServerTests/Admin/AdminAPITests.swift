import Foundation
import TernStore
import TernStoreSQLite
import TernTesting
import Testing

/// `/admin/api/v1` over a real socket: each route once with success and once refused.
@Suite(.serialized)
struct AdminAPITests {
    static let token = "test-admin-token-0123456789"

    private func call(
        _ server: RunningServer, _ method: String, _ path: String, json: String? = nil, token: String = token
    ) async throws -> RunningServer.HTTPReply {
        var headers = ["Authorization": "Bearer \(token)"]
        if json != nil { headers["Content-Type"] = "application/json" }
        return try await server.send(
            method, "/admin/api/v1" + path, headers: headers, body: json.map { Array($0.utf8) })
    }

    @Test func withoutAConfiguredTokenTheAPIDoesNotExist() async throws {
        try await RunningServer.with { server async throws in
            #expect(try await call(server, "GET", "/users").status == 404)
        }
    }

    @Test func aWrongOrMissingTokenIs401() async throws {
        try await RunningServer.with(adminToken: Self.token) { server in
            let wrong = try await call(server, "GET", "/users", token: "test-admin-token-0123456788")
            #expect(wrong.status == 401)
            #expect(wrong.headers["www-authenticate"] == "Bearer realm=\"Tern admin\"")
            #expect(wrong.error == "a valid bearer token is required")
            #expect(try await server.send("GET", "/admin/api/v1/users").status == 401)
            #expect(try await call(server, "GET", "/users", token: String(Self.token.dropLast())).status == 401)
        }
    }

    @Test func usersAreListedCreatedRekeyedAndRemoved() async throws {
        try await RunningServer.with(adminToken: Self.token) { server in
            let listed = try await call(server, "GET", "/users")
            #expect(listed.status == 200 && listed.headers["content-type"] == "application/json")
            let users = try #require(try listed.json() as? [[String: Any]])
            #expect(users.map { $0["login"] as? String } == ["anna"])
            #expect(users.first?["emailAddresses"] as? [String] == ["anna@tern.example"])
            #expect((users.first?["createdAt"] as? String)?.hasSuffix("Z") == true, "ISO 8601 dates")
            #expect(users.first?["passwordHash"] == nil)

            let created = try await call(
                server, "POST", "/users",
                json:
                    #"{"login": "bruno", "password": "other", "displayName": "Bruno", "addresses": ["bruno@tern.example"]}"#
            )
            #expect(created.status == 201, "\(created.text)")
            #expect(created.field("displayName") as? String == "Bruno")
            let taken = try await call(server, "POST", "/users", json: #"{"login": "bruno", "password": "x"}"#)
            #expect(taken.status == 409 && taken.error == "user bruno already exists")
            let badAddress = try await call(
                server, "POST", "/users", json: #"{"login": "carla", "password": "x", "addresses": ["carla"]}"#)
            #expect(badAddress.status == 400 && badAddress.error == "carla is not an email address")
            let missing = try await call(server, "POST", "/users", json: #"{"login": "carla"}"#)
            #expect(missing.status == 400 && missing.error == #"missing "password""#)
            #expect(try await call(server, "POST", "/users", json: "{").error == "not valid JSON")

            let before = try #require(try await server.store.user(login: "anna")).passwordHash
            #expect(
                try await call(server, "PUT", "/users/anna/password", json: #"{"password": "new secret"}"#).status
                    == 204)
            #expect(try await server.store.user(login: "anna")?.passwordHash != before)
            #expect(try await call(server, "PUT", "/users/nobody/password", json: #"{"password": "x"}"#).status == 404)

            #expect(try await call(server, "DELETE", "/users/bruno").status == 204)
            #expect(try await server.store.user(login: "bruno") == nil)
            let gone = try await call(server, "DELETE", "/users/bruno")
            #expect(gone.status == 404 && gone.error == "no user bruno")
        }
    }

    @Test func anAdminWipeReachesTheDeviceAtItsNextFolderSync() async throws {
        try await RunningServer.with(adminToken: Self.token) { server in
            let key = try await server.provision()
            let devices = try await call(server, "GET", "/devices?user=anna")
            let listed = try #require(try devices.json() as? [[String: Any]])
            #expect(listed.count == 1)
            #expect(listed.first?["deviceID"] as? String == "ApplF17XK2QJ" && listed.first?["wipe"] == nil)
            #expect(
                Set(listed.first?.keys.map { $0 } ?? []) == [
                    "user", "deviceID", "deviceType", "protocolVersion", "firstSeen", "lastSeen", "policy", "blocked",
                ])
            let policy = try #require(listed.first?["policy"] as? [String: Any])
            #expect(policy["state"] as? String == "provisioned" && policy["version"] is Int)
            let lastSeen = try #require(listed.first?["lastSeen"] as? String)
            #expect(lastSeen.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/) != nil, "ISO 8601, not \(lastSeen)")
            #expect(try await call(server, "GET", "/devices?user=nobody").status == 404)

            let wipe = try await call(
                server, "POST", "/users/anna/devices/ApplF17XK2QJ/wipe", json: #"{"accountOnly": false}"#)
            let pending = try #require(wipe.field("wipe") as? [String: Any])
            #expect(
                wipe.status == 200 && pending["state"] as? String == "pending"
                    && pending["accountOnly"] as? Bool == false)
            #expect(pending["requestedAt"] is String && pending["wipedAt"] == nil)
            #expect(try await call(server, "POST", "/users/anna/devices/NoSuchDevice/wipe").status == 404)
            let next = try await server.post("FolderSync", body: RunningServer.folderSync("0"), policyKey: key)
            #expect(next.text("Status") == "140")
        }
    }

    @Test func blockAndAllowChangeTheDevice() async throws {
        try await RunningServer.with(adminToken: Self.token) { server in
            _ = try await server.provision()
            let blocked = try await call(server, "POST", "/users/anna/devices/ApplF17XK2QJ/block")
            #expect(blocked.status == 200 && blocked.field("blocked") as? Bool == true)
            #expect(try await server.store.device(of: server.user.id, deviceID: "ApplF17XK2QJ")?.isBlocked == true)
            #expect(try await call(server, "POST", "/users/nobody/devices/ApplF17XK2QJ/block").status == 404)

            let allowed = try await call(server, "POST", "/users/anna/devices/ApplF17XK2QJ/allow")
            let policy = try #require(allowed.field("policy") as? [String: Any])
            #expect(allowed.status == 200 && policy["state"] as? String == "notProvisioned")
            #expect(try await call(server, "POST", "/users/anna/devices/NoSuchDevice/allow").status == 404)
            let fresh = try await server.provision()
            #expect(
                try await server.post("FolderSync", body: RunningServer.folderSync("0"), policyKey: fresh).text(
                    "Status") == "1")
        }
    }

    /// A removed device is forgotten with its pending wipe: its next request is refused as a
    /// device never provisioned (142), and its Provision brings the policy, no wipe.
    @Test func aRemovedDeviceProvisionsAfreshWithNoWipe() async throws {
        try await RunningServer.with(adminToken: Self.token) { server in
            let key = try await server.provision()
            _ = try await call(server, "POST", "/users/anna/devices/ApplF17XK2QJ/wipe")
            let removed = try await call(server, "DELETE", "/users/anna/devices/ApplF17XK2QJ")
            #expect(removed.status == 204)
            #expect(try await server.store.device(of: server.user.id, deviceID: "ApplF17XK2QJ") == nil)
            #expect(try await call(server, "DELETE", "/users/anna/devices/ApplF17XK2QJ").status == 404)
            #expect(
                try await server.post("FolderSync", body: RunningServer.folderSync("0"), policyKey: key).text("Status")
                    == "142")
            let phase1 = try await server.post("Provision", body: RunningServer.provisionRequest())
            #expect(phase1.text("PolicyKey") != nil && phase1.elements("RemoteWipe").isEmpty)
        }
    }

    /// After a resync the device's keys are forgotten: FolderSync answers 9 and Sync 3, and
    /// from key 0 it gets everything again.
    @Test func aResyncedDeviceStartsOverFromKeyZero() async throws {
        try await RunningServer.with(adminToken: Self.token) { server in
            let device = try await server.session()
            let folders = try await device.send("FolderSync", RunningServer.folderSync("0"))
            let hierarchyKey = try #require(folders.text("SyncKey"))
            _ = try await MailDelivery(store: server.store).deliver(
                Array("Subject: kept\r\n\r\nx\r\n".utf8), to: "anna@tern.example")
            let (inboxKey, _) = try await SyncOverHTTPTests.drain(
                device, key: try await SyncOverHTTPTests.start(device, collection: "1"), collection: "1")

            #expect(try await call(server, "POST", "/users/anna/devices/ApplF17XK2QJ/resync").status == 204)
            #expect(try await call(server, "POST", "/users/anna/devices/NoSuchDevice/resync").status == 404)
            #expect(try await device.send("FolderSync", RunningServer.folderSync(hierarchyKey)).text("Status") == "9")
            #expect(
                try await device.send("Sync", SyncOverHTTPTests.syncBody(key: inboxKey, collection: "1")).text("Status")
                    == "3")
            let (_, again) = try await SyncOverHTTPTests.drain(
                device, key: try await SyncOverHTTPTests.start(device, collection: "1"), collection: "1")
            #expect(again.flatMap { $0.elements("Add") }.count == 1)
        }
    }

    @Test func thePolicyIsShownAndSetByItsProvisionDocNames() async throws {
        try await RunningServer.with(adminToken: Self.token) { server in
            let shown = try #require(try await call(server, "GET", "/policy").json() as? [String: Any])
            #expect(shown["version"] as? Int == 0 && shown["isUserOverride"] as? Bool == false)
            #expect((shown["settings"] as? [String: String])?["MinDevicePasswordLength"] == "4")
            #expect(try await call(server, "GET", "/policy?user=nobody").status == 404)

            let set = try await call(
                server, "PUT", "/policy?user=anna",
                json: #"{"settings": {"MinDevicePasswordLength": "6", "DevicePasswordEnabled": "1"}}"#)
            #expect(set.status == 200, "\(set.text)")
            let policy = try await server.store.effectivePolicy(for: server.user.id)
            #expect(
                policy.isUserOverride && policy.policy.minDevicePasswordLength == 6
                    && policy.policy.devicePasswordEnabled)
            #expect(try await server.store.defaultPolicy().version == 0)

            let badKey = try await call(server, "PUT", "/policy", json: #"{"settings": {"PinLength": "6"}}"#)
            #expect(badKey.status == 400 && badKey.error?.hasPrefix("unknown policy setting PinLength") == true)
            #expect(try await server.store.defaultPolicy().version == 0, "nothing is stored when a setting is refused")
        }
    }

    @Test func aBodyOver1MiBIsRefusedWith413() async throws {
        try await RunningServer.with(adminToken: Self.token) { server async throws in
            let huge = #"{"settings": {"x": ""# + String(repeating: "y", count: 1 << 20) + #""}}"#
            #expect(try await call(server, "PUT", "/policy", json: huge).status == 413)
        }
    }
}
