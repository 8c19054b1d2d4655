import ChronicleFoundation
import ChroniclePipeline

/// The entity registry's part of a snapshot, in frames that decode side by side: the table of
/// entity ids (each written once, named elsewhere by its place in the table) with the name keys
/// and person names that decide what the next names resolve to; the entities (names, counts,
/// articles, company) a share at a time; and what each article's names were resolved to, a share
/// of the articles at a time, each name as the first of the article's mentions that carries it.
enum RegistryCodec {
    /// Entity ids and their places in the table.
    struct Table: Sendable {
        let ids: [String]
        let numbers: [String: Int]

        /// Every id the registry holds or names.
        init(_ registry: EntityRegistry) {
            var ids: [String] = []
            var numbers: [String: Int] = [:]
            func number(_ id: String) {
                guard numbers[id] == nil else { return }
                numbers[id] = ids.count
                ids.append(id)
            }
            for id in registry.entities.keys { number(id) }
            for id in registry.idsByKey.values { number(id) }
            for id in registry.personNameKeys.keys { number(id) }
            for names in registry.articleEntities.values { for entry in names.entries { number(entry.id) } }
            for record in registry.entities.values { for id in record.coMentions.keys { number(id) } }
            (self.ids, self.numbers) = (ids, numbers)
        }

        init(ids: [String]) {
            self.ids = ids
            numbers = [:]
        }

        func write(_ id: String, into writer: inout ByteWriter) { writer.count(numbers[id]!) }

        func read(_ reader: inout ByteReader) throws(ByteReader.Malformed) -> String { ids[try reader.natural(below: ids.count)] }
    }

    /// What the entities frame holds besides the table.
    struct Names: Sendable {
        let idsByKey: [String: String]
        let personNameKeys: [String: Set<[String]>]
    }

    // MARK: The table and the names

    static func writeNames(_ registry: EntityRegistry, table: Table, into writer: inout ByteWriter) {
        writer.strings(table.ids)
        writer.count(registry.idsByKey.count)
        for (key, id) in registry.idsByKey {
            writer.string(key)
            table.write(id, into: &writer)
        }
        writer.count(registry.personNameKeys.count)
        for (id, names) in registry.personNameKeys {
            table.write(id, into: &writer)
            writer.count(names.count)
            for words in names { writer.strings(words) }
        }
    }

    static func readNames(_ reader: inout ByteReader) throws(ByteReader.Malformed) -> (Table, Names) {
        let table = Table(ids: try reader.strings())
        var idsByKey: [String: String] = [:]
        let keyCount = try reader.count(minimumBytes: 2)
        idsByKey.reserveCapacity(keyCount)
        for _ in 0..<keyCount { idsByKey[try reader.string()] = try table.read(&reader) }
        var personNameKeys: [String: Set<[String]>] = [:]
        for _ in 0..<(try reader.count(minimumBytes: 2)) {
            let id = try table.read(&reader)
            var names = Set<[String]>()
            for _ in 0..<(try reader.count()) { names.insert(try reader.strings()) }
            personNameKeys[id] = names
        }
        return (table, Names(idsByKey: idsByKey, personNameKeys: personNameKeys))
    }

    // MARK: Entities

    static func write(_ entities: some Collection<EntityRecord>, table: Table, articles: ArticleReferences, into writer: inout ByteWriter) {
        writer.count(entities.count)
        for record in entities {
            table.write(record.id, into: &writer)
            writer.string(record.type.rawValue)
            writer.string(record.name)
            writer.counts(record.aliases)
            writer.counts(record.canonicalForms)
            writer.strings(record.formOrder)
            writer.counts(record.roles)
            writer.counts(record.affiliations)
            writer.int(record.mentionCount)
            writer.counts(record.articles) { articles.write($1, into: &$0) }
            writer.counts(record.coMentions) { table.write($1, into: &$0) }
        }
    }

    static func readEntities(_ reader: inout ByteReader, table: Table, articles: ArticleReferences) throws(ByteReader.Malformed) -> [EntityRecord] {
        let count = try reader.count(minimumBytes: 8)
        var entities: [EntityRecord] = []
        entities.reserveCapacity(count)
        for _ in 0..<count {
            var record = EntityRecord(id: try table.read(&reader), type: try reader.raw(EntityType.self), name: try reader.string())
            record.aliases = try reader.counts()
            record.canonicalForms = try reader.counts()
            record.formOrder = try reader.strings()
            record.roles = try reader.counts()
            record.affiliations = try reader.counts()
            record.mentionCount = try reader.int()
            record.articles = try reader.counts { reader throws(ByteReader.Malformed) in try articles.read(&reader) }
            record.coMentions = try reader.counts { reader throws(ByteReader.Malformed) in try table.read(&reader) }
            entities.append(record)
        }
        return entities
    }

    // MARK: What each article's names resolved to

    static func write(
        resolvedNamesOf articleIDs: some Collection<String>, in registry: EntityRegistry, records: [String: ArticleRecord], table: Table,
        articles: ArticleReferences, into writer: inout ByteWriter
    ) {
        writer.count(articleIDs.count)
        for article in articleIDs {
            let names = registry.articleEntities[article]?.entries ?? []
            articles.write(article, into: &writer)
            let mentions = records[article]?.document.entities ?? []
            writer.count(names.count)
            for entry in names {
                writer.string(entry.type.rawValue)
                // The name as the article's first mention of it holds it, else written out.
                if let mention = mentions.firstIndex(where: { $0.type == entry.type && $0.canonicalName == entry.canonicalName }) {
                    writer.count(mention + 1)
                } else {
                    writer.count(0)
                    writer.string(entry.canonicalName)
                }
                table.write(entry.id, into: &writer)
            }
        }
    }

    static func readResolvedNames(_ reader: inout ByteReader, records: [String: ArticleRecord], table: Table, articles: ArticleReferences)
        throws(ByteReader.Malformed) -> [(article: String, names: ResolvedNames)]
    {
        let count = try reader.count(minimumBytes: 2)
        var resolved: [(article: String, names: ResolvedNames)] = []
        resolved.reserveCapacity(count)
        for _ in 0..<count {
            let article = try articles.read(&reader)
            let mentions = records[article]?.document.entities ?? []
            var entries: [ResolvedNames.Entry] = []
            for _ in 0..<(try reader.count(minimumBytes: 3)) {
                let type = try reader.raw(EntityType.self)
                let mention = try reader.natural(below: mentions.count + 1)
                let name: String
                if mention == 0 {
                    name = try reader.string()
                } else {
                    guard mentions[mention - 1].type == type else {
                        throw ByteReader.Malformed(description: "article \(article) has no \(type.rawValue) mention \(mention)")
                    }
                    name = mentions[mention - 1].canonicalName
                }
                entries.append(ResolvedNames.Entry(type: type, canonicalName: name, id: try table.read(&reader)))
            }
            resolved.append((article, ResolvedNames(entries)))
        }
        return resolved
    }
}

extension ByteWriter {
    /// A table of counts (an entity's aliases, roles, articles, company), each key written by
    /// `key`; by default as itself.
    mutating func counts(_ table: [String: Int], key: (inout ByteWriter, String) -> Void = { $0.string($1) }) {
        count(table.count)
        for (name, value) in table {
            key(&self, name)
            int(value)
        }
    }
}

extension ByteReader {
    /// What `ByteWriter.counts` wrote, each key read by `key`.
    mutating func counts(key: (inout ByteReader) throws(Malformed) -> String = { reader throws(Malformed) in try reader.string() })
        throws(Malformed) -> [String: Int]
    {
        let count = try count(minimumBytes: 2)
        var table: [String: Int] = [:]
        table.reserveCapacity(count)
        for _ in 0..<count { table[try key(&self)] = try int() }
        return table
    }
}
