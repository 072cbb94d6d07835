import ActiveSync
import TernStore
import TernSync

/// Search (MS-ASCMD 2.2.1.16), Mailbox and GAL stores. A query the decoder refuses is
/// answered in the Store's Status with the Search Status 1, as the specification places
/// them; a store that fails is the Search Status 3.
struct SearchHandler {
    let store: any Store

    func handle(_ request: EASRequest) async throws -> EASResponse {
        let parsed: SearchRequest
        do {
            parsed = try request.decodedBody(as: SearchRequest.self)
        } catch {
            return .document(SearchResponse(storeStatus: error.status).element)
        }
        let service = SearchService(store: store, user: request.user, protocolVersion: request.protocolVersion)
        do {
            return .document(try await service.handle(parsed).element)
        } catch {
            return .document(SearchResponse(status: .serverError, storeStatus: nil).element)
        }
    }
}

/// ResolveRecipients (MS-ASCMD 2.2.1.15); its decoder refuses more than
/// `RequestLimits.recipientsToResolve` names or a bad free/busy window with Status 5, and a
/// store that fails is Status 6.
struct ResolveRecipientsHandler {
    let store: any Store

    func handle(_ request: EASRequest) async throws -> EASResponse {
        let parsed = try request.decodedBody(as: ResolveRecipientsRequest.self)
        let resolver = RecipientResolver(store: store, user: request.user, protocolVersion: request.protocolVersion)
        do {
            return .document(try await resolver.handle(parsed).element)
        } catch {
            return .document(ResolveRecipientsResponse(status: .serverError).element)
        }
    }
}

/// Find (MS-ASCMD 2.2.1.2, 16.1): a Range that does not start at 0 is the Response's Status
/// 4, any other request the decoder refuses the Find Status 2; a store that fails is 2 as well,
/// Find having no server-error status.
struct FindHandler {
    let store: any Store

    func handle(_ request: EASRequest) async throws -> EASResponse {
        let parsed: FindRequest
        do {
            parsed = try request.decodedBody(as: FindRequest.self)
        } catch {
            let refused =
                error.status == .rangeNotFromZero
                ? FindResponse(responseStatus: .rangeNotFromZero)
                : FindResponse(status: error.status, responseStatus: nil)
            return .document(refused.element)
        }
        do {
            return .document(try await FindService(store: store, user: request.user).handle(parsed).element)
        } catch {
            return .document(FindResponse(status: .invalidRequest, responseStatus: nil).element)
        }
    }
}
