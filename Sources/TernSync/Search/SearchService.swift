public import ActiveSync
import Foundation
public import TernStore

/// Search (MS-ASCMD 2.2.1.16) for one user: the Mailbox store through the store's full-text
/// index, the GAL store through `GALDirectory`. Results come in the request's Range with the
/// Total; a Range starting past the last result is Status 12.
public struct SearchService: Sendable {
    let store: any Store
    let user: User
    let protocolVersion: ProtocolVersion

    public init(store: any Store, user: User, protocolVersion: ProtocolVersion) {
        self.store = store
        self.user = user
        self.protocolVersion = protocolVersion
    }

    public func handle(_ request: SearchRequest) async throws(StoreError) -> SearchResponse {
        switch request.store {
        case .mailbox(let query): try await searchMailbox(query, range: request.range)
        case .gal(let query): try await searchGAL(query, range: request.range)
        }
    }

    private func searchMailbox(_ query: MailboxQuery, range: SearchRange) async throws(StoreError) -> SearchResponse {
        guard query.classes.isEmpty || query.classes.contains(where: { $0.lowercased() == "email" }) else {
            return SearchResponse(storeStatus: .tooComplex)
        }
        let outcome = try await UserMailSearch(store: store, user: user).run(
            query.freeText ?? "", in: query.collectionIDs, deep: query.deepTraversal, folderTypes: query.folderTypes,
            query: MailSearchQuery(
                words: [], folderIDs: [], receivedAfter: query.receivedAfter, receivedBefore: query.receivedBefore,
                conversationID: query.conversationID, offset: range.first, limit: range.count))
        let (found, collectionIDs): (MailSearchResult, [Folder.ID: String])
        switch outcome {
        case .tooManyWords: return SearchResponse(storeStatus: .tooComplex)
        case .unknownFolder: return SearchResponse(storeStatus: .folderSyncRequired)
        case .found(let result, let ids): (found, collectionIDs) = (result, ids)
        }
        guard !found.items.isEmpty else {
            return found.total > 0
                ? SearchResponse(storeStatus: .endOfRetrievableRange, total: found.total)
                : SearchResponse(storeStatus: .success, results: [.empty], total: 0)
        }
        let encoding = ItemEncodingOptions(options: query.options, protocolVersion: protocolVersion)
        let results = found.items.compactMap { item -> SearchResponse.Result? in
            guard let collectionID = collectionIDs[item.folderID],
                let properties = ApplicationDataMapping.encode(item.content, serverID: item.serverID, options: encoding)
                    .encodableElements(version: protocolVersion)
            else { return nil }
            return SearchResponse.Result(
                itemClass: item.content.itemClass.rawValue,
                longID: ItemReference.searchLongID(collectionID: collectionID, serverID: item.serverID),
                collectionID: collectionID, properties: properties)
        }
        return SearchResponse(
            storeStatus: .success, results: results, range: range.returned(results.count), total: found.total)
    }

    private func searchGAL(_ query: GALQuery, range: SearchRange) async throws(StoreError) -> SearchResponse {
        let directory = try await GALDirectory.load(from: store)
        let matches = directory.users(matching: query.text)
        guard range.first < max(matches.count, 1) else {
            return SearchResponse(storeStatus: .endOfRetrievableRange, total: matches.count)
        }
        let page = matches.dropFirst(range.first).prefix(range.count)
        let pictures = protocolVersion >= .v14_1 ? query.picture : nil
        var budget = pictures?.maxPictures
        var results: [SearchResponse.Result] = []
        for user in page {
            let entry = try await directory.entry(for: user, pictures: pictures, budget: &budget)
            results.append(
                SearchResponse.Result(itemClass: nil, longID: nil, collectionID: nil, properties: entry.properties))
        }
        return SearchResponse(
            storeStatus: .success, results: results, range: results.isEmpty ? nil : range.returned(results.count),
            total: matches.count)
    }
}
