import ActiveSync
import TernStore
import TernStoreSQLite
import TernTesting
import Testing
import WBXML

/// Settings over a real socket: DeviceInformation, UserInformation, Oof and DevicePassword,
/// in WBXML and XML, for 12.1, 14.1 and 16.1.
@Suite struct SettingsTests {
    static let settings = RequestBuilder(namespace: "Settings")

    static func element(_ name: String, _ children: [WBXMLElement]) -> WBXMLElement {
        WBXMLElement(WBXMLTag("Settings", name), elements: children)
    }
    static func element(_ name: String, text: String) -> WBXMLElement {
        WBXMLElement(WBXMLTag("Settings", name), text: text)
    }

    @Test(arguments: FolderHierarchyTests.combinations)
    func deviceInformationIsRecordedAndUserInformationFollowsTheVersion(version: String, form: RunningServer.Form)
        async throws
    {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let phone = try await server.session(version: version, form: form)
        let reply = try await phone.send(
            "Settings",
            Self.element(
                "Settings",
                [
                    Self.element(
                        "DeviceInformation",
                        [
                            Self.settings.element(
                                "Set",
                                [
                                    "Model": "iPhone16,2", "IMEI": "356938035643809", "FriendlyName": "Anna's phone",
                                    "OS": "iOS 18.1",
                                    "OSLanguage": "en-GB", "PhoneNumber": "+441234567890",
                                    "UserAgent": "Apple-iPhone16C2/2201.1", "MobileOperator": "Tern Mobile",
                                ])
                        ]),
                    Self.element("UserInformation", [Self.element("Get", [])]),
                ]))
        #expect(reply.status == 200)
        #expect(reply.body?.elements.map(\.tag.name) == ["Status", "DeviceInformation", "UserInformation"])
        #expect(reply.elements("Status").compactMap(\.text) == ["1", "1", "1"])
        let device = try #require(try await server.store.device(of: server.user.id, deviceID: phone.deviceID))
        #expect(device.information.model == "iPhone16,2")
        #expect(device.information.friendlyName == "Anna's phone")
        #expect(device.information.mobileOperator == "Tern Mobile")

        #expect(reply.elements("SMTPAddress").compactMap(\.text) == ["anna@tern.example"])
        if version == "12.1" {
            #expect(reply.elements("Accounts").isEmpty)
            #expect(reply.elements("PrimarySmtpAddress").isEmpty)
        } else {
            #expect(reply.text("UserDisplayName") == "Anna")
            #expect(reply.text("PrimarySmtpAddress") == "anna@tern.example")
        }
    }

    @Test(arguments: FolderHierarchyTests.combinations)
    func outOfOfficeIsStoredPerUser(version: String, form: RunningServer.Form) async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let phone = try await server.session(version: version, form: form)
        let get = Self.element("Settings", [Self.element("Oof", [Self.settings.element("Get", ["BodyType": "Text"])])])
        let before = try await phone.send("Settings", get)
        #expect(before.text("OofState") == "0")

        let set = try await phone.send(
            "Settings",
            Self.element(
                "Settings",
                [
                    Self.element(
                        "Oof",
                        [
                            Self.element(
                                "Set",
                                [
                                    Self.element("OofState", text: "2"),
                                    Self.element("StartTime", text: "2026-12-20T08:00:00.000Z"),
                                    Self.element("EndTime", text: "2027-01-04T08:00:00.000Z"),
                                    Self.element(
                                        "OofMessage",
                                        [
                                            Self.element("AppliesToInternal", []), Self.element("Enabled", text: "1"),
                                            Self.element("ReplyMessage", text: "Away until 4 January."),
                                            Self.element("BodyType", text: "Text"),
                                        ]),
                                ])
                        ])
                ]))
        #expect(set.elements("Status").compactMap(\.text) == ["1", "1"])

        let after = try await phone.send("Settings", get)
        #expect(after.text("OofState") == "2")
        #expect(after.text("StartTime") == "2026-12-20T08:00:00.000Z")
        #expect(after.text("EndTime") == "2027-01-04T08:00:00.000Z")
        #expect(after.text("ReplyMessage") == "Away until 4 January.")
        #expect(after.elements("AppliesToInternal").count == 1)
        #expect(after.elements("AppliesToExternalUnknown").isEmpty)
        let stored = try await server.store.outOfOffice(of: server.user.id)
        #expect(stored.messages[.internal]?.isEnabled == true)
    }

    @Test func badRequestsGetSettingsStatuses() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let phone = try await server.session()
        let windowless = try await phone.send(
            "Settings",
            Self.element(
                "Settings",
                [
                    Self.element(
                        "Oof",
                        [
                            Self.element(
                                "Set",
                                [
                                    Self.element("OofState", text: "2")
                                ])
                        ])
                ]))
        #expect(windowless.elements("Status").compactMap(\.text) == ["1", "2"], "time-based without a window")
        #expect(try await server.store.outOfOffice(of: server.user.id).state == .disabled, "nothing half-applied")
        let unknownState = try await phone.send(
            "Settings",
            Self.element(
                "Settings",
                [
                    Self.element(
                        "Oof",
                        [
                            Self.element(
                                "Set",
                                [
                                    Self.element("OofState", text: "9")
                                ])
                        ])
                ]))
        #expect(unknownState.elements("Status").compactMap(\.text) == ["1", "5"])
        let empty = try await phone.send("Settings", Self.element("Settings", []))
        #expect(empty.text("Status") == "2")
    }

    /// MS-ASCMD 2.2.1.18: a request that cannot be processed gets Status 2 and no property
    /// responses, and nothing of it is applied.
    @Test(arguments: [
        ("DevicePassword", [Self.element("Set", [])]),
        ("DeviceInformation", [Self.element("Set", [])]),
        ("DeviceInformation", []),
        ("Oof", []),
        ("UserInformation", []),
    ])
    func anIncompleteSetOrGetIsStatus2WithNoPropertyResponse(property: String, content: [WBXMLElement]) async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let phone = try await server.session()
        let reply = try await phone.send(
            "Settings",
            Self.element(
                "Settings",
                [
                    Self.element("Oof", [Self.element("Set", [Self.element("OofState", text: "1")])]),
                    Self.element(property, content),
                ]))
        #expect(reply.body?.elements.map(\.tag.name) == ["Status"])
        #expect(reply.text("Status") == "2")
        #expect(try await server.store.outOfOffice(of: server.user.id).state == .disabled, "nothing applied")
    }

    @Test func devicePasswordIsRecorded() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let phone = try await server.session(version: "16.1")
        let reply = try await phone.send(
            "Settings",
            Self.element(
                "Settings",
                [
                    Self.element("DevicePassword", [Self.settings.element("Set", ["Password": "recover-7351"])])
                ]))
        #expect(reply.elements("Status").compactMap(\.text) == ["1", "1"])
        let device = try #require(try await server.store.device(of: server.user.id, deviceID: phone.deviceID))
        #expect(device.recoveryPassword == "recover-7351")
        #expect(device.recoveryPasswordSetAt != nil)
    }
}
