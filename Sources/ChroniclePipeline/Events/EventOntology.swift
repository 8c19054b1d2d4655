import ChronicleFoundation

/// The event types Chronicle extracts, from `Resources/events/event_types.tsv`: a versioned
/// list, each type with its CAMEO root code and ACE 2005 type where one exists, and how its
/// actors relate (`Parties`). Served at
/// `GET /v1/event-types`.
package struct EventOntology: Sendable, Encodable {
    package struct EventType: Sendable, Encodable, Equatable {
        package let name: String
        /// CAMEO code (root or sub-code), nil where CAMEO has none.
        package let cameo: String?
        /// ACE 2005 `Type.Subtype`, nil where ACE has none.
        package let ace: String?
        package let parties: Parties
        package let description: String
    }

    /// How the actors of an event relate, which says what a different actor means.
    package enum Parties: String, Sendable, Encodable {
        /// The parties act together (talks, a deal, a swap): which of them a report makes the
        /// agent says nothing about what happened.
        case joint
        /// An agent acts on a patient: reports naming different agents disagree on who did it.
        case directed
        /// Someone says, asks or refuses something: a different speaker is a different act.
        case speaker
    }

    /// The type of indirect speech (`StatementFinder`): every statement is its own event, and
    /// what people said neither titles a story nor makes its timeline.
    package static let statement = "STATEMENT"

    /// The type of an event the ontology has no type for ("the company unveiled a jet"): it is
    /// known by its lemma and TimeML class instead.
    package static let other = "OTHER"

    package let version: String
    package let types: [EventType]
    private let byName: [String: EventType]

    enum CodingKeys: String, CodingKey { case version, types }

    init(version: String, types: [EventType]) {
        self.version = version
        self.types = types
        byName = Dictionary(types.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// Loaded once per process; building a stage that needs it reports a missing or malformed file.
    package static let bundled = Result { () throws(ResourceError) in try EventOntology(reader: .pipeline) }
    package static var shared: EventOntology { bundled.required }

    init(reader: ResourceReader) throws(ResourceError) {
        let path = "events/event_types.tsv"
        let types = try reader.rows(path, columns: 5...5).map { columns throws(ResourceError) -> EventType in
            guard let parties = Parties(rawValue: columns[3]) else {
                throw ResourceError(file: path, problem: "type \(columns[0]) has unknown parties '\(columns[3])'")
            }
            func optional(_ value: String) -> String? { value == "-" || value.isEmpty ? nil : value }
            return EventType(
                name: columns[0], cameo: optional(columns[1]), ace: optional(columns[2]), parties: parties, description: columns[4])
        }
        self.init(version: try reader.header("version", in: path) ?? "0", types: types)
    }

    package func type(named name: String) -> EventType? { byName[name] }
}
