import Testing

@testable import TernSync
