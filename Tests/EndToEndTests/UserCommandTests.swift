import Foundation
import TernTesting
import Testing

/// `tern user` as an admin runs it: the built binary on a fresh data folder.
struct UserCommandTests {
    static let tern = ChildProcess.builtProduct("tern")

    private func tern(_ arguments: [String], data: TemporaryDirectory, input: String = "") throws -> ChildProcess.Result
    {
        try ChildProcess(Self.tern, arguments + ["--data", data.path]).run(standardInput: Array(input.utf8))
    }

    @Test func addListChangeAndRemoveAUser() throws {
        let data = try TemporaryDirectory("tern-user")
        defer { data.remove() }
        let added = try tern(
            ["user", "add", "anna", "--email", "anna@tern.example", "--display-name", "Anna", "--password-stdin"],
            data: data, input: "s3cret\n")
        #expect(added.status == 0, "\(added.standardError)")
        #expect(String(decoding: added.standardOutput, as: UTF8.self) == "added anna <anna@tern.example>\n")

        let listed = try tern(["user", "list", "--json"], data: data)
        let users = try JSONSerialization.jsonObject(with: Data(listed.standardOutput)) as? [[String: Any]]
        #expect(users?.count == 1)
        #expect(users?.first?["login"] as? String == "anna")
        #expect(users?.first?["emailAddresses"] as? [String] == ["anna@tern.example"])
        #expect(users?.first?["passwordHash"] == nil, "the hash never leaves the store")

        let table = String(decoding: try tern(["user", "list"], data: data).standardOutput, as: UTF8.self)
        #expect(table.hasPrefix("LOGIN  NAME  ADDRESSES\nanna   Anna  anna@tern.example"))

        #expect(try tern(["user", "passwd", "anna", "--password-stdin"], data: data, input: "other\n").status == 0)
        #expect(try tern(["user", "remove", "anna"], data: data).status == 0)
        let empty = try tern(["user", "list", "--json"], data: data)
        #expect((try JSONSerialization.jsonObject(with: Data(empty.standardOutput)) as? [Any])?.isEmpty == true)
    }

    @Test func mistakesExitNonZeroWithOneLine() throws {
        let data = try TemporaryDirectory("tern-user")
        defer { data.remove() }
        _ = try tern(["user", "add", "anna", "--password-stdin"], data: data, input: "pw\n")
        let duplicate = try tern(["user", "add", "anna", "--password-stdin"], data: data, input: "pw\n")
        #expect(duplicate.status == 1)
        #expect(duplicate.standardError == "tern: already exists: user anna already exists\n")
        let unknown = try tern(["user", "remove", "nobody"], data: data)
        #expect(unknown.status == 1)
        #expect(unknown.standardError == "tern: not found: no user nobody\n")
        let noPassword = try tern(["user", "add", "bob", "--password-stdin"], data: data, input: "")
        #expect(noPassword.status == 1)
        #expect(noPassword.standardError == "tern: no password on standard input\n")
        let usage = try tern(["user", "add", "bob"], data: data)
        #expect(usage.status == 64)
    }
}
