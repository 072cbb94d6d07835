import BenchmarkSupport
import CEpoll
import Foundation
import PushBenchSupport
import Synchronization
import TernServer
import TernStorePostgres

#if canImport(Glibc)
    import Glibc
#endif

/// A Tern server node in a child process (`--node URL SCHEMA MAXHELD`) on the shared
/// PostgreSQL store: it prints `port P` once it listens, and on `trim` (a line on stdin)
/// returns freed memory to the system and prints `trimmed`, so that its RSS is what it holds.
final class NodeProcess: Sendable {
    private struct State {
        var port: Int?
        var trims = 0
    }

    /// What the node has reported.
    private final class Reports: Sendable {
        let state = Mutex(State())
    }

    private let reports = Reports()
    private let child: Mutex<ChildProcess?> = Mutex(nil)

    init(url: String, schema: String, maxHeld: Int) throws {
        let process = try ChildProcess(arguments: ["--node", url, schema, "\(maxHeld)"]) { [reports] line in
            let fields = line.split(separator: " ")
            reports.state.withLock { state in
                if fields.first == "port", fields.count == 2 { state.port = Int(fields[1]) }
                if fields.first == "trimmed" { state.trims += 1 }
            }
        }
        child.withLock { $0 = process }
    }

    private var process: ChildProcess {
        guard let process = child.withLock({ $0 }) else { fatalError("the node was not started") }
        return process
    }

    var processIdentifier: Int32 { process.processIdentifier }

    /// The port the node listens on, once it does (up to a minute: it migrates the schema first).
    func port() async throws -> Int {
        for _ in 0..<600 {
            if let port = reports.state.withLock({ $0.port }) { return port }
            try await Task.sleep(for: .milliseconds(100))
        }
        fatalError("node \(processIdentifier) did not start listening")
    }

    /// The node's resident memory after it has trimmed its heap.
    func trimmedResidentBytes() async throws -> Int {
        let before = reports.state.withLock { $0.trims }
        process.send("trim")
        while reports.state.withLock({ $0.trims }) == before { try await Task.sleep(for: .milliseconds(20)) }
        return ProcessFigures.residentBytes(of: processIdentifier)
    }

    func stop() { process.stop() }

    /// The node's side, when this process was started with `--node`: serves until killed.
    static func runIfAsked() async throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard arguments.first == "--node" else { return }
        guard arguments.count == 4, let maxHeld = Int(arguments[3]) else { fatalError("--node URL SCHEMA MAXHELD") }
        _ = ProcessFigures.raiseFileLimit(to: maxHeld + 1_000)
        let store = try await PostgresStore(url: arguments[1], poolSize: 8, schema: arguments[2])
        let output = FileHandle.standardOutput
        Thread {
            while let line = readLine() {
                guard line == "trim" else { continue }
                malloc_trim(0)
                output.write(Data("trimmed\n".utf8))
            }
        }.start()
        let configuration = ServerConfiguration(
            port: 0, maxHeldPerUser: 50, maxHeldTotal: maxHeld, backlog: 8192)
        try await TernServer(store: store, configuration: configuration).run { port in
            output.write(Data("port \(port)\n".utf8))
        }
        exit(0)
    }
}
