import ActiveSync
import ArgumentParser
import Foundation
import TerminalOutput
import TernImport
import TernStore

/// `tern import mbox --user NAME FILE [--folder NAME]`.
struct ImportMboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mbox", abstract: "Import an mbox file into a mail folder.")

    @OptionGroup var options: ImportOptions

    @Option(help: "The mail folder to import into (default: Inbox).")
    var folder: String?

    func run() async throws {
        let reader: MboxReader
        do {
            reader = try MboxReader(contentsOf: URL(fileURLWithPath: options.path))
        } catch {
            throw failure("cannot read \(options.path)")
        }
        try await importMail(reader.lazy.map { MailImport.Message(bytes: $0) }, options: options, folderName: folder)
    }
}

/// `tern import maildir --user NAME FOLDER [--folder NAME]`.
struct ImportMaildirCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maildir", abstract: "Import a Maildir folder into a mail folder.")

    @OptionGroup var options: ImportOptions

    @Option(help: "The mail folder to import into (default: Inbox).")
    var folder: String?

    func run() async throws {
        let reader: MaildirReader
        do {
            reader = try MaildirReader(directory: URL(fileURLWithPath: options.path))
        } catch {
            throw failure("\(error)")
        }
        let messages = reader.entries.lazy.map { entry in
            MailImport.Message(
                bytes: (try? Data(contentsOf: entry.url)).map(Array.init) ?? [], isSeen: entry.isSeen,
                isFlagged: entry.isFlagged)
        }
        try await importMail(messages, options: options, folderName: folder)
    }
}

/// Runs a mail import with a progress line on a terminal and the summary on stdout.
private func importMail(_ messages: some Sequence<MailImport.Message>, options: ImportOptions, folderName: String?)
    async throws
{
    let store = try await options.dataOptions.openStore()
    let progress = ProgressLine(label: "importing")
    do {
        guard let user = try await store.user(login: options.user) else { throw failure("no user \(options.user)") }
        let folders = try await store.folders(of: user.id).filter { $0.type.itemClass == .email }
        let target =
            folderName.map { name in folders.first { $0.displayName.caseInsensitiveCompare(name) == .orderedSame } }
            ?? folders.first { $0.type == .inbox }
        guard let target else { throw failure("\(user.login) has no mail folder named \(folderName ?? "Inbox")") }
        let summary = try await MailImport(store: store).run(messages, into: target) { progress.show($0.imported) }
        progress.finish()
        print(summary.description)
    } catch let error as ExitCode {
        throw error
    } catch {
        progress.finish()
        throw failure("\(error)")
    }
}
