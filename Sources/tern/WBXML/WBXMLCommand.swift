import ArgumentParser

/// `tern wbxml decode|encode`: convert captured EAS bodies between WBXML and XML.
struct WBXMLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wbxml",
        abstract: "Convert EAS bodies between WBXML and XML.",
        subcommands: [WBXMLDecodeCommand.self, WBXMLEncodeCommand.self]
    )
}
