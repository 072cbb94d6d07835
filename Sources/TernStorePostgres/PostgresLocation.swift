import Foundation
import NIOSSL
package import PostgresNIO
package import TernStore

/// Where a PostgreSQL store lives, read from a URL of the form
/// `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=disable|prefer|require]`
/// (`postgresql://` too, as libpq spells it). User and password may be percent-encoded;
/// the port defaults to 5432 and `sslmode` to `prefer`, as libpq's do.
package struct PostgresLocation: Sendable, CustomStringConvertible {
    enum TLSMode: String, Sendable {
        case disable, prefer, require
    }

    let host: String
    let port: Int
    let user: String
    let password: String?
    let database: String
    let tls: TLSMode

    package init(url text: String) throws(StoreError) {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            scheme == "postgres" || scheme == "postgresql"
        else {
            throw StoreError(.invalid, "not a postgres:// URL: \(Self.redacted(text))")
        }
        guard let host = components.host, !host.isEmpty else {
            throw StoreError(.invalid, "the database URL names no host: \(Self.redacted(text))")
        }
        guard let user = components.user?.removingPercentEncoding, !user.isEmpty else {
            throw StoreError(.invalid, "the database URL names no user: \(Self.redacted(text))")
        }
        let database = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        guard !database.isEmpty, !database.contains("/") else {
            throw StoreError(.invalid, "the database URL names no database (…/DATABASE): \(Self.redacted(text))")
        }
        var tls = TLSMode.prefer
        for item in components.queryItems ?? [] {
            guard item.name == "sslmode", let value = item.value, let mode = TLSMode(rawValue: value) else {
                throw StoreError(
                    .invalid, "the database URL's option \(item.name) is not one of sslmode=disable|prefer|require")
            }
            tls = mode
        }
        self.host = host
        port = components.port ?? 5432
        self.user = user
        password = components.password?.removingPercentEncoding
        self.database = database
        self.tls = tls
    }

    /// The URL without its password, for messages and logs.
    package var description: String { "postgres://\(user)@\(host):\(port)/\(database)" }

    /// What the pool connects with; `searchPath` puts the store's tables in one schema.
    func clientConfiguration(poolSize: Int, searchPath: String?, applicationName: String)
        -> PostgresClient.Configuration
    {
        let mode: PostgresClient.Configuration.TLS =
            switch tls {
            case .disable: .disable
            case .prefer: .prefer(.makeClientConfiguration())
            case .require: .require(.makeClientConfiguration())
            }
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: mode)
        configuration.options.maximumConnections = poolSize
        configuration.options.minimumConnections = 0
        configuration.options.additionalStartupParameters = Self.startupParameters(
            searchPath: searchPath, applicationName: applicationName)
        return configuration
    }

    /// What a single connection outside the pool (the change feed's LISTEN) connects with.
    package func connectionConfiguration(searchPath: String?, applicationName: String) throws(StoreError)
        -> PostgresConnection.Configuration
    {
        let mode: PostgresConnection.Configuration.TLS
        do {
            mode =
                switch tls {
                case .disable: .disable
                case .prefer: .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
                case .require: .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
                }
        } catch {
            throw StoreError(.database, "cannot set up TLS for \(self): \(error)")
        }
        var configuration = PostgresConnection.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: mode)
        configuration.options.additionalStartupParameters = Self.startupParameters(
            searchPath: searchPath, applicationName: applicationName)
        return configuration
    }

    /// Run-time settings sent in the startup message, so every connection has them from its
    /// first statement on. The store's transactions never wait on the client between
    /// statements for long, so one that does belongs to a node that froze or vanished: the
    /// server ends it after a minute, and the user rows it locked are free again.
    private static func startupParameters(searchPath: String?, applicationName: String) -> [(String, String)] {
        [("application_name", applicationName), ("idle_in_transaction_session_timeout", "60s")]
            + (searchPath.map { [("search_path", $0)] } ?? [])
    }

    /// A URL as text with any password replaced, so it may appear in an error.
    private static func redacted(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else {
            return text.contains("@") ? "(a URL that does not parse)" : text
        }
        components.password = "…"
        return components.string ?? "(a URL that does not parse)"
    }
}
