import Foundation
import TernAuth
import TernStore
import TernTesting
import Testing

@Suite(.droppingPostgresSchemas)
struct UserTests {
    @Test(arguments: StoreBackend.allCases)
    func aNewUserGetsTheDefaultFolderSet(_ backend: StoreBackend) async throws {
        let fixture = try await StoreFixture(backend)
        defer { fixture.directory.remove() }
        let folders = try await fixture.store.folders(of: fixture.user.id)
        #expect(folders.map(\.displayName) == Folder.defaultSet.map(\.name))
        #expect(folders.map(\.type) == Folder.defaultSet.map(\.type))
        #expect(folders.allSatisfy { $0.parentServerID == Folder.rootServerID })
        #expect(Set(folders.map(\.serverID)).count == folders.count)
    }

    @Test(arguments: StoreBackend.allCases)
    func usersRoundTripAndAreFoundByAnyAddressIgnoringCase(_ backend: StoreBackend) async throws {
        let fixture = try await StoreFixture(backend)
        defer { fixture.directory.remove() }
        let byLogin = try await fixture.store.user(login: "anna")
        #expect(byLogin == fixture.user)
        #expect(try await fixture.store.user(address: "ANNA.Alias@Tern.Example")?.id == fixture.user.id)
        #expect(try await fixture.store.user(address: "nobody@tern.example") == nil)
        #expect(try await fixture.store.users().map(\.login) == ["anna"])
    }

    @Test(arguments: StoreBackend.allCases)
    func aTakenLoginOrAddressIsRefused(_ backend: StoreBackend) async throws {
        let fixture = try await StoreFixture(backend)
        defer { fixture.directory.remove() }
        await #expect(throws: StoreError.self) {
            _ = try await fixture.store.createUser(
                NewUser(login: "ANNA", emailAddresses: [], displayName: "", passwordHash: "x"))
        }
        await #expect(throws: StoreError.self) {
            _ = try await fixture.store.createUser(
                NewUser(login: "bob", emailAddresses: ["anna@tern.example"], displayName: "", passwordHash: "x"))
        }
        #expect(try await fixture.store.users().count == 1)
    }

    @Test(arguments: StoreBackend.allCases)
    func passwordsAreStoredAsBcryptHashes(_ backend: StoreBackend) async throws {
        let fixture = try await StoreFixture(backend)
        defer { fixture.directory.remove() }
        #expect(fixture.user.passwordHash.hasPrefix("$2"))
        #expect(PasswordHash.verify("secret", hash: fixture.user.passwordHash))
        #expect(!PasswordHash.verify("Secret", hash: fixture.user.passwordHash))
        try await fixture.store.setPasswordHash(PasswordHash.make("new", cost: 4), login: "anna")
        let changed = try #require(try await fixture.store.user(login: "anna"))
        #expect(PasswordHash.verify("new", hash: changed.passwordHash))
    }

    @Test(arguments: StoreBackend.allCases)
    func removingAUserRemovesTheirFolders(_ backend: StoreBackend) async throws {
        let fixture = try await StoreFixture(backend)
        defer { fixture.directory.remove() }
        try await fixture.store.removeUser(login: "anna")
        #expect(try await fixture.store.user(login: "anna") == nil)
        #expect(try await fixture.store.folders(of: fixture.user.id).isEmpty)
        await #expect(throws: StoreError.self) { try await fixture.store.removeUser(login: "anna") }
    }
}
