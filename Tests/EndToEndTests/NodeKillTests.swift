import Foundation
import TernTesting
import Testing

/// A node killed with SIGKILL in the middle of a device's Sync, on two nodes sharing one
/// PostgreSQL database: the device sends the same request to the other node, as a phone does
/// when its connection breaks, and ends with every item it added exactly once.
@Suite(.enabled(if: postgresRequested))
struct NodeKillTests {
    static let contactCount = 200

    /// A device speaking the XML form over curl to whichever node it is pointed at.
    struct RawDevice {
        var endpoint: String
        var policyKey = "0"

        /// POSTs `command` with an XML body; the status and the body as text.
        func post(_ command: String, _ xml: String, timeout: Int = 30) throws -> (status: Int, body: String) {
            let curl = try #require(ChildProcess.onPath("curl"))
            let url =
                "\(endpoint)/Microsoft-Server-ActiveSync?Cmd=\(command)&User=anna&DeviceId=killphone&DeviceType=Test"
            let result = try ChildProcess(
                curl,
                [
                    "-s", "-m", String(timeout), "-w", "\n%{http_code}", "-u", "anna:secret", "-H",
                    "MS-ASProtocolVersion: 14.1", "-H", "Content-Type: text/xml", "-H", "X-MS-PolicyKey: \(policyKey)",
                    "--data-binary", "@-", url,
                ]
            ).run(standardInput: Array(xml.utf8))
            let text = String(decoding: result.standardOutput, as: UTF8.self)
            let status = Int(text.split(separator: "\n").last ?? "") ?? 0
            return (status, String(text.dropLast(String(status).count + 1)))
        }

        /// The text of the first `<name>` in `body`.
        static func value(_ name: String, in body: String) -> String? {
            guard let open = body.range(of: "<\(name)>"),
                let close = body.range(of: "</\(name)>", range: open.upperBound..<body.endIndex)
            else { return nil }
            return String(body[open.upperBound..<close.lowerBound])
        }

        mutating func provision() throws {
            let policies = """
                <Policies><Policy><PolicyType>MS-EAS-Provisioning-WBXML</PolicyType></Policy></Policies>
                """
            let first = try post(
                "Provision", "<?xml version=\"1.0\"?><Provision xmlns=\"Provision:\">\(policies)</Provision>")
            let temporary = try #require(Self.value("PolicyKey", in: first.body), "\(first)")
            policyKey = temporary
            let second = try post(
                "Provision",
                """
                <?xml version="1.0"?><Provision xmlns="Provision:"><Policies><Policy>\
                <PolicyType>MS-EAS-Provisioning-WBXML</PolicyType><PolicyKey>\(temporary)</PolicyKey>\
                <Status>1</Status></Policy></Policies></Provision>
                """)
            policyKey = try #require(Self.value("PolicyKey", in: second.body), "\(second)")
        }
    }

    static func sync(key: String, collection: String, adds: Range<Int>? = nil) -> String {
        let commands = adds.map { range in
            "<Commands>"
                + range.map { index in
                    "<Add><ClientId>c\(index)</ClientId><ApplicationData><contacts:FileAs>Contact \(index)</contacts:FileAs>"
                        + "<contacts:FirstName>Number\(index)</contacts:FirstName></ApplicationData></Add>"
                }.joined() + "</Commands>"
        }
        return """
            <?xml version="1.0"?><Sync xmlns="AirSync:" xmlns:contacts="Contacts:"><Collections><Collection>\
            <SyncKey>\(key)</SyncKey><CollectionId>\(collection)</CollectionId>\
            \(adds == nil ? "" : "<GetChanges>0</GetChanges>")\(commands ?? "")</Collection></Collections></Sync>
            """
    }

    @Test func aNodeKilledDuringASyncLosesAndDuplicatesNothingWhenTheDeviceResendsToTheOther() async throws {
        let database = try TwoNodeTests.Database()
        defer { database.drop() }
        let folder = try TemporaryDirectory("tern-kill")
        defer { folder.remove() }
        #expect(
            try TwoNodeTests.tern(
                ["user", "add", "anna", "--email", "anna@tern.example", "--password-stdin"], database: database,
                input: "secret\n"
            ).status == 0)
        let a = try TwoNodeTests.Node(database: database, folder: folder, name: "a")
        let b = try TwoNodeTests.Node(database: database, folder: folder, name: "b")
        defer { b.stop() }

        var device = RawDevice(endpoint: a.endpoint)
        try device.provision()
        let folders = try device.post(
            "FolderSync",
            "<?xml version=\"1.0\"?><FolderSync xmlns=\"FolderHierarchy:\"><SyncKey>0</SyncKey></FolderSync>")
        let contacts = try #require(
            folders.body.firstMatch(
                of:
                    /<ServerId>([^<]+)<\/ServerId>\s*<ParentId>[^<]*<\/ParentId>\s*<DisplayName>[^<]*<\/DisplayName>\s*<Type>9<\/Type>/
            )
            .map { String($0.1) }, "\(folders)")
        let first = try device.post("Sync", Self.sync(key: "0", collection: contacts))
        let key = try #require(RawDevice.value("SyncKey", in: first.body), "\(first)")

        // The Adds go to A, which is killed while it works on them (or just after): the device
        // never hears an answer and sends the same request to B.
        let request = Self.sync(key: key, collection: contacts, adds: 0..<Self.contactCount)
        let toA = device
        async let cut = Task.detached { try? toA.post("Sync", request) }.value
        try await Task.sleep(for: .milliseconds(150))
        kill(a.process.processIdentifier, SIGKILL)
        a.process.waitUntilExit()
        _ = await cut

        device.endpoint = b.endpoint
        let resent = try device.post("Sync", request)
        #expect(resent.status == 200, "\(resent)")
        #expect(
            resent.body.matches(of: /<Add>\s*<ClientId>/).count == Self.contactCount,
            "every Add answered by B, as new or as the resend of what A committed")
        #expect(RawDevice.value("SyncKey", in: resent.body) != nil, "\(resent)")
        let stored = try Self.contactsStored(database)
        #expect(stored == Self.contactCount, "\(stored) contacts stored")
    }

    /// How many contacts the database holds.
    static func contactsStored(_ database: TwoNodeTests.Database) throws -> Int {
        let psql = try #require(ChildProcess.onPath("psql"))
        let result = try ChildProcess(
            psql, ["-tA", database.url, "-c", "SELECT count(*) FROM items WHERE class = 'Contacts'"]
        ).run()
        return Int(
            String(decoding: result.standardOutput, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
            ?? -1
    }
}
