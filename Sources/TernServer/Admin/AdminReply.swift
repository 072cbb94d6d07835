import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import TernAdmin
import TernStore

/// A JSON request body of the admin API, read whole (and bounded) before the operation runs.
struct AdminRequestBody {
    let bytes: [UInt8]

    var isEmpty: Bool { bytes.isEmpty }

    func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        do {
            return try JSONDecoder().decode(type, from: Data(bytes))
        } catch let error as DecodingError {
            throw AdministrationError(.invalid, error.readableDescription)
        }
    }
}

/// What an admin call answers: a status and a JSON body, or `{"error": ...}`.
struct AdminReply {
    let status: HTTPResponse.Status
    private let json: Data

    init(status: HTTPResponse.Status, body: some Encodable) {
        self.status = status
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        // Our own value types always encode; failing here is a bug in Tern.
        guard let json = try? encoder.encode(body) else { preconditionFailure("admin reply did not encode") }
        self.json = json
    }

    init(status: HTTPResponse.Status, error: String) {
        self.init(status: status, body: ["error": error])
    }

    static func ok(_ body: some Encodable) -> AdminReply { AdminReply(status: .ok, body: body) }

    static let noContent = AdminReply(status: .noContent, json: Data())

    private init(status: HTTPResponse.Status, json: Data) {
        self.status = status
        self.json = json
    }

    /// The answer to a failed operation: the status its error stands for.
    init(_ error: any Error) {
        let failure = AdminFailure(error, bodyLimit: AdminAPI.maxRequestBytes)
        self.init(status: failure.status, error: failure.message)
    }

    var response: Response {
        guard !json.isEmpty else { return Response(status: status) }
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: json)))
    }
}

/// What a failed admin operation comes to over HTTP, for the JSON API and the web console
/// alike: 404 no such user or device, 409 taken, 400 a bad value, 413 a body over
/// `bodyLimit`, else 503 (the store failed; the message says no more).
struct AdminFailure: Error {
    let status: HTTPResponse.Status
    let message: String

    init(status: HTTPResponse.Status, message: String) {
        self.status = status
        self.message = message
    }

    init(_ error: any Error, bodyLimit: Int) {
        switch error {
        case let failure as AdminFailure:
            self = failure
        case let error as AdministrationError:
            self.init(status: error.code == .notFound ? .notFound : .badRequest, message: error.description)
        case let error as StoreError where error.code == .notFound:
            self.init(status: .notFound, message: error.detail)
        case let error as StoreError where error.code == .alreadyExists:
            self.init(status: .conflict, message: error.detail)
        case let error as StoreError where error.code == .invalid:
            self.init(status: .badRequest, message: error.detail)
        case let refusal as HTTPRefusal where refusal.status == 413:
            self.init(status: .contentTooLarge, message: "the body is larger than \(bodyLimit) bytes")
        default:
            self.init(status: .serviceUnavailable, message: "the server could not complete the call")
        }
    }
}
