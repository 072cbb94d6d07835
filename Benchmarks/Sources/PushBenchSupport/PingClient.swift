import ActiveSync
import BenchmarkSupport
import Foundation
import Synchronization
import WBXML

/// Held Pings in a child process (`--client PORT FIRST COUNT INBOX`): devices FIRST
/// to FIRST+COUNT-1 each send their Ping over a connection of its own; the child prints
/// `held` once every Ping is sent, then `INDEX NANOSECONDS` (CLOCK_MONOTONIC) per response read.
public final class PingClient: Sendable {
    /// What the child has reported.
    private final class Reports: Sendable {
        let answeredAt: Mutex<[Int: Int64]> = Mutex([:])
        let held: Mutex<Bool> = Mutex(false)
    }

    private let reports = Reports()
    private let child: Mutex<ChildProcess?> = Mutex(nil)

    /// Starts the child: devices `devices` ping `inbox` through the server on `port`.
    public init(port: Int, devices: Range<Int>, inbox: String) throws {
        let arguments = ["--client", "\(port)", "\(devices.lowerBound)", "\(devices.count)", inbox]
        let process = try ChildProcess(arguments: arguments) { [reports] line in
            if line == "held" { return reports.held.withLock { $0 = true } }
            let fields = line.split(separator: " ").compactMap { Int64($0) }
            guard fields.count == 2 else { return }
            reports.answeredAt.withLock { $0[Int(fields[0])] = fields[1] }
        }
        child.withLock { $0 = process }
    }

    public var isHeld: Bool { reports.held.withLock { $0 } }

    /// CLOCK_MONOTONIC nanoseconds at which each device's response was read, by device index.
    public var answeredAt: [Int: Int64] { reports.answeredAt.withLock { $0 } }

    /// How many responses have been read.
    public var answeredCount: Int { reports.answeredAt.withLock { $0.count } }

    public func stop() { child.withLock { $0 }?.stop() }

    /// The child's side, when this process was started with `--client`: opens the
    /// connections, reports, and reads responses until it is killed.
    public static func runIfAsked() throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard arguments.first == "--client" else { return }
        let numbers = arguments.dropFirst().prefix(3).compactMap { Int($0) }
        guard arguments.count == 5, numbers.count == 3 else { fatalError("--client PORT FIRST COUNT INBOX") }
        let (port, first, count) = (numbers[0], numbers[1], numbers[2])
        _ = ProcessFigures.raiseFileLimit(to: count + 100)
        let body = try WBXMLEncoder().encode(
            PingRequest(heartbeatInterval: 3540, folders: [PingFolder(id: arguments[4], class: "Email")]).element)
        let pings = HeldPings()
        try pings.open(devices: first..<(first + count), port: port) {
            pingRequest($0, body: body)
        }
        let output = FileHandle.standardOutput
        output.write(Data("held\n".utf8))
        pings.readForever { device in
            output.write(Data("\(device) \(ProcessFigures.monotonicNanoseconds())\n".utf8))
        }
    }

    /// Device `index`'s Ping of its Inbox, as raw HTTP/1.1.
    static func pingRequest(_ index: Int, body pingBody: [UInt8]) -> [UInt8] {
        let authorization = "Basic " + Data("u\(index):secret".utf8).base64EncodedString()
        let head = """
            POST /Microsoft-Server-ActiveSync?Cmd=Ping&User=u\(index)&DeviceId=D\(index)&DeviceType=Bench HTTP/1.1\r
            Host: 127.0.0.1\r
            Authorization: \(authorization)\r
            MS-ASProtocolVersion: 14.1\r
            X-MS-PolicyKey: \(BenchUsers.policyKey)\r
            Content-Type: application/vnd.ms-sync.wbxml\r
            Content-Length: \(pingBody.count)\r
            \r

            """
        return Array(head.utf8) + pingBody
    }
}
