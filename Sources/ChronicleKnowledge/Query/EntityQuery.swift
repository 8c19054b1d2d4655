import ChroniclePipeline

/// An entity as the API shows it.
package struct EntityView: Encodable, Sendable {
    package struct Count: Encodable, Sendable {
        package let value: String
        package let count: Int
    }

    package struct CoMention: Encodable, Sendable {
        package let id: String
        package let name: String
        package let type: EntityType
        package let articles: Int
    }

    package let id: String
    package let name: String
    package let type: EntityType
    package let aliases: [Count]
    package let roles: [Count]
    package let affiliations: [Count]
    package let mentionCount: Int
    package let articleCount: Int
    package let articles: [String]?
    /// The entities most often mentioned in the same articles (detail view only).
    package let coMentioned: [CoMention]?
    package let firstSeen: String?
    package let lastSeen: String?

    init(_ record: EntityRecord, state: StoreState, detailed: Bool) {
        func counts(_ values: [String: Int]) -> [Count] {
            values.map { Count(value: $0.key, count: $0.value) }
                .sorted { ($0.count, $1.value) > ($1.count, $0.value) }
        }
        id = record.id
        name = record.name
        type = record.type
        aliases = counts(record.aliases)
        roles = counts(record.roles)
        affiliations = counts(record.affiliations)
        mentionCount = record.mentionCount
        articleCount = record.articles.count
        let dates = record.articles.keys.compactMap { state.records[$0]?.document.metadata.publicationDate }
        firstSeen = dates.min()
        lastSeen = dates.max()
        articles = detailed ? record.articles.keys.sorted() : nil
        coMentioned = detailed ? Self.coMentioned(record, state: state) : nil
    }

    /// The ten entities most often in the same articles; a nationality ("Ukrainian") only when
    /// its country is not among them.
    static func coMentioned(_ record: EntityRecord, state: StoreState) -> [CoMention] {
        let ranked = record.coMentions.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.compactMap { id, count in
            state.entities.entities[id].map { CoMention(id: id, name: $0.name, type: $0.type, articles: count) }
        }
        let places = Set(ranked.filter { $0.type == .location }.map(\.name))
        return Array(ranked.filter { $0.type != .nationality || !places.contains($0.name) }.prefix(10))
    }

    enum CodingKeys: String, CodingKey {
        case id, name, type, aliases, roles, affiliations, articles
        case mentionCount = "mention_count"
        case coMentioned = "co_mentioned"
        case articleCount = "article_count"
        case firstSeen = "first_seen"
        case lastSeen = "last_seen"
    }
}

/// `GET /v1/entities`: by id, or ranked by how well they match `q` (any alias, any case).
package struct EntityQuery: Sendable {
    package var text: String?
    package var type: EntityType?
    package var limit: Int
    /// The id of the last entity of the previous page.
    package var after: String?

    package init(text: String? = nil, type: EntityType? = nil, limit: Int = 20, after: String? = nil) {
        self.text = text
        self.type = type
        self.limit = limit
        self.after = after
    }
}

extension EntityQuery {
    /// Entity pages are ordered by id; the cursor carries the last id, opaquely.
    package static func cursor(after id: String) -> String { Base64URL.encode(id) }

    package static func id(fromCursor token: String) -> String? {
        guard let id = Base64URL.decode(token), id.hasPrefix("ent_") else { return nil }
        return id
    }
}

extension StoreState {
    package func entities(_ query: EntityQuery) -> Page<EntityView> {
        let all = entities.entities.values.filter { query.type == nil || $0.type == query.type }
        if let text = query.text {
            // Names compared by their transliteration keys, so "zelensky" finds "Zelenskyy".
            let needle = NameMatcher.key(text)
            let needleWords = needle.split(separator: " ").map(String.init)
            let ranked = all.compactMap { record -> (EntityRecord, Int)? in
                let names = Set(record.aliases.keys).union(record.canonicalForms.keys).union([record.name])
                let score = names.map { alias -> Int in
                    let form = NameMatcher.key(alias)
                    if form == needle { return 4 }
                    let words = form.split(separator: " ").map(String.init)
                    if needleWords.allSatisfy({ word in words.contains { $0 == word || NameMatcher.sameWord($0, word) } }) { return 3 }
                    if form.hasPrefix(needle) { return 2 }
                    return form.contains(needle) ? 1 : 0
                }.max() ?? 0
                return score > 0 ? (record, score) : nil
            }.sorted { ($0.1, $0.0.mentionCount, $1.0.id) > ($1.1, $1.0.mentionCount, $0.0.id) }
            return Page(items: ranked.prefix(query.limit).map { EntityView($0.0, state: self, detailed: false) }, nextCursor: nil)
        }
        let ordered = all.filter { query.after == nil || $0.id > query.after! }.sorted { $0.id < $1.id }
        let page = ordered.prefix(query.limit)
        let next = ordered.count > query.limit ? page.last.map { EntityQuery.cursor(after: $0.id) } : nil
        return Page(items: page.map { EntityView($0, state: self, detailed: false) }, nextCursor: next)
    }

    package func entity(id: String) -> EntityView? {
        entities.entities[id].map { EntityView($0, state: self, detailed: true) }
    }

    /// Entities mentioned in one article.
    package func entities(ofArticle id: String) -> [EntityView]? {
        guard let record = records[id] else { return nil }
        return entities.entityIDs(article: record.id).sorted().compactMap { entities.entities[$0].map { EntityView($0, state: self, detailed: false) } }
    }
}
