import ArgumentParser
import Foundation
import TernClient

/// `--profile DIR`, shared by every command.
struct ProfileOptions: ParsableArguments {
    @Option(name: .customLong("profile"), help: ArgumentHelp("The profile folder.", valueName: "DIR"))
    var path: String = "~/.tern-device"

    var directory: URL {
        path == "~" || path.hasPrefix("~/")
            ? FileManager.default.homeDirectoryForCurrentUser.appending(path: String(path.dropFirst(2)))
            : URL(filePath: path)
    }

    /// Runs `body` with the profile's session, closing it afterwards; any error becomes one
    /// stderr line and the matching exit code. A locked device opens with `$TERN_DEVICE_PIN`
    /// when it is set.
    func withSession<T>(_ body: (DeviceSession) async throws -> T) async throws -> T {
        let session: DeviceSession
        do {
            session = try await DeviceSession.open(directory, pin: PINInput.fromEnvironment)
        } catch {
            throw failure(error)
        }
        do {
            let result = try await body(session)
            await session.close()
            return result
        } catch {
            await session.close()
            throw failure(error)
        }
    }
}
