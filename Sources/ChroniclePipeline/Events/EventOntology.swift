/// The event types Chronicle extracts, from `Resources/events/event_types.tsv`: a versioned
/// list, each type with its CAMEO root code and ACE 2005 type where one exists. Served at
/// `GET /v1/event-types`.
public struct EventOntology: Sendable, Encodable {
    public struct EventType: Sendable, Encodable, Equatable {
        public let name: String
        /// CAMEO code (root or sub-code), nil where CAMEO has none.
        public let cameo: String?
        /// ACE 2005 `Type.Subtype`, nil where ACE has none.
        public let ace: String?
        public let description: String
    }

    public let version: String
    public let types: [EventType]

    public static let shared: EventOntology = {
        let types = ResourceTable.rows("event_types").compactMap { columns -> EventType? in
            guard columns.count >= 4 else { return nil }
            func optional(_ value: String) -> String? { value == "-" || value.isEmpty ? nil : value }
            return EventType(name: columns[0], cameo: optional(columns[1]), ace: optional(columns[2]), description: columns[3])
        }
        return EventOntology(version: ResourceTable.version("event_types") ?? "0", types: types)
    }()

    public func type(named name: String) -> EventType? { types.first { $0.name == name } }
}
