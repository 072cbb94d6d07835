import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// The held-Ping client as a child process (this executable with `--client`): it reports
/// `held` once every Ping is sent, then `INDEX NANOSECONDS` (CLOCK_MONOTONIC) per response.
final class ClientProcess: Sendable {
    /// CLOCK_MONOTONIC nanoseconds at which each device's response was read, by device index.
    let answeredAt: Mutex<[Int: Int64]> = Mutex([:])
    private let held: Mutex<Bool> = Mutex(false)
    private let process: Process

    init(arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["--client"] + arguments
        let output = Pipe()
        process.standardOutput = output
        self.process = process
        try process.run()
        let reader = output.fileHandleForReading
        Thread { [self] in
            var pending = ""
            while true {
                let chunk = reader.availableData
                if chunk.isEmpty { return }
                pending += String(decoding: chunk, as: UTF8.self)
                while let newline = pending.firstIndex(of: "\n") {
                    record(String(pending[..<newline]))
                    pending = String(pending[pending.index(after: newline)...])
                }
            }
        }.start()
    }

    var isHeld: Bool { held.withLock { $0 } }

    /// SIGKILL: the child inherits the server's ignored SIGTERM (its graceful-shutdown signal).
    func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    private func record(_ line: String) {
        if line == "held" { return held.withLock { $0 = true } }
        let fields = line.split(separator: " ").compactMap { Int64($0) }
        guard fields.count == 2 else { return }
        answeredAt.withLock { $0[Int(fields[0])] = fields[1] }
    }
}
