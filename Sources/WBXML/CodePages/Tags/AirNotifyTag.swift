// Written from `CodePage.airNotify` by TagConstantTests; do not edit by hand.

/// The tags of code page 3, AirNotify, as constants: a misspelt tag does not compile.
public enum AirNotifyTag {
}
