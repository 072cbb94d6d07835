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

/// Prints `tern: <message>` on stderr and returns the exit code 1 to throw.
func failure(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("tern: \(message)\n".utf8))
    return ExitCode(1)
}
