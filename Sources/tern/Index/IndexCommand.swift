import ArgumentParser
import TernStore

/// `tern index rebuild`: the full-text index Search uses, built again from the stored mail.
struct IndexCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "index", abstract: "Manage the full-text index of mail that Search uses.",
        subcommands: [IndexRebuildCommand.self])
}

/// `tern index rebuild`: one transaction, so searches see the old index until the new one is whole.
struct IndexRebuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rebuild", abstract: "Index every stored message again.")

    @OptionGroup var dataOptions: DataOptions

    func run() async throws {
        let count: Int
        do {
            count = try await dataOptions.openStore().rebuildMailSearchIndex()
        } catch {
            throw failure("\(error)")
        }
        print("indexed \(count) message\(count == 1 ? "" : "s")")
    }
}
