package import Foundation

/// How a backend stores a user's out-of-office settings: one JSON document per user.
extension OutOfOffice {
    /// The settings a stored document holds; the defaults (off) when there is none.
    package init(storedDocument document: Data?) throws {
        guard let document else {
            self.init()
            return
        }
        self = try JSONDecoder().decode(OutOfOffice.self, from: document)
    }

    /// The document to store.
    package func storedDocument() throws(StoreError) -> Data {
        do { return try JSONEncoder().encode(self) } catch { throw StoreError(.invalid, "\(error)") }
    }
}
