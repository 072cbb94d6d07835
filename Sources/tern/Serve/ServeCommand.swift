import ArgumentParser
import Foundation
import TernServer

/// `tern serve [--listen HOST:PORT] [--data DIR]`: runs the EAS server until SIGTERM/SIGINT.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the Exchange ActiveSync server.")

    @Option(help: "Address to listen on, HOST:PORT.")
    var listen = "127.0.0.1:8080"

    @Option(help: "Folder of the XSDs that XML-form requests are validated against (default: ./Schemas if present).")
    var schemas: String?

    @OptionGroup var dataOptions: DataOptions

    func validate() throws {
        guard Self.split(listen) != nil else { throw ValidationError("--listen takes HOST:PORT, e.g. 0.0.0.0:8080") }
    }

    static func split(_ address: String) -> (host: String, port: Int)? {
        guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]),
            (0...65535).contains(port)
        else { return nil }
        return (String(address[..<colon]), port)
    }

    func run() async throws {
        guard let (host, port) = Self.split(listen) else { throw ValidationError("bad --listen") }
        let schemaDirectory = schemas ?? (FileManager.default.fileExists(atPath: "Schemas/ActiveSync.xsd") ? "Schemas" : nil)
        let store = try dataOptions.openStore()
        let server = TernServer(
            store: store, configuration: ServerConfiguration(host: host, port: port, schemaDirectory: schemaDirectory))
        do {
            try await server.run { port in
                FileHandle.standardError.write(Data("tern: listening on http://\(host):\(port)/Microsoft-Server-ActiveSync\n".utf8))
            }
        } catch {
            throw failure("\(error)")
        }
    }
}
