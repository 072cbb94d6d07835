/// Lookup tables built once from `CodePage.all`: token to name and name to token per page.
struct CodePageIndex: Sendable {
    static let shared = CodePageIndex(pages: CodePage.all)

    /// `names[page][token]`, 64 slots per page.
    private let names: [[String?]]
    private let tokens: [[String: UInt8]]
    private let pagesByNamespace: [String: UInt8]

    init(pages: [CodePage]) {
        var names: [[String?]] = []
        var tokens: [[String: UInt8]] = []
        var pagesByNamespace: [String: UInt8] = [:]
        for page in pages {
            var slots = [String?](repeating: nil, count: 64)
            var byName: [String: UInt8] = [:]
            for tag in page.tags {
                slots[Int(tag.token)] = tag.name
                byName[tag.name] = tag.token
            }
            names.append(slots)
            tokens.append(byName)
            pagesByNamespace[page.namespace] = page.number
        }
        self.names = names
        self.tokens = tokens
        self.pagesByNamespace = pagesByNamespace
    }

    func name(page: UInt8, token: UInt8) -> String? {
        guard Int(page) < names.count, token < 64 else { return nil }
        return names[Int(page)][Int(token)]
    }

    func token(page: UInt8, name: String) -> UInt8? {
        guard Int(page) < tokens.count else { return nil }
        return tokens[Int(page)][name]
    }

    func pageNumber(namespace: String) -> UInt8? {
        pagesByNamespace[namespace]
    }
}
