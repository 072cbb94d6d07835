import ActiveSync
import Foundation
import TernStore

/// The options in force for one collection: what the device sent now, else what it sent
/// before (cached parameters, MS-ASCMD 2.2.3.29.2), else the defaults.
struct CollectionOptions {
    /// FilterType 0–8 (MS-ASCMD 2.2.3.70.2); 0 is no filter.
    var filterType: Int
    /// Conflict 1 (default): the server's version wins; 0: the client's.
    var serverWins: Bool
    var encoding: ItemEncodingOptions
    var deletesAsMoves: Bool
    var windowSize: Int
    var supported: Set<String>?

    static let defaultWindowSize = 100
    static let maximumWindowSize = 512

    init(parameters: CollectionParameters, itemClass: ItemClass, protocolVersion: ProtocolVersion) {
        let options = parameters.optionsXML.compactMap(SyncOptions.init(xml:))
        let mine = options.first { $0.itemClass == itemClass } ?? options.first { $0.itemClass == nil }
        filterType = mine?.filterType ?? 0
        serverWins = mine?.conflict != 0
        encoding = ItemEncodingOptions(options: mine, protocolVersion: protocolVersion)
        deletesAsMoves = parameters.deletesAsMoves ?? true
        windowSize = min(max(parameters.windowSize ?? Self.defaultWindowSize, 1), Self.maximumWindowSize)
        supported = parameters.supported
    }

    /// Whether an item belongs on the device under the filter, as of `now`.
    func includes(_ content: ItemContent, now: Date) -> Bool {
        switch content {
        case .email(let email):
            guard let range = Self.range(filterType) else { return true }
            return email.properties.dateReceived >= now.addingTimeInterval(-range)
        case .event(let event):
            guard let range = Self.range(filterType) else { return true }
            let cutoff = now.addingTimeInterval(-range)
            if let recurrence = event.recurrence { return recurrence.until.map { $0 >= cutoff } ?? true }
            return event.endTime >= cutoff
        case .task(let task):
            return filterType != 8 || !task.complete
        case .contact, .note:
            return true
        }
    }

    /// How often the folder is walked for items that aged out of the date filter since they
    /// were sent (a quarter of the window, at least an hour); nil without a date filter.
    var ageingInterval: TimeInterval? {
        Self.range(filterType).map { max(3_600, $0 / 4) }
    }

    /// The past a FilterType keeps, in seconds; nil for no date filter.
    private static func range(_ filterType: Int) -> TimeInterval? {
        let day: TimeInterval = 86_400
        switch filterType {
        case 1: return day
        case 2: return 3 * day
        case 3: return 7 * day
        case 4: return 14 * day
        case 5: return 31 * day
        case 6: return 92 * day
        case 7: return 183 * day
        default: return nil
        }
    }
}

extension CollectionParameters {
    /// These parameters updated with what a request sent; what it left out stays cached.
    func updated(with request: SyncCollectionRequest) -> CollectionParameters {
        CollectionParameters(
            optionsXML: request.options.isEmpty
                ? optionsXML : request.options.map(\.xml),
            windowSize: request.windowSize ?? windowSize,
            deletesAsMoves: request.deletesAsMoves ?? deletesAsMoves,
            supported: request.supported ?? supported)
    }

    static let none = CollectionParameters(optionsXML: [], windowSize: nil, deletesAsMoves: nil, supported: nil)
}
