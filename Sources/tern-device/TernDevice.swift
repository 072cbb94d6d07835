import ArgumentParser

/// `tern-device`: the reference EAS device client. Its commands arrive with the
/// device-client issue (#8); until then it only prints its help.
@main
struct TernDevice: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tern-device",
        abstract: "A reference Exchange ActiveSync device for the command line."
    )
}
