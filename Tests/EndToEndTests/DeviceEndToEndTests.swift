import Foundation
import TernStore
import TernStoreSQLite
import TernTesting
import Testing

/// The `tern-device` binary against a `tern serve` process on loopback: the PIN the policy
/// asks for, the encrypted cache, push with `watch`, and edit and move seen by a second device.
@Suite struct DeviceEndToEndTests {
    static let pinPolicy = [
        ("DevicePasswordEnabled", "1"), ("MinDevicePasswordLength", "6"), ("AllowSimpleDevicePassword", "0"),
        ("MaxDevicePasswordFailedAttempts", "3"),
    ]

    @Test func aWeakPINIsRefusedAndTheDeviceAcknowledgesThePolicyOnlyOnceItHasAGoodOne() async throws {
        let server = try await ServeProcess(policy: Self.pinPolicy)
        defer { server.stop() }
        let setup = try await server.setUp("phone")
        #expect(setup.status == 4 && setup.saidOneLine, "\(setup)")
        #expect(
            setup.error.contains("requires a device PIN (at least 6 characters, no simple sequences)")
                && setup.error.contains("pin set"))
        let early = try await server.device("phone", ["sync"])
        #expect(early.status == 4 && early.error.contains("pin set"), "no PIN yet: \(early)")

        for weak in ["12345", "123456", "999999", "654321"] {
            let refused = try await server.device("phone", ["pin", "set", "--pin-stdin"], input: weak + "\n")
            #expect(refused.status == 4 && refused.saidOneLine, "\(weak): \(refused)")
            #expect(
                refused.error.hasPrefix("tern-device: PIN refused: the policy needs a PIN with "), "\(weak): \(refused)"
            )
        }
        let noPIN = try await server.device("phone", ["pin", "set"])
        #expect(
            noPIN.status == 2 && noPIN.error == "tern-device: no PIN: use --pin-stdin or set TERN_DEVICE_PIN\n",
            "never a prompt without a terminal")

        let set = try await server.device("phone", ["pin", "set", "--pin-stdin"], input: "271828\n")
        #expect(set.status == 0, "\(set)")
        let sync = try await server.device("phone", ["sync"])
        #expect(sync.status == 0 && sync.output.contains("Inbox: 0 added"), "the next command provisions: \(sync)")
        let status = try await server.device("phone", ["status", "--json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(status.output.utf8)) as? [String: Any])
        #expect(report["provisioned"] as? Bool == true)
        let listed = try server.tern(["device", "list"])
        #expect(listed.output.contains("provisioned"), "\(listed)")
    }

    @Test func threeWrongPINsEraseTheLocalData() async throws {
        let server = try await ServeProcess(policy: Self.pinPolicy)
        defer { server.stop() }
        _ = try server.deliver(subject: "Keep me", body: "A secret.")
        _ = try await server.setUp("phone")
        #expect(try await server.device("phone", ["pin", "set", "--pin-stdin"], input: "271828\n").status == 0)
        #expect(try await server.device("phone", ["sync"]).status == 0)
        #expect(try await server.device("phone", ["pin", "lock"]).status == 0)

        let locked = try await server.device("phone", ["ls", "Inbox"])
        #expect(
            locked.status == 4 && locked.error == "tern-device: the device is locked; run `tern-device pin unlock`\n",
            "\(locked)")
        let opened = try await server.device("phone", ["ls", "Inbox"], environment: ["TERN_DEVICE_PIN": "271828"])
        #expect(
            opened.status == 0 && opened.output.contains("Keep me"),
            "a locked device opens with $TERN_DEVICE_PIN: \(opened)")
        #expect(try await server.device("phone", ["pin", "lock"]).status == 0)
        let first = try await server.device("phone", ["pin", "unlock", "--pin-stdin"], input: "000001\n")
        #expect(
            first.status == 4 && first.error == "tern-device: wrong PIN (2 more wrong PINs erase the local data)\n",
            "\(first)")
        let second = try await server.device("phone", ["pin", "unlock", "--pin-stdin"], input: "000002\n")
        #expect(second.status == 4 && second.error.contains("1 more wrong PIN erases"), "\(second)")
        let cache = server.profile("phone").appending(path: "cache.sqlite")
        #expect(FileManager.default.fileExists(atPath: cache.path))
        let third = try await server.device("phone", ["pin", "unlock", "--pin-stdin"], input: "000003\n")
        #expect(third.status == 5 && third.saidOneLine && third.error.contains("3 wrong PINs in a row"), "\(third)")

        #expect(!FileManager.default.fileExists(atPath: cache.path), "the cache is gone")
        let profile = try String(contentsOf: server.profile("phone").appending(path: "profile.json"), encoding: .utf8)
        #expect(
            !profile.contains("sealedPassword") && !profile.contains("cacheKey"),
            "keys and password are gone: \(profile)")
        let after = try await server.device("phone", ["sync"])
        #expect(after.status == 5 && after.error.contains("too many wrong PINs"), "\(after)")
        let wipe = try await server.device("phone", ["wipe-status"])
        #expect(wipe.output.contains("too many wrong PINs"), "\(wipe)")
    }

    @Test func ternDeviceWipeErasesTheProfilesDataAndTheDeviceIsRefusedAfter() async throws {
        let server = try await ServeProcess()
        defer { server.stop() }
        #expect(try server.deliver(subject: "Before the wipe", body: "Soon gone.").status == 0)
        #expect(try await server.setUp("phone").status == 0)
        #expect(try await server.device("phone", ["sync"]).status == 0)
        let cache = server.profile("phone").appending(path: "cache.sqlite")
        #expect(FileManager.default.fileExists(atPath: cache.path))

        #expect(try server.tern(["device", "wipe", "anna", "phone"]).status == 0)
        let wiped = try await server.device("phone", ["sync"])
        #expect(wiped.status == 5 && wiped.saidOneLine, "the device obeys the wipe: \(wiped)")
        #expect(!FileManager.default.fileExists(atPath: cache.path), "the cache is gone")
        let profile = try String(contentsOf: server.profile("phone").appending(path: "profile.json"), encoding: .utf8)
        #expect(!profile.contains("sealedPassword"), "so is the password: \(profile)")
        #expect(try await server.device("phone", ["ls", "Inbox"]).status == 5, "nothing is left to list")

        // The server took the acknowledgement and refuses the device from now on.
        let listed = try server.tern(["device", "list"])
        #expect(listed.output.contains("wiped"), "\(listed)")
        let again = try await server.setUp("phone")
        #expect(
            again.status == 4 && again.error.contains("blocks this device"),
            "a wiped device is not let in again: \(again)")
    }

    @Test func theProfileFolderHoldsNoPlaintextOfASyncedMessage() async throws {
        let server = try await ServeProcess(policy: Self.pinPolicy)
        defer { server.stop() }
        let word = "quokka" + UUID().uuidString.prefix(8).lowercased()
        #expect(try server.deliver(subject: "About the \(word)", body: "The \(word) says hello.").status == 0)
        _ = try await server.setUp("phone")
        #expect(try await server.device("phone", ["pin", "set", "--pin-stdin"], input: "271828\n").status == 0)
        #expect(try await server.device("phone", ["sync"]).status == 0)
        let listed = try await server.device("phone", ["ls", "Inbox", "--json"])
        let items = try #require(try JSONSerialization.jsonObject(with: Data(listed.output.utf8)) as? [[String: Any]])
        let id = try #require(items.first?["id"] as? String)
        let shown = try await server.device("phone", ["show", id])
        #expect(shown.output.contains("The \(word) says hello."), "the cache holds the message: \(shown)")

        let files = try #require(
            FileManager.default.enumerator(at: server.profile("phone"), includingPropertiesForKeys: nil)
        )
        .compactMap { $0 as? URL }
        #expect(files.contains { $0.lastPathComponent == "cache.sqlite" })
        for file in files {
            let bytes = try Data(contentsOf: file)
            #expect(bytes.range(of: Data(word.utf8)) == nil, "\(file.lastPathComponent) holds the word in plain text")
            #expect(
                bytes.range(of: Data("secret".utf8)) == nil,
                "\(file.lastPathComponent) holds the password in plain text")
        }
    }

    /// Waits until a Ping of `deviceID` reached the server (it keeps the Ping's parameters as
    /// the device's `#ping` state), watching `folderID` when one is given.
    static func pingArrived(_ store: SQLiteStore, from deviceID: String, watching folderID: String? = nil) async
        -> Bool
    {
        await eventually {
            guard let anna = try? await store.user(login: "anna"),
                let device = try? await store.device(of: anna.id, deviceID: deviceID),
                let ping = try? await store.syncStates(of: device.id, collection: "#ping")
            else { return false }
            return folderID.map { String(decoding: ping.current.state, as: UTF8.self).contains("\"\($0)\"") } ?? true
        }
    }

    @Test func watchPrintsADeliveredMessageAsItArrives() async throws {
        let server = try await ServeProcess()
        defer { server.stop() }
        #expect(try await server.setUp("phone").status == 0)
        #expect(try await server.device("phone", ["sync"]).status == 0)

        let store = try SQLiteStore(dataDirectory: server.data)
        let started = Date()
        async let watched = server.device("phone", ["watch", "--count", "1", "--json", "--timeout", "60"])
        #expect(await Self.pingArrived(store, from: "phone"))
        #expect(try server.deliver(subject: "Pushed", body: "Right away.").status == 0)
        let outcome = try await watched
        #expect(outcome.status == 0, "\(outcome)")
        #expect(Date().timeIntervalSince(started) < 50, "watch returned on the change, not on its timeout")
        let lines = outcome.output.split(separator: "\n")
        #expect(lines.count == 1, "\(outcome)")
        let change = try #require(
            try JSONSerialization.jsonObject(with: Data((lines.first ?? "").utf8)) as? [String: Any])
        #expect(
            change["change"] as? String == "added" && change["title"] as? String == "Pushed"
                && change["class"] as? String == "Email")

        // A new folder ends the Ping with Status 7 (or answers it so at once, were it not held
        // yet); watch runs FolderSync and watches the new folder too.
        async let followed = server.device("phone", ["watch", "--count", "1", "--json", "--timeout", "60"])
        let anna = try #require(try await store.user(login: "anna"))
        let projects = try await store.createFolder(
            of: anna.id, parentServerID: "0", displayName: "Projects", type: .userCreatedTasks)
        #expect(await Self.pingArrived(store, from: "phone", watching: projects.serverID))
        _ = try await store.addItem(.task(TaskItem(subject: "Plan the launch")), to: projects.id)
        let next = try await followed
        let task = try #require(
            try JSONSerialization.jsonObject(with: Data(next.output.utf8)) as? [String: Any], "\(next)")
        #expect(
            task["title"] as? String == "Plan the launch" && task["folder"] as? String == projects.serverID, "\(next)")

        let quiet = try await server.device("phone", ["watch", "--timeout", "2"])
        #expect(quiet.status == 0 && quiet.output.isEmpty, "a timeout with no change prints nothing: \(quiet)")
    }

    /// A started `sync` or `watch` asks for every folder it already knows in one Sync request,
    /// so a device run again and again (as when debugging from a terminal) stays under the
    /// server's 60 quiet requests a minute; one request a folder would be 10 each time.
    @Test func aDeviceRunAgainAndAgainIsNotTakenForALoop() async throws {
        let server = try await ServeProcess()
        defer { server.stop() }
        #expect(try await server.setUp("phone").status == 0)
        for _ in 0..<8 {
            let synced = try await server.device("phone", ["sync"])
            #expect(synced.status == 0 && synced.output.contains("Inbox: 0 added"), "\(synced)")
        }
        let quiet = try await server.device("phone", ["watch", "--timeout", "1"])
        #expect(quiet.status == 0 && quiet.output.isEmpty, "\(quiet)")
        #expect(try server.deliver(subject: "Still here", body: "Not blocked.").status == 0)
        let synced = try await server.device("phone", ["sync"])
        #expect(synced.output.contains("Inbox: 1 added"), "\(synced)")
    }

    @Test func anEditAndAMoveOnOneDeviceReachTheOther() async throws {
        let server = try await ServeProcess()
        defer { server.stop() }
        _ = try server.deliver(subject: "Move me", body: "To the bin.")
        #expect(try await server.setUp("phone").status == 0)
        #expect(try await server.setUp("tablet").status == 0)
        let added = try await server.device("phone", ["add", "task", "--subject", "Draft", "--json"])
        let task = try #require(try JSONSerialization.jsonObject(with: Data(added.output.utf8)) as? [String: Any])
        let taskID = try #require(task["id"] as? String)
        #expect(try await server.device("phone", ["sync"]).status == 0)
        #expect(try await server.device("tablet", ["sync"]).status == 0)

        let edited = try await server.device("phone", ["edit", taskID, "--subject", "Final", "--complete"])
        #expect(edited.status == 0 && edited.output == "Changed \(taskID): Final\n", "\(edited)")
        let wrong = try await server.device("phone", ["edit", taskID, "--first", "Ada"])
        #expect(
            wrong.status == 2 && wrong.error == "tern-device: --first does not apply to tasks item \"\(taskID)\"\n",
            "\(wrong)")

        let inbox = try await server.device("phone", ["ls", "Inbox", "--json"])
        let mail = try #require(
            (try JSONSerialization.jsonObject(with: Data(inbox.output.utf8)) as? [[String: Any]])?.first?["id"]
                as? String)
        let moved = try await server.device("phone", ["move", mail, "Deleted Items"])
        #expect(moved.status == 0 && moved.output.hasPrefix("Moved \(mail) to Deleted Items as "), "\(moved)")

        let synced = try await server.device("tablet", ["sync"])
        #expect(synced.output.contains("Tasks: 0 added, 1 changed, 0 deleted"), "\(synced)")
        #expect(
            synced.output.contains("Inbox: 0 added, 0 changed, 1 deleted")
                && synced.output.contains("Deleted Items: 1 added"), "\(synced)")
        let shown = try await server.device("tablet", ["show", taskID])
        #expect(shown.output.contains("Subject:  Final") || shown.output.contains("Final"), "\(shown)")
        #expect(try await server.device("tablet", ["ls", "Deleted Items"]).output.contains("Move me"))
    }

    @Test func sendReachesALocalUserAndSaysWhyItCannotReachAnOutsideOne() async throws {
        let server = try await ServeProcess()
        defer { server.stop() }
        #expect(try await server.setUp("phone").status == 0)
        let local = try await server.device(
            "phone", ["send", "--to", "anna@tern.example", "--subject", "Note to self"], input: "Hello.\n")
        #expect(local.status == 0, "\(local)")
        let synced = try await server.device("phone", ["sync"])
        #expect(synced.output.contains("Inbox: 1 added") && synced.output.contains("Sent Items: 1 added"), "\(synced)")
        let inbox = try await server.device("phone", ["ls", "Inbox", "--json"])
        let note = try #require(
            (try JSONSerialization.jsonObject(with: Data(inbox.output.utf8)) as? [[String: Any]])?.first?["id"]
                as? String)
        let replied = try await server.device("phone", ["reply", note], input: "Agreed.\n")
        #expect(replied.status == 0 && replied.output == "Replied to anna@tern.example.\n", "\(replied)")
        let forwarded = try await server.device(
            "phone", ["forward", note, "--to", "anna@tern.example"], input: "FYI\n")
        #expect(forwarded.status == 0, "\(forwarded)")
        #expect(try await server.device("phone", ["sync"]).output.contains("Inbox: 2 added"))
        let subjects = try await server.device("phone", ["ls", "Inbox"]).output
        #expect(subjects.contains("Re: Note to self") && subjects.contains("Fwd: Note to self"), "\(subjects)")
        let outside = try await server.device(
            "phone", ["send", "--to", "bob@example.org", "--subject", "Hi"], input: "Hello.\n")
        #expect(
            outside.status == 1
                && outside.error
                    == "tern-device: the server did not send the message: a recipient is not on this server and it has no relay (SendMail Status 116)\n",
            "\(outside)")
    }

    @Test func searchFindsOldMailAndLookupFindsColleaguesWithTheirPhotos() async throws {
        let server = try await ServeProcess()
        defer { server.stop() }
        #expect(try await server.setUp("phone").status == 0)
        for (subject, body) in [("Ferry times", "The ferry to Zürich leaves at nine."), ("Lunch", "Pizza?")] {
            #expect(try server.deliver(subject: subject, body: body).status == 0)
        }
        let found = try await server.device("phone", ["search", "zurich", "--json"])
        let hits = try #require(try JSONSerialization.jsonObject(with: Data(found.output.utf8)) as? [[String: Any]])
        #expect(found.status == 0 && hits.map { $0["subject"] as? String } == ["Ferry times"], "\(found)")
        #expect((hits.first?["longID"] as? String)?.contains("/") == true)
        #expect(try server.tern(["index", "rebuild"]).output == "indexed 2 messages\n")
        #expect(try await server.device("phone", ["search", "pizza"]).output.contains("Lunch"))

        let added = try server.tern(
            [
                "user", "add", "mschmidt", "--email", "maria@tern.example", "--display-name", "Maria Schmidt",
                "--password-stdin",
            ],
            input: Array("pw\n".utf8))
        #expect(added.status == 0, "\(added)")
        let photo = server.folder.url.appending(path: "maria.jpg")
        try Data([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]).write(to: photo)
        #expect(
            try server.tern(["user", "photo", "mschmidt", photo.path]).output == "photo of mschmidt set (7 bytes)\n")
        let notAPhoto = server.folder.url.appending(path: "notes.txt")
        try Data("hello".utf8).write(to: notAPhoto)
        let refused = try server.tern(["user", "photo", "mschmidt", notAPhoto.path])
        #expect(refused.status == 1 && refused.error == "tern: the photo is neither JPEG nor PNG\n", "\(refused)")
        let people = try await server.device("phone", ["lookup", "schm"])
        #expect(
            people.status == 0 && people.output.contains("Maria Schmidt")
                && people.output.contains("maria@tern.example"))
        let nobody = try await server.device("phone", ["lookup", "zebra", "--json"])
        let listed = try JSONSerialization.jsonObject(with: Data(nobody.output.utf8)) as? [Any]
        #expect(nobody.status == 0 && listed?.isEmpty == true, "\(nobody)")
    }
}
