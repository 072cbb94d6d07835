import ActiveSync
import Foundation
import TernStore
import TernStoreSQLite
import TernTesting
import Testing
import WBXML

/// Find (MS-ASCMD 2.2.1.2, 16.1) over a real socket: mailbox and GAL.
@Suite struct FindTests {
    static func mailbox(
        _ text: String, range: String = "0-99", searchID: String? = "9B6F2A4C-1D3E-4F5A-8B7C-0D1E2F3A4B5C"
    )
        -> WBXMLElement
    {
        find(
            searchID: searchID,
            criterion: WBXMLElement(
                FindTag.mailBoxSearchCriterion,
                elements: [
                    WBXMLElement(
                        FindTag.query,
                        elements: [
                            WBXMLElement(AirSyncTag.`class`, text: "Email"), WBXMLElement(FindTag.freeText, text: text),
                        ]),
                    WBXMLElement(
                        FindTag.options,
                        elements: [WBXMLElement(FindTag.range, text: range), WBXMLElement(FindTag.deepTraversal)]),
                ]))
    }

    static func find(searchID: String?, criterion: WBXMLElement) -> WBXMLElement {
        var children: [WBXMLElement] = []
        if let searchID { children.append(WBXMLElement(FindTag.searchId, text: searchID)) }
        children.append(WBXMLElement(FindTag.executeSearch, elements: [criterion]))
        return WBXMLElement(FindTag.find, elements: children)
    }

    @Test func mailIsFoundWithItsListPropertiesAndPeopleInTheGAL() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let inbox = try await SearchTests.folder(.inbox, of: server)
        let item = try await server.store.addItem(
            try SearchTests.email("Ferry", body: "The ferry leaves from pier nine.", from: "Bob <bob@example.org>"),
            to: inbox.id)
        _ = try await server.store.addItem(try SearchTests.email("Other", body: "nothing here"), to: inbox.id)
        _ = try await GALSearchTests.addColleagues(server)
        let phone = try await server.session(deviceID: "Find161", version: "16.1")
        let reply = try await phone.send("Find", Self.mailbox("from:bob pier"))
        #expect(reply.elements("Status").map(\.text) == ["1", "1"])
        #expect(reply.text("ServerId") == item.serverID && reply.text("CollectionId") == inbox.serverID)
        #expect(reply.text("Subject") == "Ferry" && reply.text("DisplayTo") == "anna@tern.example")
        #expect(reply.text("Preview") == "The ferry leaves from pier nine." && reply.text("HasAttachments") == "0")
        #expect(reply.text("Range") == "0-0" && reply.text("Total") == "1" && reply.text("Store") == "Mailbox")

        let people = try await phone.send(
            "Find",
            Self.find(
                searchID: "9B6F2A4C-1D3E-4F5A-8B7C-0D1E2F3A4B5D",
                criterion: WBXMLElement(
                    FindTag.galSearchCriterion,
                    elements: [
                        WBXMLElement(FindTag.query, text: "schm"),
                        WBXMLElement(FindTag.options, elements: [WBXMLElement(FindTag.range, text: "0-0")]),
                    ])))
        #expect(people.elements("DisplayName").map(\.text) == ["Jörg Schmitz"] && people.text("Total") == "2")
    }

    @Test func aRangeNotFromZeroAndAMalformedFindGetTheirStatuses() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let phone = try await server.session(deviceID: "Find161", version: "16.1")
        let moved = try await phone.send("Find", Self.mailbox("pier", range: "10-19"))
        #expect(moved.elements("Status").map(\.text) == ["1", "4"])
        let noID = try await phone.send("Find", Self.mailbox("pier", searchID: nil))
        #expect(noID.elements("Status").map(\.text) == ["2"])
        let long = try await phone.send("Find", Self.mailbox(String(repeating: "x", count: 300)))
        #expect(long.elements("Status").map(\.text) == ["2"])
        let wide = try await phone.send("Find", Self.mailbox("pier", range: "0-1000"))
        #expect(wide.elements("Status").map(\.text) == ["2"])
    }
}
