import ActiveSync
import Foundation
import TernAuth
import TernStore
import TernStoreSQLite
import TernTesting
import Testing
import WBXML

/// Search of the GAL store: the users of this server (MS-ASCMD 2.2.1.16, GAL).
@Suite struct GALSearchTests {
    static func addColleagues(_ server: RunningServer) async throws -> [User] {
        var users: [User] = []
        for (login, name, address) in [
            ("mschmidt", "Maria Schmidt", "maria.schmidt@tern.example"),
            ("jschmitz", "Jörg Schmitz", "joerg@tern.example"), ("pmeyer", "Paul Meyer", "sales@tern.example"),
        ] {
            users.append(
                try await server.store.createUser(
                    NewUser(
                        login: login, emailAddresses: [address], displayName: name,
                        passwordHash: PasswordHash.make("x", cost: 4))))
        }
        return users
    }

    @Test func aUserIsFoundByThePrefixOfTheLastNameAndOfTheAddress() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        _ = try await Self.addColleagues(server)
        let phone = try await server.session()
        let byLastName = try await phone.send("Search", SearchRequests.gal("schm"))
        #expect(byLastName.elements("Status").map(\.text) == ["1", "1"])
        #expect(byLastName.elements("DisplayName").map(\.text) == ["Jörg Schmitz", "Maria Schmidt"])
        #expect(byLastName.text("Total") == "2" && byLastName.text("Range") == "0-1")
        let maria = try #require(byLastName.elements("Properties").last)
        #expect(maria.firstElement(GALTag.firstName)?.text == "Maria")
        #expect(maria.firstElement(GALTag.lastName)?.text == "Schmidt")
        #expect(maria.firstElement(GALTag.alias)?.text == "mschmidt")
        #expect(maria.firstElement(GALTag.emailAddress)?.text == "maria.schmidt@tern.example")

        let byAddress = try await phone.send("Search", SearchRequests.gal("sales@"))
        #expect(byAddress.elements("DisplayName").map(\.text) == ["Paul Meyer"])
        let folded = try await phone.send("Search", SearchRequests.gal("JORG"))
        #expect(folded.elements("DisplayName").map(\.text) == ["Jörg Schmitz"])
        let nobody = try await phone.send("Search", SearchRequests.gal("zebra"))
        #expect(nobody.elements("Status").map(\.text) == ["1", "1"] && nobody.text("Total") == "0")
        #expect(nobody.elements("Result").isEmpty)
        let past = try await phone.send("Search", SearchRequests.gal("schm", range: "5-9"))
        #expect(past.elements("Status").map(\.text) == ["1", "12"])
    }

    @Test func picturesComeFromTheUsersPhotoWithinTheDevicesLimits() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let colleagues = try await Self.addColleagues(server)
        let photo = Data([0xFF, 0xD8, 0xFF, 0xE0] + Array(repeating: 0x42, count: 300))
        try await server.store.setUserPhoto(photo, of: colleagues[0].id)
        let phone = try await server.session()
        let reply = try await phone.send("Search", SearchRequests.gal("maria", picture: true))
        let picture = try #require(reply.elements("Picture").first)
        #expect(picture.firstElement(GALTag.status)?.text == "1")
        #expect(picture.firstElement(GALTag.data)?.contentBytes == Array(photo))
        let without = try await phone.send("Search", SearchRequests.gal("paul", picture: true))
        #expect(without.elements("Picture").first?.firstElement(GALTag.status)?.text == "173")
        let old = try await server.session(deviceID: "OldPhone1", version: "14.0")
        let before141 = try await old.send("Search", SearchRequests.gal("maria", picture: true))
        #expect(before141.elements("Picture").isEmpty && before141.text("DisplayName") == "Maria Schmidt")
    }
}
