/// What one file yielded: every item in file order, each either imported or skipped with
/// its reason, plus warnings about parts left out of items that were kept.
public struct ImportBatch<Item: Sendable>: Sendable {
    public var items: [Result<Item, ImportSkip>]
    /// At most `ImportLimits.maxWarnings` warnings, in file order.
    public var warnings: [ImportSkip]
    /// Warnings beyond the limit, counted but not kept.
    public var droppedWarningCount: Int

    public init(items: [Result<Item, ImportSkip>] = [], warnings: [ImportSkip] = [], droppedWarningCount: Int = 0) {
        self.items = items
        self.warnings = warnings
        self.droppedWarningCount = droppedWarningCount
    }

    /// The items that were imported.
    public var imported: [Item] {
        items.compactMap { if case .success(let item) = $0 { item } else { nil } }
    }

    /// The items that were skipped, with why.
    public var skipped: [ImportSkip] {
        items.compactMap { if case .failure(let skip) = $0 { skip } else { nil } }
    }

    /// Every warning, kept or only counted.
    public var warningCount: Int { warnings.count + droppedWarningCount }
}
