import ArgumentParser
import Foundation

/// The bytes of `path`, or of stdin when `path` is nil or `-`; a missing file is a failure line.
func readInput(_ path: String?) throws -> [UInt8] {
    guard let path, path != "-" else {
        return Array(FileHandle.standardInput.readDataToEndOfFile())
    }
    guard let data = FileManager.default.contents(atPath: path) else {
        throw failure("cannot read \(path)")
    }
    return Array(data)
}

func writeStandardOutput(_ bytes: [UInt8]) {
    FileHandle.standardOutput.write(Data(bytes))
}

/// At most `limit` bytes of stdin, so that an endless input cannot exhaust memory.
func readStandardInput(upTo limit: Int) -> [UInt8] {
    var bytes: [UInt8] = []
    while bytes.count < limit {
        let chunk = FileHandle.standardInput.readData(ofLength: min(1 << 20, limit - bytes.count))
        if chunk.isEmpty { break }
        bytes += chunk
    }
    return bytes
}

/// Prints `tern: <message>` on stderr and returns the exit code to throw (1 by default).
func failure(_ message: String, exitCode: Int32 = 1) -> ExitCode {
    FileHandle.standardError.write(Data("tern: \(message)\n".utf8))
    return ExitCode(exitCode)
}
