import ChronicleFoundation
import ChroniclePipeline

/// The entity registry's part of a snapshot: every entity with its names, counts, articles and
/// company, the name keys and person names that decide what the next names resolve to, and what
/// each article's names were resolved to. Entity ids are written once, in a table, and named by
/// their place in it; an article's resolved name by the first of its mentions that carries it.
enum RegistryCodec {
    static func write(_ registry: EntityRegistry, records: [String: ArticleRecord], articles: ArticleReferences, into writer: inout ByteWriter) {
        var table: [String] = []
        var index: [String: Int] = [:]
        func number(_ id: String) -> Int {
            if let found = index[id] { return found }
            index[id] = table.count
            table.append(id)
            return table.count - 1
        }
        for id in registry.entities.keys { _ = number(id) }
        for id in registry.idsByKey.values { _ = number(id) }
        for id in registry.personNameKeys.keys { _ = number(id) }
        for names in registry.articleEntities.values { for entry in names.entries { _ = number(entry.id) } }
        for record in registry.entities.values { for id in record.coMentions.keys { _ = number(id) } }
        writer.strings(table)

        writer.count(registry.entities.count)
        for (id, record) in registry.entities {
            writer.count(index[id]!)
            writer.string(record.type.rawValue)
            writer.string(record.name)
            writer.counts(record.aliases)
            writer.counts(record.canonicalForms)
            writer.strings(record.formOrder)
            writer.counts(record.roles)
            writer.counts(record.affiliations)
            writer.int(record.mentionCount)
            writer.count(record.articles.count)
            for (article, count) in record.articles {
                articles.write(article, into: &writer)
                writer.int(count)
            }
            writer.count(record.coMentions.count)
            for (other, count) in record.coMentions {
                writer.count(index[other]!)
                writer.int(count)
            }
        }

        writer.count(registry.idsByKey.count)
        for (key, id) in registry.idsByKey {
            writer.string(key)
            writer.count(index[id]!)
        }

        writer.count(registry.personNameKeys.count)
        for (id, names) in registry.personNameKeys {
            writer.count(index[id]!)
            writer.count(names.count)
            for words in names { writer.strings(words) }
        }

        writer.count(registry.articleEntities.count)
        for (article, names) in registry.articleEntities {
            articles.write(article, into: &writer)
            let mentions = records[article]?.document.entities ?? []
            writer.count(names.entries.count)
            for entry in names.entries {
                writer.string(entry.type.rawValue)
                // The name as the article's first mention of it holds it, else written out.
                if let mention = mentions.firstIndex(where: { $0.type == entry.type && $0.canonicalName == entry.canonicalName }) {
                    writer.count(mention + 1)
                } else {
                    writer.count(0)
                    writer.string(entry.canonicalName)
                }
                writer.count(index[entry.id]!)
            }
        }
    }

    static func read(_ reader: inout ByteReader, records: [String: ArticleRecord], articles: ArticleReferences) throws(ByteReader.Malformed)
        -> EntityRegistry
    {
        let table = try reader.strings()
        func entity(_ reader: inout ByteReader) throws(ByteReader.Malformed) -> String {
            table[try reader.natural(below: table.count)]
        }

        var entities: [String: EntityRecord] = [:]
        let entityCount = try reader.count(minimumBytes: 8)
        entities.reserveCapacity(entityCount)
        for _ in 0..<entityCount {
            let id = try entity(&reader)
            var record = EntityRecord(id: id, type: try reader.raw(EntityType.self), name: try reader.string())
            record.aliases = try reader.counts()
            record.canonicalForms = try reader.counts()
            record.formOrder = try reader.strings()
            record.roles = try reader.counts()
            record.affiliations = try reader.counts()
            record.mentionCount = try reader.int()
            let articleCount = try reader.count(minimumBytes: 2)
            record.articles.reserveCapacity(articleCount)
            for _ in 0..<articleCount { record.articles[try articles.read(&reader)] = try reader.int() }
            let companyCount = try reader.count(minimumBytes: 2)
            record.coMentions.reserveCapacity(companyCount)
            for _ in 0..<companyCount { record.coMentions[try entity(&reader)] = try reader.int() }
            entities[id] = record
        }

        var idsByKey: [String: String] = [:]
        let keyCount = try reader.count(minimumBytes: 2)
        idsByKey.reserveCapacity(keyCount)
        for _ in 0..<keyCount { idsByKey[try reader.string()] = try entity(&reader) }

        var personNameKeys: [String: Set<[String]>] = [:]
        for _ in 0..<(try reader.count(minimumBytes: 2)) {
            let id = try entity(&reader)
            var names = Set<[String]>()
            for _ in 0..<(try reader.count()) { names.insert(try reader.strings()) }
            personNameKeys[id] = names
        }

        var articleEntities: [String: ResolvedNames] = [:]
        let articleCount = try reader.count(minimumBytes: 2)
        articleEntities.reserveCapacity(articleCount)
        for _ in 0..<articleCount {
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
                entries.append(ResolvedNames.Entry(type: type, canonicalName: name, id: try entity(&reader)))
            }
            articleEntities[article] = ResolvedNames(entries)
        }
        return EntityRegistry(entities: entities, idsByKey: idsByKey, personNameKeys: personNameKeys, articleEntities: articleEntities)
    }
}
