import ArgumentParser
import Foundation
import TernImport
import TernStore

/// `tern import vcf --user NAME FILE`: contacts into the user's Contacts folder.
struct ImportVCardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "vcf", abstract: "Import vCard 3/4 contacts.")

    @OptionGroup var options: ImportOptions

    func run() async throws {
        let data = try readImportFile(options.path)
        try await importPIM(options) { store, user in
            try await PIMImport(store: store).run(VCardReader().read(data), for: user)
        }
    }
}

/// `tern import ics --user NAME FILE`: events into Calendar and to-dos into Tasks.
struct ImportICalendarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ics", abstract: "Import iCalendar events and tasks.")

    @OptionGroup var options: ImportOptions

    @Option(help: "Time zone for floating times (default: UTC), e.g. Europe/Berlin.")
    var timeZone: String?

    func run() async throws {
        let data = try readImportFile(options.path)
        let zone =
            try timeZone.map { name in
                guard let zone = TimeZone(identifier: name) else { throw failure("unknown time zone \(name)") }
                return zone
            } ?? .gmt
        try await importPIM(options) { store, user in
            let reader = ICalendarReader(
                defaultTimeZone: zone, ownerAddresses: Set(user.emailAddresses.map { $0.lowercased() }))
            return try await PIMImport(store: store).run(reader.read(data), for: user)
        }
    }
}

/// `tern import vnt --user NAME FILE`: vNote notes into the user's Notes folder.
struct ImportVNoteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "vnt", abstract: "Import vNote 1.1 notes.")

    @OptionGroup var options: ImportOptions

    func run() async throws {
        let data = try readImportFile(options.path)
        try await importPIM(options) { store, user in
            try await PIMImport(store: store).run(VNoteReader().read(data), for: user)
        }
    }
}

/// The largest vCard, iCalendar or vNote file read; larger ones are refused before parsing.
private let maxImportFileBytes = 512 << 20

private func readImportFile(_ path: String) throws -> Data {
    let url = URL(fileURLWithPath: path)
    guard let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int,
        let data = try? Data(contentsOf: url, options: .alwaysMapped)
    else { throw failure("cannot read \(path)") }
    guard size <= maxImportFileBytes else { throw failure("\(path) is larger than \(maxImportFileBytes) bytes") }
    return data
}

private func importPIM(_ options: ImportOptions, _ body: (any Store, User) async throws -> ImportSummary) async throws {
    let store = try await options.dataOptions.openStore()
    do {
        guard let user = try await store.user(login: options.user) else { throw failure("no user \(options.user)") }
        print(try await body(store, user).description)
    } catch let error as ExitCode {
        throw error
    } catch {
        throw failure("\(error)")
    }
}
