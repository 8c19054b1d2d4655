import ChroniclePipeline

/// One real-world entity as the store knows it, across articles.
public struct EntityRecord: Sendable, Equatable {
    public let id: String
    public let type: EntityType
    public internal(set) var name: String
    public internal(set) var aliases: [String: Int] = [:]
    public internal(set) var roles: [String: Int] = [:]
    public internal(set) var affiliations: [String: Int] = [:]
    public internal(set) var mentionCount = 0
    /// Mentions per article, so deleting an article can take its share back out.
    public internal(set) var articles: [String: Int] = [:]
}

/// Groups entity mentions of all articles into entities. Within an article the pipeline has
/// already chosen a canonical name per entity; across articles mentions with the same type and
/// canonical name (case-insensitively) are one entity.
public struct EntityRegistry: Sendable {
    public private(set) var entities: [String: EntityRecord] = [:]

    public static func id(type: EntityType, canonicalName: String) -> String {
        let key = type.rawValue + "|" + ContentHash.normalized(canonicalName)
        let hash = ContentHash.of(key)
        return "ent_" + String(hash, radix: 16).leftPadded(to: 16)
    }

    mutating func add(articleID: String, mentions: [EntityMention]) {
        for mention in mentions {
            let id = Self.id(type: mention.type, canonicalName: mention.canonicalName)
            var record = entities[id] ?? EntityRecord(id: id, type: mention.type, name: mention.canonicalName)
            record.aliases[mention.text, default: 0] += 1
            if let role = mention.role { record.roles[role, default: 0] += 1 }
            if let affiliation = mention.affiliation { record.affiliations[affiliation, default: 0] += 1 }
            record.mentionCount += 1
            record.articles[articleID, default: 0] += 1
            record.name = Self.preferredName(record.aliases, fallback: mention.canonicalName)
            entities[id] = record
        }
    }

    mutating func remove(articleID: String, mentions: [EntityMention]) {
        for mention in mentions {
            let id = Self.id(type: mention.type, canonicalName: mention.canonicalName)
            guard var record = entities[id] else { continue }
            record.aliases.decrement(mention.text)
            if let role = mention.role { record.roles.decrement(role) }
            if let affiliation = mention.affiliation { record.affiliations.decrement(affiliation) }
            record.mentionCount -= 1
            record.articles.decrement(articleID)
            if record.mentionCount <= 0 {
                entities[id] = nil
            } else {
                record.name = Self.preferredName(record.aliases, fallback: record.name)
                entities[id] = record
            }
        }
    }

    /// The fullest, then most frequent, form.
    static func preferredName(_ aliases: [String: Int], fallback: String) -> String {
        aliases.max { lhs, rhs in
            (lhs.key.count, lhs.value, rhs.key) < (rhs.key.count, rhs.value, lhs.key)
        }?.key ?? fallback
    }
}

extension Dictionary where Value == Int {
    mutating func decrement(_ key: Key) {
        guard let count = self[key] else { return }
        self[key] = count > 1 ? count - 1 : nil
    }
}

extension String {
    func leftPadded(to length: Int, with pad: Character = "0") -> String {
        count >= length ? self : String(repeating: pad, count: length - count) + self
    }
}
