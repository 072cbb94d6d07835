import ArgumentParser
import Foundation
import TerminalOutput
import TernClient

/// `tern-device watch [FOLDER...] [--count N] [--timeout S] [--json]`: push, printed as it comes.
struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch", abstract: "Print each change as the server pushes it (a Ping loop).",
        discussion: """
            Syncs the folders first (printing what the cache did not have yet), then holds a Ping on them and \
            prints every change as it arrives, until interrupted, --count changes were printed, or --timeout \
            seconds passed (exit 0 either way). Network errors are retried after 1 s, doubling up to a minute, \
            with a line on stderr.
            """)

    @Argument(
        help: ArgumentHelp(
            "Folders by id or name (default: all of mail, contacts, calendar and tasks).", valueName: "FOLDER"))
    var folders: [String] = []

    @Option(help: ArgumentHelp("Stop after this many changes.", valueName: "N"))
    var count: Int?

    @Option(help: ArgumentHelp("Stop after this many seconds.", valueName: "S"))
    var timeout: Int?

    @Flag(help: "Print one JSON object a line.")
    var json = false

    @OptionGroup var profile: ProfileOptions

    func validate() throws {
        if let count, count < 1 { throw ValidationError("--count must be 1 or more") }
        if let timeout, timeout < 1 { throw ValidationError("--timeout must be 1 second or more") }
    }

    func run() async throws {
        let (folders, count, timeout, json) = (folders, count, timeout, json)
        try await profile.withSession { session in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    var printed = 0
                    try await session.watch(
                        folders, onNotice: { FileHandle.standardError.write(Data("tern-device: \($0)\n".utf8)) }
                    ) { change in
                        let name = try? await session.folder(named: change.folder).name
                        try Self.print(change, folderName: name, json: json)
                        printed += 1
                        return count.map { printed < $0 } ?? true
                    }
                }
                if let timeout {
                    group.addTask { try await Task.sleep(for: .seconds(timeout)) }
                }
                _ = try await group.next()
                group.cancelAll()
            }
        }
    }

    /// One line: JSON, or `09:48:02  added  Inbox  5:12  Lunch?`.
    private static func print(_ change: ItemChange, folderName: String?, json: Bool) throws {
        if json {
            try printJSONLine(change)
            return
        }
        let time = change.at.formatted(
            Date.FormatStyle(date: .omitted, time: .standard).locale(Locale(identifier: "en_GB")))
        Swift.print(
            [time, change.change.rawValue, folderName ?? change.folder, change.id, change.title ?? "-"].joined(
                separator: "  "))
        fflush(nil)  // every stream: `stdout` is not concurrency-safe to name
    }
}
