import Foundation
import TernTesting

extension RunningServer {
    /// A plain HTTP answer: status, headers (lowercased names) and body bytes.
    struct HTTPReply {
        let status: Int
        let headers: [String: String]
        let body: [UInt8]

        var text: String { String(decoding: body, as: UTF8.self) }

        /// The body as a JSON object or array.
        func json() throws -> Any { try JSONSerialization.jsonObject(with: Data(body)) }

        /// A member of a JSON object body, nil when absent or when the body is no object.
        func field(_ name: String) -> Any? { (try? json() as? [String: Any])?[name] }

        /// The `error` of a JSON error body.
        var error: String? { field("error") as? String }
    }

    /// Sends `method path` over curl, optionally with Basic credentials and a body.
    func send(
        _ method: String, _ path: String, headers: [String: String] = [:],
        basic: (user: String, password: String)? = nil,
        body: [UInt8]? = nil
    ) async throws -> HTTPReply {
        var arguments = ["-X", method]
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { arguments += ["-H", "\(name): \(value)"] }
        if let basic { arguments += ["-u", "\(basic.user):\(basic.password)"] }
        let (status, headers, data) = try await curl(arguments, url: "http://127.0.0.1:\(port)\(path)", payload: body)
        return HTTPReply(status: status, headers: headers, body: data)
    }
}

extension RunningServer {
    /// Runs `body` against a fresh server and stops it afterwards, whatever happens.
    static func with(
        adminToken: String? = nil, publicURL: String? = nil, _ body: (RunningServer) async throws -> Void
    ) async throws {
        let server = try await RunningServer(adminToken: adminToken, publicURL: publicURL)
        do {
            try await body(server)
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }
}
