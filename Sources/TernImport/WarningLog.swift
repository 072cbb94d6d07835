/// Collects warnings up to a limit and counts the rest.
struct WarningLog {
    let limit: Int
    private(set) var warnings: [ImportSkip] = []
    private(set) var dropped = 0

    init(limit: Int) {
        self.limit = limit
    }

    mutating func add(_ reason: String, line: Int) {
        add(ImportSkip(reason, line: line))
    }

    mutating func add(_ skip: ImportSkip) {
        if warnings.count < limit {
            warnings.append(skip)
        } else {
            dropped += 1
        }
    }

    mutating func merge(_ other: WarningLog) {
        for warning in other.warnings { add(warning) }
        dropped += other.dropped
    }
}
