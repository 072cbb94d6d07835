import ArgumentParser
import TernAdmin

/// `tern user add NAME [--email ADDR]... [--display-name TEXT] --password-stdin`.
struct UserAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Create a user with the default folders.")

    @Argument(help: "The login name.")
    var name: String

    @Option(
        name: .customLong("email"), help: "An address mail is delivered to (repeat for more; the first is primary).")
    var emails: [String] = []

    @Option(help: "The name shown to others (default: the login).")
    var displayName: String?

    @Flag(help: "Read the password from the first line of standard input.")
    var passwordStdin = false

    @OptionGroup var dataOptions: DataOptions

    func validate() throws {
        guard passwordStdin else { throw ValidationError("a password is required: pass --password-stdin") }
        do {
            try Administration.checkAddresses(emails)
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() async throws {
        let password = try readPasswordFromStandardInput()
        let administration = Administration(store: try await dataOptions.openStore())
        do {
            let user = try await administration.createUser(
                login: name, password: password, displayName: displayName, addresses: emails)
            print("added \(user.login)\(user.emailAddresses.first.map { " <\($0)>" } ?? "")")
        } catch {
            throw failure("\(error)")
        }
    }
}
