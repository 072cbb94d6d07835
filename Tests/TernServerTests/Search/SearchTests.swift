import ActiveSync
import Foundation
import MIME
import TernStore
import TernStoreSQLite
import TernTesting
import Testing
import WBXML

/// Search of the mailbox and of the GAL over a real socket (MS-ASCMD 2.2.1.16).
@Suite struct SearchTests {
    /// A message with `body`, received `daysAgo` days before now.
    static func email(_ subject: String, body: String, from: String = "Bob <bob@example.org>", daysAgo: Double = 0)
        throws -> ItemContent
    {
        let raw = "From: \(from)\r\nTo: anna@tern.example\r\nSubject: \(subject)\r\n\r\n\(body)\r\n"
        return .email(
            EmailItem(
                message: try MIMEMessage(parsing: Array(raw.utf8)),
                receivedAt: Date(timeIntervalSinceNow: -daysAgo * 86_400)))
    }

    static func folder(_ type: FolderType, of server: RunningServer) async throws -> Folder {
        try #require(try await server.store.folders(of: server.user.id).first { $0.type == type })
    }

    @Test func aWordInOneMessageAmongTenThousandIsFoundAndFetchedByItsLongID() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let inbox = try await Self.folder(.inbox, of: server)
        for batch in 0..<10 {
            let contents = try (0..<1_000).map { index in
                let number = batch * 1_000 + index
                let word = number == 4_321 ? "quokka" : "wombat"
                return try Self.email("Report \(number)", body: "Weekly figures, see the \(word) section.")
            }
            _ = try await server.store.addItems(contents, to: inbox.id)
        }
        let phone = try await server.session()
        let reply = try await phone.send("Search", SearchRequests.mailbox("Quokka"))
        #expect(reply.text("Status") == "1" && reply.text("Total") == "1" && reply.text("Range") == "0-0")
        let longID = try #require(reply.text("LongId"))
        #expect(reply.text("Subject") == "Report 4321" && reply.text("CollectionId") == inbox.serverID)

        let fetched = try await phone.send("ItemOperations", SearchRequests.fetch(longID: longID))
        #expect(fetched.elements("Status").map(\.text) == ["1", "1"])
        #expect(fetched.text("LongId") == longID && fetched.text("Subject") == "Report 4321")
        #expect(fetched.text("Data")?.contains("quokka section") == true)
    }

    @Test func deepTraversalReachesSubfoldersAndOnlyThen() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let inbox = try await Self.folder(.inbox, of: server)
        let projects = try await server.store.createFolder(
            of: server.user.id, parentServerID: inbox.serverID, displayName: "Projects", type: .userCreatedMail)
        let archive = try await server.store.createFolder(
            of: server.user.id, parentServerID: projects.serverID, displayName: "2025", type: .userCreatedMail)
        _ = try await server.store.addItem(try Self.email("Budget", body: "the zeppelin budget"), to: archive.id)
        let phone = try await server.session()
        let shallow = try await phone.send("Search", SearchRequests.mailbox("zeppelin", collection: inbox.serverID))
        #expect(shallow.text("Status") == "1" && shallow.text("Total") == "0" && shallow.text("LongId") == nil)
        let deep = try await phone.send(
            "Search", SearchRequests.mailbox("zeppelin", collection: inbox.serverID, deep: true))
        #expect(deep.text("Total") == "1" && deep.text("CollectionId") == archive.serverID)
        let everywhere = try await phone.send("Search", SearchRequests.mailbox("zeppelin"))
        #expect(everywhere.text("Total") == "1")
        let equalTo = { (property: WBXMLTag, value: String) in
            WBXMLElement(
                SearchTag.equalTo, elements: [WBXMLElement(property), WBXMLElement(SearchTag.value, text: value)])
        }
        let byFolder = try await phone.send(
            "Search",
            SearchRequests.mailbox("zeppelin", conditions: [equalTo(AirSyncTag.collectionId, archive.serverID)]))
        #expect(byFolder.text("Total") == "1")
        let inboxesOnly = try await phone.send(
            "Search", SearchRequests.mailbox("zeppelin", conditions: [equalTo(FolderHierarchyTag.type, "2")]))
        #expect(inboxesOnly.text("Total") == "0")
        let userFolders = try await phone.send(
            "Search", SearchRequests.mailbox("zeppelin", conditions: [equalTo(FolderHierarchyTag.type, "12")]))
        #expect(userFolders.text("Total") == "1")
    }

    @Test func aDateWindowKeepsOnlyMailReceivedInIt() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let inbox = try await Self.folder(.inbox, of: server)
        for daysAgo in [1.0, 10, 40] {
            _ = try await server.store.addItem(
                try Self.email("Invoice \(Int(daysAgo))", body: "invoice attached", daysAgo: daysAgo), to: inbox.id)
        }
        let phone = try await server.session()
        let after = EASDate.format(Date(timeIntervalSinceNow: -20 * 86_400), .extended)
        let before = EASDate.format(Date(timeIntervalSinceNow: -5 * 86_400), .extended)
        let reply = try await phone.send(
            "Search",
            SearchRequests.mailbox(
                "invoice",
                conditions: [
                    SearchRequests.received(SearchTag.greaterThan, after),
                    SearchRequests.received(SearchTag.lessThan, before),
                ]))
        #expect(reply.text("Total") == "1" && reply.text("Subject") == "Invoice 10")
    }

    @Test func rangesPageThroughResultsNewestFirstWithoutOverlap() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let inbox = try await Self.folder(.inbox, of: server)
        // Delivered oldest first, as mail arrives: results come newest delivered first.
        let contents = try (0..<25).reversed().map {
            try Self.email("Note \($0)", body: "harbour news", daysAgo: Double($0))
        }
        _ = try await server.store.addItems(contents, to: inbox.id)
        let phone = try await server.session()
        let first = try await phone.send("Search", SearchRequests.mailbox("harbour", range: "0-9"))
        let second = try await phone.send("Search", SearchRequests.mailbox("harbour", range: "10-19"))
        let subjects = { (reply: RunningServer.Reply) in reply.elements("Subject").compactMap(\.text) }
        #expect(subjects(first) == (0..<10).map { "Note \($0)" })
        #expect(subjects(second) == (10..<20).map { "Note \($0)" })
        #expect(first.text("Range") == "0-9" && second.text("Range") == "10-19" && second.text("Total") == "25")
        let last = try await phone.send("Search", SearchRequests.mailbox("harbour", range: "20-29"))
        #expect(last.text("Range") == "20-24" && subjects(last).count == 5)
        let past = try await phone.send("Search", SearchRequests.mailbox("harbour", range: "30-39"))
        #expect(past.elements("Status").map(\.text) == ["1", "12"] && past.text("Total") == "25")
    }

    @Test func aMessageDeletedAMomentBeforeIsNotFound() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let inbox = try await Self.folder(.inbox, of: server)
        let kept = try await server.store.addItem(try Self.email("Keep", body: "platypus one"), to: inbox.id)
        let gone = try await server.store.addItem(try Self.email("Gone", body: "platypus two"), to: inbox.id)
        try await server.store.deleteItem(in: inbox.id, serverID: gone.serverID)
        let phone = try await server.session()
        let reply = try await phone.send("Search", SearchRequests.mailbox("platypus"))
        #expect(reply.text("Total") == "1" && reply.text("Subject") == "Keep")
        #expect(reply.text("LongId") == "\(inbox.serverID)/\(kept.serverID)")
    }

    @Test func caseAndAccentsAreFoldedAndAnotherUsersMailIsNeverFound() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let inbox = try await Self.folder(.inbox, of: server)
        _ = try await server.store.addItem(try Self.email("Trip", body: "Grüße aus Zürich"), to: inbox.id)
        let bruno = try await server.createOtherUser()
        let brunoInbox = try #require(try await server.store.folders(of: bruno.id).first { $0.type == .inbox })
        _ = try await server.store.addItem(try Self.email("Secret", body: "zurich secret"), to: brunoInbox.id)
        let phone = try await server.session()
        let reply = try await phone.send("Search", SearchRequests.mailbox("zurich"))
        #expect(reply.text("Total") == "1" && reply.text("Subject") == "Trip")
    }

    @Test func hostileQueriesGetResultsOrAStatusNeverAServerError() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let inbox = try await Self.folder(.inbox, of: server)
        _ = try await server.store.addItem(try Self.email("Lunch", body: "lunch at noon"), to: inbox.id)
        let phone = try await server.session()
        for text in [
            "\"lunch", "lunch*", "lunch OR x", "NEAR(lunch noon)", "subject:lunch", "'); DROP TABLE items; --",
            "lunch\" OR \"1\"=\"1", "^lunch", "(", "-lunch", "{subject}: lunch", "\u{301}", "",
        ] {
            let reply = try await phone.send("Search", SearchRequests.mailbox(text))
            #expect(reply.status == 200 && reply.elements("Status").first?.text == "1", "\(text)")
            #expect(["1", "2", "8"].contains(reply.elements("Status").last?.text ?? ""), "\(text)")
        }
        // Syntax is only a separator: the words are all required, so an OR widens nothing.
        let injected = try await phone.send("Search", SearchRequests.mailbox("lunch\" OR \"1\"=\"1"))
        #expect(injected.text("Total") == "0")
        let quoted = try await phone.send("Search", SearchRequests.mailbox("\"noon\"*"))
        #expect(quoted.text("Total") == "1")
        #expect(try await server.store.itemCount(in: inbox.id) == 1)
        let long = try await phone.send("Search", SearchRequests.mailbox(String(repeating: "a", count: 257)))
        #expect(long.elements("Status").map(\.text) == ["1", "2"])
        let wordy = try await phone.send(
            "Search", SearchRequests.mailbox((0..<17).map { "w\($0)" }.joined(separator: " ")))
        #expect(wordy.elements("Status").map(\.text) == ["1", "8"])
        let or = SearchRequests.mailbox("lunch", conditions: [WBXMLElement(SearchTag.or)])
        #expect(try await phone.send("Search", or).elements("Status").map(\.text) == ["1", "8"])
        let badRange = try await phone.send("Search", SearchRequests.mailbox("lunch", range: "9-2"))
        #expect(badRange.elements("Status").map(\.text) == ["1", "2"])
        let unknownFolder = try await phone.send("Search", SearchRequests.mailbox("lunch", collection: "999"))
        #expect(unknownFolder.elements("Status").map(\.text) == ["1", "11"])
    }
}
