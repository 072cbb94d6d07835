import Foundation
import TernTesting
import Testing

/// SIGTERM shuts `tern serve` down gracefully, waiting for a request in flight; a second
/// SIGTERM ends it at once.
@Suite struct ServeShutdownTests {
    @Test func aSecondSigtermDoesNotWaitForTheRequestInFlight() async throws {
        let server = try await ServeProcess()
        defer { server.stop() }
        let upload = server.folder.url.appending(path: "upload.bin")
        try Data(repeating: 0x41, count: 1 << 20).write(to: upload)
        // A request whose body arrives at 4 KB/s: in flight for minutes.
        let tool = try #require(ChildProcess.onPath("curl"))
        let curl = Process()
        curl.executableURL = tool
        curl.arguments = [
            "-s", "-o", "/dev/null", "-u", "anna:secret", "-H", "MS-ASProtocolVersion: 14.1", "-H",
            "Content-Type: application/vnd.ms-sync.wbxml", "--limit-rate", "4k", "--data-binary", "@\(upload.path)",
            "\(server.endpoint)/Microsoft-Server-ActiveSync?Cmd=Sync&User=anna&DeviceId=SLOW1&DeviceType=iPhone",
        ]
        try curl.run()
        defer {
            curl.terminate()
            curl.waitUntilExit()
        }
        try await Task.sleep(for: .seconds(1))
        kill(server.process.processIdentifier, SIGTERM)
        try await Task.sleep(for: .seconds(1))
        #expect(server.process.isRunning, "the first SIGTERM waits for the upload")
        let second = ContinuousClock.now
        kill(server.process.processIdentifier, SIGTERM)
        // The upload needs minutes more; a loaded machine may take a few seconds to exit.
        while server.process.isRunning, ContinuousClock.now - second < .seconds(30) {
            try await Task.sleep(for: .milliseconds(20))
        }
        #expect(!server.process.isRunning && ContinuousClock.now - second < .seconds(20))
    }
}
