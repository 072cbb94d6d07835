import Foundation
import Logging
import ServiceLifecycle
import UnixSignals

/// The first SIGTERM or SIGINT shuts the server down gracefully (held Pings answered,
/// requests in flight finished); a second one, from an operator who will not wait, ends the
/// process at once with status 1. The first service of the group, so it is the last to be
/// asked to stop and keeps listening while the others finish.
struct SecondSignalExit: Service {
    let logger: Logger

    func run() async throws {
        var received = 0
        for await signal in await UnixSignalsSequence(trapping: .sigterm, .sigint).cancelOnGracefulShutdown() {
            received += 1
            guard received >= 2 else { continue }
            logger.warning("second \(signal) during shutdown: exiting at once")
            exit(1)
        }
    }
}
