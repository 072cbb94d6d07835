/// An XML element with its namespace resolved, as autodiscover reads and writes them.
///
/// The WBXML element tree cannot hold these: its tags are code-page tokens, and the
/// autodiscover namespaces (`http://schemas.microsoft.com/exchange/autodiscover/...`) are
/// not code pages. Content is either child elements or text, never both.
struct NamespacedElement: Hashable, Sendable {
    var namespace: String
    var name: String
    var text: String
    var children: [NamespacedElement]

    init(_ namespace: String, _ name: String, text: String = "", children: [NamespacedElement] = []) {
        self.namespace = namespace
        self.name = name
        self.text = text
        self.children = children
    }

    /// The first child named `name` in this element's own namespace.
    func child(_ name: String) -> NamespacedElement? {
        children.first { $0.name == name && $0.namespace == namespace }
    }
}
