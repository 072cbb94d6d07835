public import Foundation

/// Runs a program to completion with the given stdin, capturing stdout and stderr.
public struct ChildProcess: Sendable {
    public struct Result: Sendable {
        public let status: Int32
        public let standardOutput: [UInt8]
        public let standardError: String
    }

    public let executable: URL
    public let arguments: [String]

    public init(_ executable: URL, _ arguments: [String]) {
        self.executable = executable
        self.arguments = arguments
    }

    /// Looks a program up on PATH (e.g. libwbxml's `xml2wbxml`); nil when not installed.
    public static func onPath(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appending(path: name) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// A product built beside the test bundle, e.g. `tern`.
    public static func builtProduct(_ name: String) -> URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appending(path: name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        return Fixtures.repositoryRoot.appending(path: ".build/debug/\(name)")
    }

    /// Runs the child on a thread of its own, so that waiting for it never holds one of the
    /// few threads of Swift's cooperative pool (an in-process server the child talks to
    /// needs them).
    public func runDetached(standardInput: [UInt8] = []) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Swift.Result { try run(standardInput: standardInput) }) }.start()
        }
    }

    public func run(standardInput: [UInt8] = []) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let input = Pipe()
        let output = Pipe()
        let error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Drain both pipes while the child runs so that neither can fill up and block it.
        let errorData = LockedBox<Data>(Data())
        let drainError = Thread { errorData.set(error.fileHandleForReading.readDataToEndOfFile()) }
        drainError.start()
        input.fileHandleForWriting.write(Data(standardInput))
        try input.fileHandleForWriting.close()
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errorData.isSet { usleep(1000) }
        return Result(
            status: process.terminationStatus,
            standardOutput: Array(outputData),
            standardError: String(decoding: errorData.value, as: UTF8.self))
    }
}

/// A value written once by another thread and read after.
private final class LockedBox<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value
    private var written = false

    init(_ value: Value) { stored = value }

    func set(_ value: Value) {
        lock.withLock {
            stored = value
            written = true
        }
    }

    var isSet: Bool { lock.withLock { written } }
    var value: Value { lock.withLock { stored } }
}
