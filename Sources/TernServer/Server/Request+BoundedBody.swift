import HTTPTypes
import Hummingbird

extension Request {
    /// The whole body, refused with 413 when it is, or says it will be, larger than `limit`
    /// (checked before anything is decoded; DESIGN.md, bad input).
    func boundedBody(upTo limit: Int) async throws(HTTPRefusal) -> [UInt8] {
        if let length = headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw HTTPRefusal(status: 413)
        }
        do {
            return Array(try await body.collect(upTo: limit).readableBytesView)
        } catch {
            throw HTTPRefusal(status: 413)
        }
    }
}
