import ActiveSync
import Foundation
import TernStore
import TernStoreSQLite
import TernTesting
import Testing
import WBXML

/// Every message of `HostileMailCorpus` is delivered, then reaches a device at 12.1, 14.1 and
/// 16.1 asking for plain text, HTML or MIME, over a real socket, and is fetched whole by
/// ItemOperations: no message stops a folder from syncing.
@Suite struct HostileMailCorpusTests {
    static func fetch(collection: String, serverID: String, bodyType: Int) -> WBXMLElement {
        WBXMLElement(
            ItemOperationsTag.itemOperations,
            elements: [
                WBXMLElement(
                    ItemOperationsTag.fetch,
                    elements: [
                        WBXMLElement(ItemOperationsTag.store, text: "Mailbox"),
                        WBXMLElement(AirSyncTag.collectionId, text: collection),
                        WBXMLElement(AirSyncTag.serverId, text: serverID),
                        WBXMLElement(
                            ItemOperationsTag.options,
                            elements: [
                                WBXMLElement(
                                    AirSyncBaseTag.bodyPreference,
                                    elements: [WBXMLElement(AirSyncBaseTag.type, text: String(bodyType))])
                            ]),
                    ])
            ])
    }

    @Test func everyHostileMessageIsDeliveredSyncedAndFetched() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let delivery = MailDelivery(store: server.store)
        var delivered: [String: String] = [:]
        for message in HostileMailCorpus.all {
            let item = try await delivery.deliver(message.bytes, to: "anna@tern.example")
            delivered[item.serverID] = message.name
        }
        let inbox = try #require(try await server.store.folders(of: server.user.id).first { $0.type == .inbox })
            .serverID

        for version in ["12.1", "14.1", "16.1"] {
            for bodyType in [1, 2, 4] {
                let context = "\(version), body type \(bodyType)"
                let device = try await server.session(
                    deviceID: "d\(version.replacingOccurrences(of: ".", with: ""))t\(bodyType)", version: version)
                var key = try await SyncOverHTTPTests.start(device, collection: inbox)
                var received: Set<String> = []
                while true {
                    let reply = try await device.send(
                        "Sync", HostileSyncTests.syncWithBodyPreference(key: key, collection: inbox, bodyType: bodyType)
                    )
                    #expect(reply.status == 200, "\(context)")
                    #expect(reply.text("Status") == "1", "\(context)")
                    guard reply.status == 200, let next = reply.text("SyncKey") else { break }
                    key = next
                    received.formUnion(reply.elements("Add").compactMap { $0.firstElement(AirSyncTag.serverId)?.text })
                    if reply.elements("MoreAvailable").isEmpty { break }
                }
                let missing = Set(delivered.keys).subtracting(received).compactMap { delivered[$0] }
                #expect(missing.isEmpty, "\(context): not synced: \(missing)")
            }
            let device = try await server.session(
                deviceID: "fetch\(version.replacingOccurrences(of: ".", with: ""))", version: version)
            for (serverID, name) in delivered.sorted(by: { $0.key < $1.key }) {
                for bodyType in [1, 4] {
                    let reply = try await device.send(
                        "ItemOperations", Self.fetch(collection: inbox, serverID: serverID, bodyType: bodyType))
                    #expect(
                        reply.status == 200 && reply.elements("Status").compactMap(\.text).allSatisfy { $0 == "1" },
                        "\(version) fetch \(name), type \(bodyType)")
                }
            }
        }
    }

    @Test func theHostileMessagesReadBackCleanFromTheStore() async throws {
        let server = try await RunningServer()
        defer { Task { await server.stop() } }
        let delivery = MailDelivery(store: server.store)
        for message in HostileMailCorpus.all {
            let item = try await delivery.deliver(message.bytes, to: "anna@tern.example")
            guard case .email(let email) = item.content else { throw URLError(.cannotDecodeContentData) }
            #expect(
                Array(email.raw) == message.bytes, "\(message): the stored message is byte for byte what was delivered")
            let properties = email.properties
            let texts =
                [
                    properties.subject, properties.from, properties.to, properties.cc, properties.replyTo,
                    properties.preview,
                ].compactMap { $0 }
                + properties.attachments.flatMap { [$0.fileName, $0.contentType] + ($0.contentID.map { [$0] } ?? []) }
            #expect(
                !texts.contains {
                    $0.unicodeScalars.contains { $0.value < 0x20 && $0 != "\t" && $0 != "\n" && $0 != "\r" }
                }, "\(message)")
        }
    }
}
