import ArgumentParser
import ChronicleEvaluation
import ChronicleFoundation
import ChronicleKnowledge
import ChroniclePipeline
import Foundation

/// `chronicle stories eval`: story grouping scored on ECB+ sub-topics.
struct StoriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stories", abstract: "Score and time story grouping.", subcommands: [Eval.self, Bench.self])

    struct Eval: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "B-cubed and adjusted Rand of story grouping against ECB+ sub-topics.",
            discussion: """
                The articles of the given topics arrive one by one in a random order (fixed by --seed) and are \
                grouped as the store groups them. The gold groups are ECB+'s sub-topics: files T_Necb and \
                T_Necbplus are two different happenings of topic T.
                """)

        @Option(help: "Folder holding ECB+/.") var ecbplus: String
        @Option(help: "Topics: a number or a range, e.g. 1-35.") var topics = "1-35"
        @Option(help: "Seed of the arrival order.") var seed: UInt64 = 1
        @Option(help: "Write 'file name<TAB>story id' per article to this file.") var assignments: String?
        @Option(help: "Similarity an article needs to join a story.") var threshold: Double?
        @Option(help: "Share of the similarity carried by entities.") var entityWeight: Double?
        @Option(help: "Share of the similarity taken from the nearest reports.") var linkage: Double?
        @Option(help: "Factor on the similarity to a story about another person.") var otherPerson: Double?
        @Option(help: "Centroid similarity at which two stories merge.") var merge: Double?
        @Option(help: "Weights of PERSON,ORG,LOC,NORP mentions, e.g. 2,1,0.5,0.3.") var entityKinds: String?
        @Option(help: "Similarity ratio between and within two groups of reports below which a story splits (0: never).") var split: Double?
        @Option(help: "Reports each side of a split needs at least.") var splitSide: Int?

        func run() throws {
            guard let range = TopicRange.parse(topics) else { throw ValidationError("--topics must be a number or a range like 1-35") }
            let files = try ECBPlusCorpus(directory: URL(fileURLWithPath: ecbplus)).documentFiles(topics: range)
            guard !files.isEmpty else { throw ValidationError("no ECB+ files for topics \(topics) under \(ecbplus)/ECB+") }
            var settings = StoryClusterer.Settings()
            if let entityKinds {
                let values = entityKinds.split(separator: ",").compactMap { Double($0) }
                guard values.count == 4 else { throw ValidationError("--entity-kinds needs four numbers") }
                settings.entityKindWeights = [.person: values[0], .organization: values[1], .location: values[2], .nationality: values[3]]
            }
            let pipeline = try Pipeline.standard()
            var articles: [(name: String, document: ArticleDocument)] = []
            let (_, pipelineSeconds) = try timed {
                for file in files {
                    let document = try ECBPlusDocument(contentsOf: file)
                    articles.append((document.name, try pipeline.run(.text(document.text))))
                }
            }
            var generator = SplitMix64(seed: seed)
            articles.shuffle(using: &generator)
            if let threshold { settings.threshold = threshold }
            if let entityWeight { settings.entityWeight = entityWeight }
            if let linkage { settings.linkage = linkage }
            if let otherPerson { settings.otherPersonFactor = otherPerson }
            if let merge { settings.mergeThreshold = merge }
            if let split { settings.splitRatio = split }
            if let splitSide { settings.splitMinimumSide = splitSide }
            // The articles go into a store as the service stores them: entities resolved across
            // articles by the registry, then grouped, one at a time.
            var state = StoreState(storySettings: settings)
            var system: [String: String] = [:]
            var gold: [String: String] = [:]
            let (_, groupingSeconds) = timed {
                for (index, article) in articles.enumerated() {
                    let record = ArticleRecord(
                        id: String(format: "art_%016x", index), sequence: UInt64(index + 1), contentHash: ContentHash.of(article.document.text),
                        receivedAt: "2026-01-01T00:00:00Z", document: article.document)
                    state.apply(.put(record))
                    gold[article.name] = Self.subtopic(of: article.name)
                }
                // Read the stories at the end: merges may have moved earlier articles.
                for (index, article) in articles.enumerated() {
                    system[article.name] = state.storyID(ofArticle: String(format: "art_%016x", index))
                }
            }
            let score = ClusteringScore(system: system, gold: gold)
            printError(
                "grouped \(articles.count) articles in \(String(format: "%.3f", groupingSeconds)) s "
                    + "(pipeline \(String(format: "%.1f", pipelineSeconds)) s)")
            print("articles        \(articles.count)")
            print("gold stories    \(Set(gold.values).count)")
            print("system stories  \(Set(system.values).count)")
            print("B3 precision    \(String(format: "%.4f", score.precision))")
            print("B3 recall       \(String(format: "%.4f", score.recall))")
            print("B3 F1           \(String(format: "%.4f", score.f1))")
            print("adjusted Rand   \(String(format: "%.4f", score.adjustedRand))")
            if let assignments {
                let lines = system.sorted { $0.key < $1.key }.map { "\($0.key)\t\($0.value)" }
                try (lines.joined(separator: "\n") + "\n").write(toFile: assignments, atomically: true, encoding: .utf8)
            }
        }

        /// "12_3ecbplus.xml" -> "12 ecbplus": the topic and which of its two happenings.
        static func subtopic(of name: String) -> String {
            let topic = name.prefix { $0 != "_" }
            return topic + (name.contains("ecbplus") ? " ecbplus" : " ecb")
        }
    }
}

extension StoriesCommand {
    /// `chronicle stories bench`: the story layer's share of inserting one more article into a
    /// store of N.
    struct Bench: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Time grouping and event merging of the last articles of an NDJSON file inserted into a store of the others.",
            discussion: """
                Every article goes through the pipeline first (not timed). The store is built from all but the \
                last --measured articles; each of those is then inserted (and removed again), timing the story \
                layer's work (grouping, copy check, event merging) and the whole insert. Prints one JSON line.
                """)

        @Option(help: "NDJSON of articles, as bench/load/generate_articles.py writes them.") var ndjson: String
        @Option(help: "How many of the last articles to insert and time.") var measured = 20
        @Option(help: "Keep the processed articles in this file and reuse them while it matches --ndjson (for repeated runs).")
        var cache: String?

        func run() throws {
            guard measured > 0 else { throw ValidationError("--measured must be at least 1") }
            let (records, pipelineSeconds) = try ProcessedArticles.load(ndjson: ndjson, cache: cache)
            guard records.count > measured else { throw ValidationError("\(ndjson) has \(records.count) articles; need more than --measured") }
            let report = StoryBenchmark.run(records: records, measured: measured)
            func milliseconds(_ durations: [Duration]) -> [Double] {
                durations.map { $0.seconds * 1000 }.sorted()
            }
            let story = milliseconds(report.storyWork)
            let whole = milliseconds(report.wholeInsert)
            func percentile(_ values: [Double], _ p: Double) -> Double { values[min(values.count - 1, Int(Double(values.count - 1) * p))] }
            let json: [String: Any] = [
                "stored_articles": report.storedArticles, "stories": report.stories, "measured_inserts": measured,
                "story_ms_median": percentile(story, 0.5), "story_ms_p95": percentile(story, 0.95), "story_ms_max": story.last ?? 0,
                "insert_ms_median": percentile(whole, 0.5), "insert_ms_max": whole.last ?? 0,
                "pipeline_seconds": pipelineSeconds,
            ]
            let data = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
            print(String(decoding: data, as: UTF8.self))
        }
    }
}

/// `1-35` or `7`.
enum TopicRange {
    static func parse(_ text: String) -> ClosedRange<Int>? {
        let bounds = text.split(separator: "-", omittingEmptySubsequences: false).map { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard (1...2).contains(bounds.count), let first = bounds.first ?? nil, let last = bounds.last ?? nil, first <= last else { return nil }
        return first...last
    }
}
