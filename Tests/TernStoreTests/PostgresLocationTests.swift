import TernStore
import Testing

@testable import TernStorePostgres

/// What `PostgresStore` accepts as a database URL and schema, and how it refuses the rest:
/// a clear `StoreError`, never a crash, and never the password in the message.
struct PostgresLocationTests {
    @Test func aFullURLIsReadPartByPart() throws {
        let location = try PostgresLocation(
            url: "postgresql://tern%40mail:s3cr%2Ft@db.example:6543/mail?sslmode=require")
        #expect(location.user == "tern@mail" && location.password == "s3cr/t")
        #expect(location.host == "db.example" && location.port == 6543 && location.database == "mail")
        #expect(location.tls == .require)
        #expect(location.description == "postgres://tern@mail@db.example:6543/mail")
    }

    @Test func portAndTLSDefaultAsLibpqDoes() throws {
        let location = try PostgresLocation(url: "postgres://tern@localhost/tern")
        #expect(location.port == 5432 && location.tls == .prefer && location.password == nil)
    }

    @Test(arguments: [
        "mysql://tern@localhost/tern", "postgres://localhost/tern", "postgres://tern@/tern",
        "postgres://tern@localhost",
        "postgres://tern@localhost/", "postgres://tern@localhost/a/b", "postgres://tern@localhost/tern?sslmode=maybe",
        "postgres://tern@localhost/tern?timeout=3", "not a url at all", "",
    ])
    func aURLThatIsNotADatabaseIsInvalid(_ url: String) {
        #expect(throws: StoreError.self) { try PostgresLocation(url: url) }
        do {
            _ = try PostgresLocation(url: url)
        } catch {
            #expect(error.code == .invalid)
        }
    }

    @Test func theMessageNeverShowsThePassword() {
        do {
            _ = try PostgresLocation(url: "postgres://tern:hunter2@localhost")
            Issue.record("a URL without a database was accepted")
        } catch {
            #expect(!error.detail.contains("hunter2"), "\(error)")
        }
    }

    @Test(arguments: [
        "", "1abc", "a-b", "a b", "x\"; DROP TABLE users; --", String(repeating: "a", count: 64), "zürich",
    ])
    func aSchemaNameThatWouldNeedQuotingIsRefused(_ name: String) {
        #expect(throws: StoreError.self) { try PostgresMigrations.checkSchemaName(name) }
    }

    @Test func aStoreNeedsAPoolOfAtLeastOneConnection() async {
        await #expect(throws: StoreError.self) {
            _ = try await PostgresStore(url: "postgres://tern@localhost/tern", poolSize: 0)
        }
    }
}

/// Opening a store where no server listens ends in a `StoreError` rather than waiting forever.
struct PostgresUnreachableTests {
    @Test(.timeLimit(.minutes(1))) func aDatabaseThatIsNotThereIsADatabaseError() async throws {
        let started = ContinuousClock.now
        do {
            _ = try await PostgresStore(url: "postgres://tern@127.0.0.1:1/tern?sslmode=disable", poolSize: 1)
            Issue.record("a store opened on a port nobody listens on")
        } catch {
            #expect(error.code == .database, "\(error)")
        }
        #expect(ContinuousClock.now - started < .seconds(30))
    }
}
