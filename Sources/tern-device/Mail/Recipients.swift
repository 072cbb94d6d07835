import ArgumentParser

/// Refuses `--to` lists that name no one, or a recipient that is not an address.
func validateRecipients(_ to: [String]) throws {
    guard !to.isEmpty else { throw ValidationError("give at least one --to") }
    if let bad = to.first(where: { !$0.contains("@") }) {
        throw ValidationError("--to \(bad) is not an e-mail address")
    }
}
