import ActiveSync
import TernStore

/// SendMail, SmartReply and SmartForward (MS-ASCMD 2.2.1.17, 2.2.1.19, 2.2.1.20) in their 14.0+
/// document form and their 12.1 form (the message as the body; SaveInSent, CollectionId and
/// ItemId in the query), sent by `MailSubmission`. Success is an empty 200; a refusal is
/// `<SendMail><Status>n</Status></SendMail>` (or SmartReply's, SmartForward's) with a common status.
struct ComposeMailHandler {
    let store: any Store
    let limits: SubmissionLimits
    let outbound: OutboundQueue?

    func handle(_ request: EASRequest) async throws -> EASResponse {
        let kind = ComposeMailRequest.Kind.allCases.first { $0.command == request.line.command } ?? .sendMail
        let compose: ComposeMailRequest
        if let mime = request.mimeBody {
            let line = request.line
            compose = ComposeMailRequest(
                kind: kind, clientID: nil, saveInSentItems: line.saveInSent,
                source: kind == .sendMail
                    ? nil : .init(folderID: line.collectionID, itemID: line.itemID, longID: line.longID),
                mime: mime)
        } else {
            guard let body = request.body else { throw SubmissionRefusal(.invalidXML, "no body") }
            compose = try ComposeMailRequest(body)
            guard compose.kind == kind else {
                throw SubmissionRefusal(.invalidXML, "a \(compose.kind) document sent as \(request.line.command)")
            }
        }
        try await MailSubmission(store: store, limits: limits, outbound: outbound).send(compose, from: request.user)
        return .httpStatus(200)
    }
}
