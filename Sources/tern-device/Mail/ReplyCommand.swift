import ArgumentParser
import Foundation
import TernClient

/// `tern-device reply ID < body`: answers a cached message; the server quotes the original.
struct ReplyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reply", abstract: "Reply to a message's sender; the body is read from standard input.")

    @Argument(help: ArgumentHelp("The message's id, as `ls` lists it.", valueName: "ID"))
    var id: String

    @OptionGroup var profile: ProfileOptions

    func run() async throws {
        let body = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        let recipient = try await profile.withSession { try await $0.reply(to: id, body: body) }
        print("Replied to \(recipient).")
    }
}

/// `tern-device forward ID --to ADDRESS < body`: forwards a cached message with its attachments.
struct ForwardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forward",
        abstract: "Forward a message with its attachments; a note is read from standard input.")

    @Argument(help: ArgumentHelp("The message's id, as `ls` lists it.", valueName: "ID"))
    var id: String

    @Option(help: ArgumentHelp("A recipient (repeat for more).", valueName: "ADDRESS"))
    var to: [String]

    @OptionGroup var profile: ProfileOptions

    func validate() throws { try validateRecipients(to) }

    func run() async throws {
        let note = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        try await profile.withSession { try await $0.forward(id, to: to, body: note) }
        print("Forwarded to \(to.joined(separator: ", ")).")
    }
}
