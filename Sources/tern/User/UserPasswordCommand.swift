import ArgumentParser
import TernAdmin

/// `tern user passwd NAME --password-stdin`.
struct UserPasswordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "passwd", abstract: "Set a user's password.")

    @Argument(help: "The login name.")
    var name: String

    @Flag(help: "Read the password from the first line of standard input.")
    var passwordStdin = false

    @OptionGroup var dataOptions: DataOptions

    func validate() throws {
        guard passwordStdin else { throw ValidationError("a password is required: pass --password-stdin") }
    }

    func run() async throws {
        let password = try readPasswordFromStandardInput()
        let administration = Administration(store: try await dataOptions.openStore())
        do {
            try await administration.setPassword(login: name, password: password)
        } catch {
            throw failure("\(error)")
        }
        print("password of \(name) changed")
    }
}
