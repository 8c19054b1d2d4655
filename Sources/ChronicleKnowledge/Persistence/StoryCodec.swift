import ChronicleFoundation

/// The story layer's part of a snapshot, in two kinds of frame: the grouping's members (an
/// article's vectors, day, MinHash and terms, as weighted when it arrived), many frames of them
/// decoded side by side; and the grouping itself (terms and their document frequencies, each
/// story's articles in order with its centroids as summed, copies, stories kept apart), where
/// each report comes from, and the event of its story each event mention went into.
enum StoryCodec {
    // MARK: Members

    static func write(_ members: some Collection<StoryClusterer.Member>, articles: ArticleReferences, into writer: inout ByteWriter) {
        writer.count(members.count)
        for member in members {
            articles.write(member.id, into: &writer)
            write(member.entities, into: &writer)
            write(member.keywords, into: &writer)
            writer.optional(member.day) { $0.int($1) }
            for value in member.signature.values { writer.fixed(value) }
            writer.count(member.keys.count)
            for key in member.keys { writer.count(Int(key)) }
            writer.optional(member.mainPerson) { $0.count(Int($1)) }
        }
    }

    static func readMembers(_ reader: inout ByteReader, articles: ArticleReferences) throws(ByteReader.Malformed) -> [StoryClusterer.Member] {
        let count = try reader.count(minimumBytes: 4 * MinHashSignature.size)
        var members: [StoryClusterer.Member] = []
        members.reserveCapacity(count)
        for _ in 0..<count {
            let id = try articles.read(&reader)
            let entities = try readVector(&reader)
            let keywords = try readVector(&reader)
            let day = try reader.optional { reader throws(ByteReader.Malformed) in try reader.int() }
            var values: [UInt32] = []
            values.reserveCapacity(MinHashSignature.size)
            for _ in 0..<MinHashSignature.size { values.append(try reader.fixed(UInt32.self)) }
            let keyCount = try reader.count()
            var keys: [TermID] = []
            keys.reserveCapacity(keyCount)
            for _ in 0..<keyCount { keys.append(try term(&reader)) }
            let mainPerson = try reader.optional { reader throws(ByteReader.Malformed) in try term(&reader) }
            members.append(
                StoryClusterer.Member(
                    id: id, entities: entities, keywords: keywords, day: day, signature: MinHashSignature(values: values), keys: keys,
                    mainPerson: mainPerson))
        }
        return members
    }

    private static func write(_ vector: SparseVector, into writer: inout ByteWriter) {
        writer.count(vector.count)
        writer.sortedKeys(vector.keys.lazy.map { UInt64($0) })
        for value in vector.values { writer.double(value) }
    }

    private static func readVector(_ reader: inout ByteReader) throws(ByteReader.Malformed) -> SparseVector {
        let count = try reader.count(minimumBytes: 9)
        let keys = try reader.sortedKeys(count).compactMap { TermID(exactly: $0) }
        guard keys.count == count else { throw ByteReader.Malformed(description: "term beyond range") }
        var values: [Double] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try reader.double()) }
        return SparseVector(keys: keys, values: values)
    }

    private static func term(_ reader: inout ByteReader) throws(ByteReader.Malformed) -> TermID {
        guard let term = TermID(exactly: try reader.varint()) else { throw ByteReader.Malformed(description: "term beyond range") }
        return term
    }

    // MARK: Grouping

    static func writeGrouping(_ stories: StoryIndex, records: [String: ArticleRecord], articles: ArticleReferences, into writer: inout ByteWriter) {
        let clusterer = stories.clusterer
        var names = [String](repeating: "", count: clusterer.documentFrequency.count)
        for (name, id) in clusterer.termIDs { names[Int(id)] = name }
        writer.strings(names)
        for frequency in clusterer.documentFrequency { writer.count(frequency) }

        writer.count(clusterer.clusters.count)
        for cluster in clusterer.clusters.values {
            writer.string(cluster.id)
            writer.count(cluster.articles.count)
            for article in cluster.articles { articles.write(article, into: &writer) }
            writer.count(cluster.checkedAtSize)
            write(cluster.entities, into: &writer)
            write(cluster.keywords, into: &writer)
            let positions = stories.eventPositions(of: cluster.id, records: records)
            writer.count(positions.count)
            for position in positions { writer.count(position) }
        }

        writer.count(clusterer.copies.count)
        for (copy, original) in clusterer.copies {
            articles.write(copy, into: &writer)
            articles.write(original, into: &writer)
        }
        writer.count(clusterer.separated.count)
        for (story, others) in clusterer.separated {
            writer.string(story)
            writer.strings(others.sorted())
        }
        // Most origins are an agency's name or the article's own id.
        writer.count(stories.origins.count)
        for (article, origin) in stories.origins {
            articles.write(article, into: &writer)
            writer.string(origin == article ? nil : origin)
        }
        // Last, so that a snapshot written before it (which owed no regroup) still reads.
        writer.bool(stories.awaitsRegroup)
    }

    private static func write(_ centroid: CentroidVector, into writer: inout ByteWriter) {
        writer.count(centroid.weights.count)
        for (key, value) in centroid.weights {
            writer.count(Int(key))
            writer.double(value)
        }
        writer.double(centroid.squaredNorm)
    }

    private static func readCentroid(_ reader: inout ByteReader) throws(ByteReader.Malformed) -> CentroidVector {
        let count = try reader.count(minimumBytes: 9)
        var weights: [TermID: Double] = [:]
        weights.reserveCapacity(count)
        for _ in 0..<count { weights[try term(&reader)] = try reader.double() }
        return CentroidVector(weights: weights, squaredNorm: try reader.double())
    }

    /// The grouping frame as read, before its stories are joined to their members (read beside
    /// the member frames).
    struct Grouping: Sendable {
        struct Story: Sendable {
            let id: String
            let articles: [String]
            let checkedAtSize: Int
            let entities: CentroidVector
            let keywords: CentroidVector
            let eventPositions: [Int]
        }

        let termIDs: [String: TermID]
        let documentFrequency: [Int]
        let stories: [Story]
        let copies: [String: String]
        let separated: [String: Set<String>]
        let origins: [String: String]
        let awaitsRegroup: Bool
    }

    static func readGrouping(_ reader: inout ByteReader, articles: ArticleReferences) throws(ByteReader.Malformed) -> Grouping {
        let names = try reader.strings()
        var termIDs: [String: TermID] = [:]
        termIDs.reserveCapacity(names.count)
        for (id, name) in names.enumerated() { termIDs[name] = TermID(id) }
        guard termIDs.count == names.count else { throw ByteReader.Malformed(description: "a term is named twice") }
        var documentFrequency: [Int] = []
        documentFrequency.reserveCapacity(names.count)
        for _ in names { documentFrequency.append(try reader.natural()) }

        var stories: [Grouping.Story] = []
        for _ in 0..<(try reader.count(minimumBytes: 4)) {
            let id = try reader.string()
            let articleCount = try reader.count()
            var storyArticles: [String] = []
            storyArticles.reserveCapacity(articleCount)
            for _ in 0..<articleCount { storyArticles.append(try articles.read(&reader)) }
            let checkedAtSize = try reader.natural()
            let entities = try readCentroid(&reader)
            let keywords = try readCentroid(&reader)
            let positionCount = try reader.count()
            var positions: [Int] = []
            positions.reserveCapacity(positionCount)
            for _ in 0..<positionCount { positions.append(try reader.natural()) }
            stories.append(
                Grouping.Story(
                    id: id, articles: storyArticles, checkedAtSize: checkedAtSize, entities: entities, keywords: keywords, eventPositions: positions))
        }
        var copies: [String: String] = [:]
        for _ in 0..<(try reader.count(minimumBytes: 2)) { copies[try articles.read(&reader)] = try articles.read(&reader) }
        var separated: [String: Set<String>] = [:]
        for _ in 0..<(try reader.count(minimumBytes: 2)) { separated[try reader.string()] = Set(try reader.strings()) }
        var origins: [String: String] = [:]
        let originCount = try reader.count(minimumBytes: 2)
        origins.reserveCapacity(originCount)
        for _ in 0..<originCount {
            let article = try articles.read(&reader)
            origins[article] = try reader.optionalString() ?? article
        }
        let awaitsRegroup = reader.isAtEnd ? false : try reader.bool()
        return Grouping(
            termIDs: termIDs, documentFrequency: documentFrequency, stories: stories, copies: copies, separated: separated, origins: origins,
            awaitsRegroup: awaitsRegroup)
    }

    /// The grouping the frame and the members (in arrival order) describe, with each story's
    /// event positions.
    static func clusterer(_ grouping: Grouping, members: [StoryClusterer.Member]) throws(ByteReader.Malformed)
        -> (clusterer: StoryClusterer, eventPositions: [String: [Int]])
    {
        let terms = grouping.documentFrequency.count
        let memberByID = Dictionary(members.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        guard memberByID.count == members.count else { throw ByteReader.Malformed(description: "an article is a member twice") }
        for member in members {
            guard member.keys.allSatisfy({ Int($0) < terms }), member.mainPerson.map({ Int($0) < terms }) ?? true else {
                throw ByteReader.Malformed(description: "member \(member.id) names an unknown term")
            }
        }
        var eventPositions: [String: [Int]] = [:]
        var grouped = 0
        for story in grouping.stories {
            for article in story.articles where memberByID[article] == nil {
                throw ByteReader.Malformed(description: "story \(story.id) holds \(article), no member")
            }
            grouped += story.articles.count
            eventPositions[story.id] = story.eventPositions
        }
        // The stories' counts of keys, days and people, on every core.
        let clusters = Concurrently.map(grouping.stories.count) { position in
            let story = grouping.stories[position]
            return StoryCluster(
                id: story.id, members: story.articles.map { memberByID[$0]! }, entities: story.entities, keywords: story.keywords,
                checkedAtSize: story.checkedAtSize)
        }
        guard grouped == members.count, eventPositions.count == clusters.count else {
            throw ByteReader.Malformed(description: "\(grouped) articles in stories, \(members.count) members")
        }
        let clusterer = StoryClusterer(
            settings: StoryClusterer.Settings(), members: members, clusters: clusters, termIDs: grouping.termIDs,
            documentFrequency: grouping.documentFrequency, copies: grouping.copies, separated: grouping.separated)
        return (clusterer, eventPositions)
    }
}
