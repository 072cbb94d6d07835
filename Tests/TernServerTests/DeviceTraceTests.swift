import ActiveSync
import Foundation
import TernAdmin
import TernServer
import TernStore
import TernStoreSQLite
import TernTesting
import Testing
import WBXML

/// `tern device trace`: a traced device's decoded requests and responses land in its file,
/// passwords masked always, message content unless asked for.
@Suite struct DeviceTraceTests {
    static func devicePassword(_ password: String) -> WBXMLElement {
        WBXMLElement(
            SettingsTag.settings,
            elements: [
                WBXMLElement(
                    SettingsTag.devicePassword,
                    elements: [
                        WBXMLElement(SettingsTag.set, elements: [WBXMLElement(SettingsTag.password, text: password)])
                    ])
            ])
    }

    static func sendMail(_ body: String) -> WBXMLElement {
        ComposeMailRequest(
            clientID: "trace-\(body.count)",
            mime: Array("To: anna@tern.example\r\nSubject: Traced\r\n\r\n\(body)\r\n".utf8)
        ).element
    }

    @Test func aTracedDeviceSyncIsInItsFileWithPasswordsAndBodiesMasked() async throws {
        let traces = try TemporaryDirectory("tern-traces")
        defer { traces.remove() }
        let server = try await RunningServer(tuning: { $0.traceDirectory = traces.path })
        defer { Task { await server.stop() } }
        let phone = try await server.session()
        let file = traces.url.appending(path: "anna-\(phone.deviceID).log")
        _ = try await phone.send("FolderSync", RunningServer.folderSync("0"))
        #expect(!FileManager.default.fileExists(atPath: file.path))

        try await Administration(store: server.store).trace(login: "anna", deviceID: phone.deviceID, .masked)
        _ = try await phone.send("FolderSync", RunningServer.folderSync("0"))
        _ = try await phone.send("Settings", Self.devicePassword("r3covery-code"))
        _ = try await phone.send("SendMail", Self.sendMail("the quarterly numbers"))
        _ = try await SyncOverHTTPTests.start(phone, collection: "1")
        let masked = try String(contentsOf: file, encoding: .utf8)
        #expect(masked.contains("FolderSync (14.1) request") && masked.contains("<FolderSync"))
        #expect(masked.contains("<Sync") && masked.contains("<DevicePassword>"))
        #expect(masked.contains("(masked, 13 bytes)"))
        #expect(!masked.contains("r3covery-code") && !masked.contains("quarterly") && !masked.contains("secret"))
        let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)

        try await Administration(store: server.store).trace(login: "anna", deviceID: phone.deviceID, .bodies)
        _ = try await phone.send("SendMail", Self.sendMail("the annual numbers"))
        _ = try await phone.send("Settings", Self.devicePassword("an0ther-code"))
        let withBodies = try String(contentsOf: file, encoding: .utf8)
        #expect(!withBodies.contains("an0ther-code"))
        #expect(Data(withBodies.utf8).count > Data(masked.utf8).count)

        try await Administration(store: server.store).trace(login: "anna", deviceID: phone.deviceID, nil)
        let before = try Data(contentsOf: file)
        _ = try await phone.send("FolderSync", RunningServer.folderSync("0"))
        #expect(try Data(contentsOf: file) == before)
    }
}
