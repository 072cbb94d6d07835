import ArgumentParser

/// `tern user add|list|passwd|photo|remove`: manage who can sign in.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Add, list, change and remove users.",
        subcommands: [
            UserAddCommand.self, UserListCommand.self, UserPasswordCommand.self, UserPhotoCommand.self,
            UserRemoveCommand.self,
        ]
    )
}
