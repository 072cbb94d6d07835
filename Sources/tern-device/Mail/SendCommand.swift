import ArgumentParser
import Foundation
import TernClient

/// `tern-device send --to ADDR... --subject S [--attach FILE...] < body`: SendMail.
struct SendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send", abstract: "Send a message; the body is read from standard input.")

    @Option(help: ArgumentHelp("A recipient (repeat for more).", valueName: "ADDRESS"))
    var to: [String]

    @Option(help: "The subject.")
    var subject: String

    @Option(help: ArgumentHelp("A file to attach (repeat for more).", valueName: "FILE"))
    var attach: [String] = []

    @OptionGroup var profile: ProfileOptions

    func validate() throws { try validateRecipients(to) }

    func run() async throws {
        var attachments: [OutgoingMessage.Attachment] = []
        for path in attach {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw failure("--attach: cannot read \(path)", exitCode: DeviceExit.usage)
            }
            attachments.append(.init(fileName: URL(filePath: path).lastPathComponent, bytes: Array(data)))
        }
        let body = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        let message = OutgoingMessage(to: to, subject: subject, body: body, attachments: attachments)
        try await profile.withSession { try await $0.send(message) }
        print("Sent to \(to.joined(separator: ", ")).")
    }
}
