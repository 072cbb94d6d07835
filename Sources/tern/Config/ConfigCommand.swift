import ArgumentParser
import Foundation

/// `tern config check FILE`: the configuration `tern serve --config FILE` would run with.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Check a configuration file.", subcommands: [ConfigCheckCommand.self])
}

/// `tern config check FILE`: every mistake one line on stderr and exit 1; otherwise the
/// effective configuration (defaults filled in, `$TERN_DATA` for a missing data folder,
/// secrets masked) as JSON on stdout.
struct ConfigCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Validate a config file and print the effective configuration, secrets masked.")

    @Argument(help: "The JSON configuration file, as `tern serve --config` reads it.")
    var file: String

    func run() async throws {
        let config: ServeConfigFile
        do {
            config = try ServeConfigFile.decode(file).overridden(by: ProcessInfo.processInfo.environment)
        } catch let error as ServeConfigFile.Invalid {
            throw failure("environment: \(error.message)")
        }
        let problems = config.problems
        guard problems.isEmpty else {
            for problem in problems { FileHandle.standardError.write(Data("tern: config \(file): \(problem)\n".utf8)) }
            throw ExitCode(1)
        }
        let (host, port) = ServeCommand.split(config.listen ?? ServeCommand.defaultListen) ?? ("127.0.0.1", 8080)
        let server = config.serverConfiguration(
            host: host, port: port, schemaDirectory: nil, relay: nil, passwordVerifierKey: nil)
        let data = config.data ?? DataOptions.defaultDirectory
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        print(
            String(
                decoding: try encoder.encode(
                    EffectiveConfiguration(
                        server, lmtp: config.lmtp, data: data,
                        database: config.database.map {
                            ($0, config.databasePoolSize ?? DataOptions().databasePoolSize)
                        },
                        logFormat: config.logFormat ?? .text,
                        logLevel: config.logLevel ?? "info")),
                as: UTF8.self))
    }
}
