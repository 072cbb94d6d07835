import Foundation

/// Where a PIN comes from: the first line of stdin with `--pin-stdin`, else `$TERN_DEVICE_PIN`,
/// else a prompt with echo off, but only when stdin is a terminal; a script never hangs on one.
enum PINInput {
    static let variable = "TERN_DEVICE_PIN"

    /// `$TERN_DEVICE_PIN`, when set and not empty.
    static var fromEnvironment: String? {
        ProcessInfo.processInfo.environment[variable].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The PIN, or a usage failure saying how to give one. `confirm` asks twice at a prompt.
    static func read(fromStandardInput: Bool, prompt: String, confirm: Bool = false) throws -> String {
        if fromStandardInput {
            guard let line = readLine(strippingNewline: true), !line.isEmpty else {
                throw failure("--pin-stdin: no PIN on standard input", exitCode: DeviceExit.usage)
            }
            return line
        }
        if let pin = fromEnvironment { return pin }
        guard isatty(STDIN_FILENO) == 1 else {
            throw failure("no PIN: use --pin-stdin or set \(variable)", exitCode: DeviceExit.usage)
        }
        let pin = try ask(prompt)
        if confirm, try ask("Again: ") != pin { throw failure("the two PINs differ", exitCode: DeviceExit.usage) }
        return pin
    }

    /// One line from the terminal with echo switched off for it.
    private static func ask(_ prompt: String) throws -> String {
        FileHandle.standardError.write(Data(prompt.utf8))
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
        let line = readLine(strippingNewline: true)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
        FileHandle.standardError.write(Data("\n".utf8))
        guard let line, !line.isEmpty else { throw failure("no PIN entered", exitCode: DeviceExit.usage) }
        return line
    }
}
