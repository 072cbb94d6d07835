import ArgumentParser
import Foundation
import TernServer
import TernStore

/// `tern deliver --to ADDR [--folder NAME]`: a local delivery agent for an MTA.
///
/// Reads one RFC 5322 message on stdin and exits 0 only once it is committed. Failures
/// exit with the sysexits code an MTA acts on: 67 unknown recipient and 65 unusable
/// message (bounce), 73 unknown folder, 75 store unavailable (retry later).
struct DeliverCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliver", abstract: "Deliver one message from standard input to a user's folder.")

    @Option(help: "The recipient's address.")
    var to: String

    @Option(help: "The mail folder to file into (default: Inbox).")
    var folder: String?

    @Option(help: "The largest message accepted, in bytes.")
    var maxMessageBytes = 64 << 20

    @OptionGroup var dataOptions: DataOptions

    func run() async throws {
        let message = readStandardInput(upTo: maxMessageBytes + 1)
        let store = try await dataOptions.openStore()
        do {
            _ = try await MailDelivery(
                store: store, maxMessageBytes: maxMessageBytes, scheduling: MeetingScheduler(store: store)
            ).deliver(
                message, to: to, folderName: folder)
        } catch {
            throw failure("\(error)", exitCode: Self.exitCode(error.code))
        }
    }

    static func exitCode(_ code: DeliveryError.Code) -> Int32 {
        switch code {
        case .unknownRecipient: 67
        case .unparsable, .tooLarge: 65
        case .unknownFolder: 73
        default: 75
        }
    }
}
