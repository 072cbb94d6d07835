import HTTPTypes
import Hummingbird
import NIOCore

/// A response with its body gathered into buffers, ready to be written on the event loop
/// in one go. Tern's bodies are in memory already; gathering them copies no bytes.
struct CollectedResponse: Sendable {
    var head: HTTPResponse
    var body: [ByteBuffer] = []
    var trailers: HTTPFields?

    init(status: HTTPResponse.Status) {
        head = HTTPResponse(status: status, headerFields: [.contentLength: "0"])
    }

    /// Gathers `response`'s body; a body that fails while it is written ends as far as it got.
    init(_ response: Response) async {
        head = response.head
        let collector = BodyCollector()
        try? await response.body.write(collector)
        body = collector.buffers
        trailers = collector.trailers
    }
}

/// Receives a response body's buffers as Hummingbird writes them.
private final class BodyCollector: ResponseBodyWriter {
    var buffers: [ByteBuffer] = []
    var trailers: HTTPFields?

    func write(_ buffer: ByteBuffer) async throws {
        buffers.append(buffer)
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {
        trailers = trailingHeaders
    }
}
