import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// This executable run again in another role (its first argument names the role): each line
/// it prints is handed to `onLine` on a reader thread, and `send` writes a line to its stdin.
public final class ChildProcess: Sendable {
    private let process: Process
    private let input: FileHandle

    public init(arguments: [String], onLine: @escaping @Sendable (String) -> Void) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = arguments
        let output = Pipe()
        let input = Pipe()
        process.standardOutput = output
        process.standardInput = input
        self.process = process
        self.input = input.fileHandleForWriting
        try process.run()
        let reader = output.fileHandleForReading
        Thread {
            var pending = ""
            while true {
                let chunk = reader.availableData
                if chunk.isEmpty { return }
                pending += String(decoding: chunk, as: UTF8.self)
                while let newline = pending.firstIndex(of: "\n") {
                    onLine(String(pending[..<newline]))
                    pending = String(pending[pending.index(after: newline)...])
                }
            }
        }.start()
    }

    public var processIdentifier: Int32 { process.processIdentifier }

    /// Writes `line` and a newline to the child's stdin.
    public func send(_ line: String) { input.write(Data((line + "\n").utf8)) }

    /// SIGKILL: a child inherits the server's ignored SIGTERM (its graceful-shutdown signal).
    public func stop() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }
}
