import ArgumentParser

/// `tern import mbox|maildir|vcf|ics|vnt --user NAME PATH`: bulk import into a user's folders.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import mail, contacts, events, tasks and notes for a user.",
        subcommands: [
            ImportMboxCommand.self, ImportMaildirCommand.self, ImportVCardCommand.self, ImportICalendarCommand.self,
            ImportVNoteCommand.self,
        ]
    )
}

/// The options every import shares.
struct ImportOptions: ParsableArguments {
    @Option(help: "The user to import for.")
    var user: String

    @Argument(help: "The file or folder to import.")
    var path: String

    @OptionGroup var dataOptions: DataOptions
}
