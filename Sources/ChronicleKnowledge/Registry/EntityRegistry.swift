import ChroniclePipeline

/// One real-world entity as the store knows it, across articles and spellings.
package struct EntityRecord: Sendable, Equatable {
    package let id: String
    package let type: EntityType
    /// The fullest, then most frequent, form.
    package internal(set) var name: String
    package internal(set) var aliases: [String: Int] = [:]
    /// The canonical names the articles gave it ("Türkiye" for a mention "Turkey").
    var canonicalForms: [String: Int] = [:]
    /// Canonical forms in the order they were first seen, to break ties between equal forms.
    var formOrder: [String] = []
    package internal(set) var roles: [String: Int] = [:]
    package internal(set) var affiliations: [String: Int] = [:]
    package internal(set) var mentionCount = 0
    /// Mentions per article, so deleting an article can take its share back out.
    package internal(set) var articles: [String: Int] = [:]
    /// Articles shared with each other entity.
    package internal(set) var coMentions: [String: Int] = [:]

    init(id: String, type: EntityType, name: String) {
        self.id = id
        self.type = type
        self.name = name
    }

    /// The same record under another id, its company named by other ids too (comparisons).
    init(renaming record: EntityRecord, id: String, coMentions: [String: Int]) {
        self.init(id: id, type: record.type, name: record.name)
        (aliases, canonicalForms, formOrder) = (record.aliases, record.canonicalForms, record.formOrder)
        (roles, affiliations, mentionCount, articles) = (record.roles, record.affiliations, record.mentionCount, record.articles)
        self.coMentions = coMentions
    }
}

/// Resolves the entities of every article to canonical entities across articles.
///
/// Within an article the entity stage has already grouped mentions under a canonical name.
/// Across articles a name joins the entity that has the same name key (case, diacritics and
/// romanisation folded: "Zelenskyy" / "Zelensky"), or for people, a compatible name (surname a
/// spelling variant, given names agreeing: "Rustem Umerov" / "Rustem Umyerov"); when several
/// people fit, the one sharing the most co-mentioned entities with the article wins. People with
/// the same surname and different given names stay apart.
package struct EntityRegistry: Sendable {
    package private(set) var entities: [String: EntityRecord] = [:]
    /// `type|name key` -> entity id, for every name seen.
    private(set) var idsByKey: [String: String] = [:]
    /// People by the first letter of their surname key: the candidates for a new spelling.
    private var peopleByInitial: [Character: Set<String>] = [:]
    /// The name-word keys of each person's names, computed once.
    private(set) var personNameKeys: [String: Set<[String]>] = [:]
    /// Per article: the entity each of its names was resolved to when it arrived.
    private(set) var articleEntities: [String: ResolvedNames] = [:]

    package init() {}

    /// A registry as a snapshot kept it: what it resolved and everything that steers how it
    /// resolves the next names (the people by initial follow from their name keys).
    init(
        entities: [String: EntityRecord], idsByKey: [String: String], personNameKeys: [String: Set<[String]>],
        articleEntities: [String: ResolvedNames]
    ) {
        (self.entities, self.idsByKey, self.personNameKeys, self.articleEntities) = (entities, idsByKey, personNameKeys, articleEntities)
        for (id, keys) in personNameKeys {
            for words in keys { if let initial = words.last?.first { peopleByInitial[initial, default: []].insert(id) } }
        }
    }

    static func nameKey(_ type: EntityType, _ name: String) -> String {
        type.rawValue + "|" + NameMatcher.key(name)
    }

    static func localKey(_ type: EntityType, _ canonicalName: String) -> String {
        type.rawValue + "|" + canonicalName
    }

    /// The entity a mention of this article was resolved to.
    package func entityID(article: String, type: EntityType, canonicalName: String) -> String? {
        articleEntities[article]?[type, canonicalName]
    }

    /// Every entity an article mentions.
    package func entityIDs(article: String) -> Set<String> {
        articleEntities[article]?.ids ?? []
    }

    mutating func add(articleID: String, mentions: [EntityMention]) {
        // One resolution per entity of the article (its canonical name), then every mention.
        var groups: [String: [EntityMention]] = [:]
        var order: [String] = []
        for mention in mentions {
            let key = Self.localKey(mention.type, mention.canonicalName)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(mention)
        }
        let context = Set(order.compactMap { key in groups[key].flatMap { idsByKey[Self.nameKey($0[0].type, $0[0].canonicalName)] } })
        var resolved: [ResolvedNames.Entry] = []
        for key in order {
            let group = groups[key]!
            let id = resolve(type: group[0].type, name: group[0].canonicalName, context: context)
            resolved.append(ResolvedNames.Entry(type: group[0].type, canonicalName: group[0].canonicalName, id: id))
            // Taken out while it changes: a copy left in the dictionary would make every change
            // below copy the record's article table, which grows with the store.
            var record = entities.removeValue(forKey: id) ?? EntityRecord(id: id, type: group[0].type, name: group[0].canonicalName)
            for mention in group {
                record.aliases[mention.text, default: 0] += 1
                if let role = mention.role { record.roles[role, default: 0] += 1 }
                if let affiliation = mention.affiliation { record.affiliations[affiliation, default: 0] += 1 }
            }
            if record.canonicalForms[group[0].canonicalName] == nil, !record.formOrder.contains(group[0].canonicalName) {
                record.formOrder.append(group[0].canonicalName)
            }
            record.canonicalForms[group[0].canonicalName, default: 0] += 1
            record.mentionCount += group.count
            record.articles[articleID, default: 0] += group.count
            record.name = Self.preferredName(record)
            entities[id] = record
            register(name: group[0].canonicalName, type: group[0].type, id: id)
            for alias in Set(group.map(\.text)) {
                register(name: alias, type: group[0].type, id: id)
            }
        }
        let ids = Set(resolved.map(\.id))
        for id in ids {
            for other in ids where other != id { entities[id]?.coMentions[other, default: 0] += 1 }
        }
        articleEntities[articleID] = ResolvedNames(resolved)
    }

    /// Takes an article's share back out of its entities. `sequence` gives a remaining article's
    /// arrival, so each entity's forms are ordered as the remaining articles first gave them,
    /// as a rebuild from them would order them.
    mutating func remove(articleID: String, mentions: [EntityMention], sequence: (String) -> UInt64?) {
        guard let resolved = articleEntities.removeValue(forKey: articleID) else { return }
        let ids = resolved.ids
        for entry in resolved.entries { entities[entry.id]?.canonicalForms.decrement(entry.canonicalName) }
        for mention in mentions {
            guard let id = resolved[mention.type, mention.canonicalName], var record = entities.removeValue(forKey: id) else { continue }
            record.aliases.decrement(mention.text)
            if let role = mention.role { record.roles.decrement(role) }
            if let affiliation = mention.affiliation { record.affiliations.decrement(affiliation) }
            record.mentionCount -= 1
            record.articles.decrement(articleID)
            entities[id] = record
        }
        for id in ids {
            guard var record = entities.removeValue(forKey: id) else { continue }
            for other in ids where other != id { record.coMentions.decrement(other) }
            if record.mentionCount <= 0 {
                unregister(id: id, type: record.type)
            } else {
                record.formOrder = formOrder(of: record, sequence: sequence)
                record.name = Self.preferredName(record)
                entities[id] = record
            }
        }
    }

    /// The canonical forms of an entity in the order its articles, by arrival, first gave them.
    private func formOrder(of record: EntityRecord, sequence: (String) -> UInt64?) -> [String] {
        var order: [String] = []
        let articles = record.articles.keys.sorted { (sequence($0) ?? .max, $0) < (sequence($1) ?? .max, $1) }
        for article in articles {
            for entry in articleEntities[article]?.entries ?? [] where entry.id == record.id && !order.contains(entry.canonicalName) {
                order.append(entry.canonicalName)
            }
        }
        return order
    }

    /// Each entity's id in `other`, matched by content: the first of the names (article, type,
    /// canonical name) that resolve to it, since every name resolves to one entity in each.
    /// Ids are left out of the match: an entity keeps its id when the article it was named
    /// after is deleted, where a rebuild names it after another.
    func ids(in other: EntityRegistry) -> [String: String] {
        func firstNames(_ registry: EntityRegistry) -> [String: String] {
            var first: [String: String] = [:]
            for (article, names) in registry.articleEntities {
                for entry in names.entries {
                    let name = "\(article)\t\(entry.type.rawValue)\t\(entry.canonicalName)"
                    if first[entry.id].map({ name < $0 }) ?? true { first[entry.id] = name }
                }
            }
            return first
        }
        let otherByName = Dictionary(firstNames(other).map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return firstNames(self).compactMapValues { otherByName[$0] }
    }

    /// Whether both hold the same entities, with the same names, counts, articles and company,
    /// whatever ids they go by (`ids(in:)`).
    func agrees(with other: EntityRegistry) -> Bool {
        let mapping = ids(in: other)
        guard entities.count == other.entities.count, mapping.count == entities.count else { return false }
        let inverse = Dictionary(mapping.map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return entities.allSatisfy { id, record in
            guard let otherID = mapping[id], let theirs = other.entities[otherID] else { return false }
            let company = Dictionary(theirs.coMentions.map { (inverse[$0] ?? $0, $1) }, uniquingKeysWith: +)
            return EntityRecord(renaming: theirs, id: id, coMentions: company) == record
        }
    }

    /// Whether both hold the same entities under the same ids and would resolve the next names
    /// alike (a registry restored from a snapshot and the one it was written from).
    func sameState(as other: EntityRegistry) -> Bool {
        func people(_ registry: EntityRegistry) -> [Character: Set<String>] { registry.peopleByInitial.filter { !$0.value.isEmpty } }
        return entities == other.entities && idsByKey == other.idsByKey && personNameKeys == other.personNameKeys
            && people(self) == people(other) && articleEntities.mapValues(\.entries) == other.articleEntities.mapValues(\.entries)
    }

    /// The entity a name of this type belongs to, creating one when none fits.
    private mutating func resolve(type: EntityType, name: String, context: Set<String>) -> String {
        let key = Self.nameKey(type, name)
        if let id = idsByKey[key] { return id }
        if type == .person, let id = similarPerson(name, context: context) { return id }
        return "ent_" + String(ContentHash.of(key), radix: 16).leftPadded(to: 16)
    }

    private func similarPerson(_ name: String, context: Set<String>) -> String? {
        let words = Self.wordKeys(name)
        guard let surname = words.last, let initial = surname.first else { return nil }
        let candidates = (peopleByInitial[initial] ?? []).compactMap { id -> EntityRecord? in
            guard let keys = personNameKeys[id], keys.contains(where: { NameMatcher.samePersonKeys($0, words) }) else { return nil }
            return entities[id]
        }.filter { record in
            // Every full name the person goes by must agree: "Anna Umerova" is not "Oleg Umerov".
            (personNameKeys[record.id] ?? []).allSatisfy { $0.count == 1 || words.count == 1 || NameMatcher.samePersonKeys($0, words) }
        }
        // Most shared company first, then the most mentioned; ids break ties for determinism.
        return candidates.max { lhs, rhs in
            let left = (context.intersection(lhs.coMentions.keys).count, lhs.mentionCount, rhs.id)
            let right = (context.intersection(rhs.coMentions.keys).count, rhs.mentionCount, lhs.id)
            return left < right
        }?.id
    }

    private mutating func register(name: String, type: EntityType, id: String) {
        let key = Self.nameKey(type, name)
        if idsByKey[key] == nil { idsByKey[key] = id }
        if type == .person {
            let words = Self.wordKeys(name)
            if let initial = words.last?.first {
                peopleByInitial[initial, default: []].insert(id)
                personNameKeys[id, default: []].insert(words)
            }
        }
    }

    private mutating func unregister(id: String, type: EntityType) {
        idsByKey = idsByKey.filter { $0.value != id }
        if type == .person {
            for initial in peopleByInitial.keys { peopleByInitial[initial]?.remove(id) }
            personNameKeys[id] = nil
        }
    }

    static func wordKeys(_ name: String) -> [String] {
        name.split(whereSeparator: \.isWhitespace).map { NameMatcher.key(String($0)) }.filter { !$0.isEmpty }
    }

    /// The fullest, then most frequent, then first seen canonical form.
    static func preferredName(_ record: EntityRecord) -> String {
        let rank = Dictionary(record.formOrder.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return record.canonicalForms.max { lhs, rhs in
            (lhs.key.split(separator: " ").count, lhs.value, -(rank[lhs.key] ?? .max))
                < (rhs.key.split(separator: " ").count, rhs.value, -(rank[rhs.key] ?? .max))
        }?.key ?? record.name
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
