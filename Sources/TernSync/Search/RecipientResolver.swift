public import ActiveSync
import Foundation
import MIME
public import TernStore

/// ResolveRecipients (MS-ASCMD 2.2.1.15) for one user: each name or address is looked up in
/// the GAL and in the user's contacts. One match is resolved (Status 1); several are
/// suggestions (2, or 3 when more matched than MaxAmbiguousRecipients lets through); none is
/// Status 4. A resolved user of this server gets free/busy from their calendar when asked;
/// a contact's is Status 163, Tern has no calendar of theirs. No certificates are stored, so
/// asking for them answers Certificates Status 7.
public struct RecipientResolver: Sendable {
    let store: any Store
    let user: User
    let protocolVersion: ProtocolVersion

    /// How many candidates an ambiguous name gets when the request does not say.
    static let defaultAmbiguousRecipients = 20

    public init(store: any Store, user: User, protocolVersion: ProtocolVersion) {
        self.store = store
        self.user = user
        self.protocolVersion = protocolVersion
    }

    public func handle(_ request: ResolveRecipientsRequest) async throws(StoreError) -> ResolveRecipientsResponse {
        let contacts = try await self.contacts()
        let directory = try await GALDirectory.load(from: store)
        let pictures = protocolVersion >= .v14_1 ? request.picture : nil
        var budget = pictures?.maxPictures
        var responses: [ResolveRecipientsResponse.Response] = []
        for name in request.names {
            let matches = try await candidates(for: name, in: directory, contacts: contacts)
            let shown =
                matches.count == 1
                ? matches : Array(matches.prefix(request.maxAmbiguousRecipients ?? Self.defaultAmbiguousRecipients))
            let status: ResolveRecipientsStatus =
                switch matches.count {
                case 0: .notResolved
                case 1: .success
                default: shown.count < matches.count ? .ambiguousPartial : .ambiguous
                }
            var recipients: [ResolveRecipientsResponse.Recipient] = []
            for match in shown {
                var recipient = match.recipient
                if status == .success {
                    if let window = request.availability {
                        recipient.availability = try await availability(of: match, in: window)
                    }
                    if request.certificateRetrieval > 1 { recipient.certificatesStatus = .noValidCertificate }
                }
                if let pictures, case .gal(let person) = match {
                    recipient.picture = try await directory.picture(
                        of: person, options: pictures, budget: &budget)
                }
                recipients.append(recipient)
            }
            responses.append(.init(to: name, status: status, recipientCount: matches.count, recipients: recipients))
        }
        return ResolveRecipientsResponse(status: .success, responses: responses)
    }

    /// A person a name matched: a user of this server, or one of the user's contacts.
    enum Match {
        case gal(User)
        case contact(name: String, address: String)

        var address: String {
            switch self {
            case .gal(let user): user.primaryAddress ?? user.login
            case .contact(_, let address): address
            }
        }

        var recipient: ResolveRecipientsResponse.Recipient {
            switch self {
            case .gal(let user): .init(kind: .gal, displayName: user.displayName, emailAddress: address)
            case .contact(let name, let address): .init(kind: .contact, displayName: name, emailAddress: address)
            }
        }
    }

    /// GAL users first, then contacts whose address no GAL user has. An exact address of a
    /// user resolves to that user alone.
    private func candidates(
        for name: String, in directory: GALDirectory, contacts: [(name: String, address: String)]
    ) async throws(StoreError) -> [Match] {
        let wanted = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !wanted.isEmpty else { return [] }
        if let exact = try await store.user(address: wanted) { return [.gal(exact)] }
        var matches = directory.users(matching: wanted).map(Match.gal)
        var addresses = Set(matches.map { $0.address.lowercased() })
        let folded = GALDirectory.folded(wanted)
        for contact in contacts where !addresses.contains(contact.address.lowercased()) {
            let words = [contact.name] + contact.name.split(separator: " ").map(String.init) + [contact.address]
            guard words.contains(where: { GALDirectory.folded($0).hasPrefix(folded) }) else { continue }
            matches.append(.contact(name: contact.name, address: contact.address))
            addresses.insert(contact.address.lowercased())
        }
        return matches
    }

    /// Every address of the user's contacts, with the contact's name.
    private func contacts() async throws(StoreError) -> [(name: String, address: String)] {
        var found: [(name: String, address: String)] = []
        for content in try await items(of: user.id, in: .contacts) {
            guard case .contact(let contact) = content else { continue }
            let fields = contact.fields
            let name =
                [fields[.firstName], fields[.lastName]].compactMap { $0 }.joined(separator: " ").nonEmpty
                ?? fields[.fileAs] ?? ""
            for field in [ContactField.email1Address, .email2Address, .email3Address] {
                guard let value = fields[field], let address = AddressList.parse(value).first?.address else {
                    continue
                }
                found.append((name.isEmpty ? address : name, address))
            }
        }
        return found
    }

    private func availability(of match: Match, in window: DateInterval) async throws(StoreError)
        -> ResolveRecipientsResponse.Availability
    {
        guard case .gal(let person) = match else { return .init(status: .availabilityFailed) }
        var events: [CalendarItem] = []
        for content in try await items(of: person.id, in: .calendar) {
            if case .event(let event) = content { events.append(event) }
        }
        return .init(status: .success, mergedFreeBusy: FreeBusy.merged(events, in: window))
    }

    /// Every item in the folders of `userID` that hold `itemClass`.
    private func items(of userID: User.ID, in itemClass: ItemClass) async throws(StoreError) -> [ItemContent] {
        var contents: [ItemContent] = []
        for folder in try await store.folders(of: userID) where folder.type.itemClass == itemClass {
            contents += try await store.itemChanges(in: folder.id, since: .zero, limit: 100_000).changed.map(\.content)
        }
        return contents
    }
}

extension String {
    fileprivate var nonEmpty: String? { isEmpty ? nil : self }
}
