import ArgumentParser
import Foundation
import TernClient

/// The exit codes of `tern-device`, as the help text lists them.
enum DeviceExit {
    static let other: Int32 = 1
    static let usage: Int32 = 2
    static let authentication: Int32 = 3
    static let policy: Int32 = 4
    static let wiped: Int32 = 5

    /// The code for a failed operation's error.
    static func code(for error: any Error) -> Int32 {
        guard let error = error as? ClientError else { return other }
        switch error.kind {
        case .usage: return usage
        case .authentication: return authentication
        case .policy, .locked, .pinRequired: return policy
        case .wiped: return wiped
        default: return other
        }
    }
}

/// Prints `tern-device: <message>` on stderr and returns the exit code to throw.
func failure(_ message: String, exitCode: Int32 = DeviceExit.other) -> ExitCode {
    FileHandle.standardError.write(Data("tern-device: \(message)\n".utf8))
    return ExitCode(exitCode)
}

/// The one stderr line and exit code for `error`; an `ExitCode` passes through as it is.
func failure(_ error: any Error) -> ExitCode {
    if let exit = error as? ExitCode { return exit }
    return failure("\(error)", exitCode: DeviceExit.code(for: error))
}
