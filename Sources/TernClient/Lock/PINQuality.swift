/// What a PIN policy judges of a PIN, kept in `profile.json` instead of the PIN so that a
/// policy received later can be checked against the PIN already set.
///
/// This tells an attacker the PIN's length and character groups, no more than the policy
/// already says of every PIN the device could have.
public struct PINQuality: Codable, Hashable, Sendable {
    public let length: Int
    public let hasLetter: Bool
    public let hasDigit: Bool
    /// How many of lower case, upper case, digits and other characters occur.
    public let groups: Int
    /// One character repeated (`1111`), or a run up or down by one (`1234`, `4321`, `abcd`).
    public let isSimple: Bool

    public init(_ pin: String) {
        let characters = Array(pin)
        length = characters.count
        hasLetter = characters.contains { $0.isLetter }
        hasDigit = characters.contains { $0.isNumber }
        groups =
            [
                characters.contains { $0.isLowercase }, characters.contains { $0.isUppercase }, hasDigit,
                characters.contains { !$0.isLetter && !$0.isNumber },
            ].filter { $0 }.count
        let scalars = pin.unicodeScalars.map { Int($0.value) }
        let steps = zip(scalars, scalars.dropFirst()).map { $1 - $0 }
        isSimple = scalars.count > 1 && Set(steps).count == 1 && [-1, 0, 1].contains(steps[0])
    }
}
