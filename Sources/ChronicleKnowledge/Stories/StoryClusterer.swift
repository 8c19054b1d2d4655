import ChronicleFoundation
import ChroniclePipeline
import Foundation
import Synchronization

/// Groups articles into stories as they arrive, one at a time, without re-clustering the rest.
///
/// Each article becomes two short vectors, weighted by how rare their entries are among the
/// articles seen so far (tf-idf, frozen when the article arrives): the entities it is about, and
/// its keywords (words, amounts, the years and months it tells of, its event types). It joins
/// the story it is most similar to (half the story's centroid, half its three nearest reports),
/// if similar enough, else it starts a new one. Around that:
/// - similarity fades with the days between the article and the story's nearest reports (two
///   earthquakes in different years);
/// - a story mostly about one person does not take a report about another;
/// - a young story whose centroid has grown close to another young one's absorbs it (an early
///   report may have started a story of its own);
/// - a story whose reports fall into two groups with little in common but the kind of
///   happening splits in two (`StorySplitter`), and the two are never merged again;
/// - a report whose wording is mostly another's (a syndicated copy) joins that report's story
///   and is marked a copy of it.
///
/// The settings' defaults are tuned on ECB+ topics 1-35 (`chronicle stories eval`). Candidates
/// come from an inverted index of entities and keywords, so an insert costs the size of its
/// neighbourhood, not of the store.
package struct StoryClusterer: Sendable {
    package struct Settings: Sendable {
        /// The similarity an article needs to join a story.
        package var threshold = 0.15
        /// The share of the similarity that entities carry (the rest: keywords).
        package var entityWeight = 0.3
        /// How much a mention of each kind of entity counts in an article's profile.
        package var entityKindWeights = ArticleProfile.defaultKindWeights
        /// Keywords kept per article.
        package var keywordCount = 40
        /// Days apart beyond which similarity fades, and how fast (days for a factor e): a
        /// follow-up weeks later is the same story, a like happening a year later is not.
        package var sameDays = 30
        package var fadeDays = 120.0
        /// Estimated 4-gram Jaccard from which a report is a copy of another.
        package var copySimilarity = 0.5
        /// Reports compared per MinHash bucket, the latest: a bucket that thousands of reports
        /// share holds boilerplate (a template, a wire's footer), and a copy shares several
        /// buckets with its original, most of them rare.
        package var copyBucketScan = 256
        /// The share of the similarity taken from the story's three nearest reports (the rest:
        /// its centroid).
        package var linkage = 0.5
        /// How much a story about another person counts, and the share of a story's reports that
        /// must be about one person for it to be that person's story.
        package var otherPersonFactor = 0.7
        package var mainPersonAgreement = 0.6
        /// Stories scored per article at most, and how many of the best of those are compared
        /// report by report.
        package var maxCandidates = 200
        package var linkageCandidates = 10
        /// The centroid similarity at which two stories become one (1 or more: never).
        package var mergeThreshold = 0.5
        /// Stories compared for a merge at most, and the size beyond which a story absorbs no
        /// other and is absorbed by none.
        package var mergeCandidates = 30
        package var mergeMaxArticles = 20
        /// Keys in more than this share of articles find no candidates (they are in every story).
        package var commonKeyShare = 0.05
        /// A story splits when its reports fall into two groups this much less alike than the
        /// reports within them (0: never), each group holding at least `splitMinimumSide`
        /// reports (`StorySplitter`). Stories are checked as they grow, by a quarter each time,
        /// up to `splitMaxArticles`.
        package var splitRatio = 0.2
        package var splitMinimumSide = 3
        package var splitMaxArticles = 80

        package init() {}
    }

    /// An article as stored in the grouping. A class: scoring reads hundreds of members per
    /// report, and a struct's copy retained each of its arrays.
    final class Member: Sendable {
        let id: String
        let entities: SparseVector
        let keywords: SparseVector
        let day: Int?
        let signature: MinHashSignature
        /// Every entity and word of the article (the vectors keep the strongest words only).
        let keys: [TermID]
        let mainPerson: TermID?

        init(
            id: String, entities: SparseVector, keywords: SparseVector, day: Int?, signature: MinHashSignature, keys: [TermID],
            mainPerson: TermID?
        ) {
            self.id = id
            self.entities = entities
            self.keywords = keywords
            self.day = day
            self.signature = signature
            self.keys = keys
            self.mainPerson = mainPerson
        }
    }

    package struct Assignment: Sendable, Equatable {
        package let story: String
        /// The article this one is a copy of, if any.
        package let copyOf: String?
        /// Whether the article started the story.
        package let isNew: Bool
        /// Stories merged into `story` because of this article.
        package var absorbed: [String] = []
        /// The two stories a story split into because of this article (the first keeps its id;
        /// `story` is one of them), or none.
        package var split: [String] = []
    }

    package var settings: Settings
    private(set) var clusters: [String: StoryCluster] = [:]
    private(set) var members: [String: Member] = [:]
    private var storyOfArticle: [String: String] = [:]
    /// Term -> the stories holding it.
    private var postings = StoryPostings()
    /// Terms (`e:` and an entity key, `t:` and a word) numbered as first seen; how many
    /// articles hold each.
    private(set) var termIDs: [String: TermID] = [:]
    private(set) var documentFrequency: [Int] = []
    private var articleCount = 0
    package private(set) var copies: [String: String] = [:]
    private var copyBuckets = CopyBuckets<Member>()
    /// Story -> the stories split off it or it was split off: never merged again.
    private(set) var separated: [String: Set<String>] = [:]

    package init(settings: Settings = Settings()) {
        self.settings = settings
    }

    /// A grouping as a snapshot kept it. `members` in arrival order (each copy bucket keeps its
    /// reports oldest first); which story holds each, the postings and the buckets follow from
    /// the rest.
    init(
        settings: Settings, members: [Member], clusters: [StoryCluster], termIDs: [String: TermID], documentFrequency: [Int],
        copies: [String: String], separated: [String: Set<String>]
    ) {
        self.settings = settings
        (self.termIDs, self.documentFrequency, self.copies, self.separated) = (termIDs, documentFrequency, copies, separated)
        articleCount = members.count
        // Four look-ups, each on its own core.
        let built = Mutex(StoryClusterer(settings: settings))
        DispatchQueue.concurrentPerform(iterations: 4) { part in
            switch part {
            case 0:
                var byID: [String: Member] = [:]
                byID.reserveCapacity(members.count)
                for member in members { byID[member.id] = member }
                built.withLock { [byID] in $0.members = byID }
            case 1:
                var buckets = CopyBuckets<Member>()
                for member in members { for key in member.signature.bandKeys { buckets.add(member, to: key) } }
                built.withLock { [buckets] in $0.copyBuckets = buckets }
            case 2:
                var byStory: [String: StoryCluster] = [:]
                var storyOfArticle: [String: String] = [:]
                storyOfArticle.reserveCapacity(members.count)
                for cluster in clusters {
                    byStory[cluster.id] = cluster
                    for article in cluster.articles { storyOfArticle[article] = cluster.id }
                }
                built.withLock { [byStory, storyOfArticle] in ($0.clusters, $0.storyOfArticle) = (byStory, storyOfArticle) }
            default:
                var postings = StoryPostings()
                // Keys in order: the numbering inside follows the clusters' order either way.
                for cluster in clusters { postings.insert(cluster.id, for: cluster.keyCounts.keys.sorted()) }
                built.withLock { [postings] in $0.postings = postings }
            }
        }
        (self.members, copyBuckets, self.clusters, storyOfArticle, postings) = built.withLock {
            ($0.members, $0.copyBuckets, $0.clusters, $0.storyOfArticle, $0.postings)
        }
    }

    package func story(of article: String) -> String? { storyOfArticle[article] }
    package func articles(of story: String) -> [String] { clusters[story]?.articles ?? [] }
    package var storyIDs: [String] { Array(clusters.keys) }

    @discardableResult
    package mutating func add(_ profile: ArticleProfile) -> Assignment {
        if let existing = storyOfArticle[profile.articleID] {
            return Assignment(story: existing, copyOf: copies[profile.articleID], isNew: false)
        }
        let member = makeMember(profile)
        var best: (score: Double, story: String)?
        var copyOf: String?
        // A copy of a stored report goes where that report is.
        if let copy = copyCandidate(of: member), let story = storyOfArticle[copy] {
            copyOf = copy
            best = (2, story)
        }
        // Centroids first (cheap), then the nearest reports of the closest few.
        var scored: [(score: Double, story: String)] = []
        for id in copyOf == nil ? candidates(of: member) : [] {
            guard let cluster = clusters[id] else { continue }
            scored.append((centroidSimilarity(member, cluster), id))
        }
        if copyOf == nil {
            scored.sort { ($0.score, $1.story) > ($1.score, $0.story) }
            for (centroid, id) in scored.prefix(settings.linkageCandidates) {
                guard let cluster = clusters[id] else { continue }
                let score = similarity(member, cluster, centroid: centroid)
                if score > (best?.score ?? 0) { best = (score, id) }
            }
        }
        let isNew: Bool
        let storyID: String
        if let best, best.score >= settings.threshold {
            storyID = best.story
            isNew = false
        } else {
            storyID = "sto_" + profile.articleID.replacingOccurrences(of: "art_", with: "")
            clusters[storyID] = StoryCluster(id: storyID)
            isNew = true
        }
        postings.insert(storyID, for: clusters[storyID]!.add(member))
        members[member.id] = member
        storyOfArticle[member.id] = storyID
        for key in member.signature.bandKeys { copyBuckets.add(member, to: key) }
        if let copyOf { copies[member.id] = copyOf }
        let absorbed = settings.mergeThreshold < 1 ? absorbNeighbours(of: storyID) : []
        let split = isNew ? [] : splitIfMixed(storyID)
        // The article may have left with the split-off reports.
        return Assignment(story: storyOfArticle[member.id] ?? storyID, copyOf: copyOf, isNew: isNew, absorbed: absorbed, split: split)
    }

    /// Splits the story in two when its reports tell two happenings (`StorySplitter`), checked
    /// each time it has grown by a quarter; returns the story and the one split off it, if any.
    private mutating func splitIfMixed(_ storyID: String) -> [String] {
        guard settings.splitRatio > 0, let cluster = clusters[storyID], cluster.articles.count <= settings.splitMaxArticles,
            cluster.articles.count >= 2 * settings.splitMinimumSide,
            Double(cluster.articles.count) >= 1.25 * Double(cluster.checkedAtSize)
        else { return [] }
        clusters[storyID]?.checkedAtSize = cluster.articles.count
        let members = cluster.members
        let splitter = StorySplitter(ratio: settings.splitRatio, minimumSide: settings.splitMinimumSide, entityWeight: settings.entityWeight)
        guard members.count == cluster.articles.count, let leaving = splitter.split(members) else { return [] }
        var newID = "sto_" + members[leaving[0]].id.replacingOccurrences(of: "art_", with: "")
        while clusters[newID] != nil { newID += "x" }
        clusters[newID] = StoryCluster(id: newID)
        clusters[newID]?.checkedAtSize = leaving.count
        clusters[storyID]?.checkedAtSize = members.count - leaving.count
        for index in leaving { move(members[index], from: storyID, to: newID) }
        separated[storyID, default: []].insert(newID)
        separated[newID, default: []].insert(storyID)
        return [storyID, newID]
    }

    /// Moves a stored article from one story to another, keeping the postings right.
    private mutating func move(_ member: Member, from source: String, to target: String) {
        postings.remove(source, for: clusters[source]?.remove(member) ?? [])
        postings.insert(target, for: clusters[target]!.add(member))
        storyOfArticle[member.id] = target
    }

    /// Forgets a story that is gone (absorbed or emptied).
    private mutating func dropStory(_ id: String) {
        clusters[id] = nil
        postings.forget(id)
        for other in separated.removeValue(forKey: id) ?? [] { separated[other]?.remove(id) }
    }

    /// Two stories that have grown alike are one: an early report may have started a story of
    /// its own before the reports that tie it in arrived. Merges into `storyID` every story whose
    /// centroid is now close enough to its centroid; returns the ids of those absorbed.
    private mutating func absorbNeighbours(of storyID: String) -> [String] {
        // Only young stories: a twin story is an early split, found while both are small (and
        // merging their events again stays cheap).
        guard let cluster = clusters[storyID], cluster.articles.count <= settings.mergeMaxArticles else { return [] }
        // The story's strongest entities and keywords stand for it: enough to find a twin.
        let probe = Member(
            id: "", entities: cluster.entities.top(20).normalized, keywords: cluster.keywords.top(20).normalized, day: nil,
            signature: MinHashSignature(words: []), keys: [], mainPerson: nil)
        var absorbed: [String] = []
        let person = cluster.mainPerson(agreedBy: settings.mainPersonAgreement)
        for id in candidates(of: probe, limit: settings.mergeCandidates) where id != storyID && separated[storyID]?.contains(id) != true {
            guard let other = clusters[id], other.articles.count <= settings.mergeMaxArticles,
                centroidSimilarity(probe, other) >= settings.mergeThreshold
            else { continue }
            // Stories about two different people stay two, however alike their wording.
            if let person, let otherPerson = other.mainPerson(agreedBy: settings.mainPersonAgreement), person != otherPerson { continue }
            for member in other.members { move(member, from: id, to: storyID) }
            // What was kept apart from the absorbed story stays apart from this one.
            for apart in separated[id] ?? [] where apart != storyID {
                separated[storyID, default: []].insert(apart)
                separated[apart, default: []].insert(storyID)
            }
            dropStory(id)
            absorbed.append(id)
        }
        return absorbed
    }

    /// Removes an article; returns the story it was in (gone if it was the last article).
    @discardableResult
    package mutating func remove(articleID: String) -> String? {
        guard let member = members.removeValue(forKey: articleID), let storyID = storyOfArticle.removeValue(forKey: articleID) else { return nil }
        copies[articleID] = nil
        for key in member.signature.bandKeys { copyBuckets.remove(from: key) { $0 === member } }
        for key in member.keys { documentFrequency[Int(key)] -= 1 }
        articleCount -= 1
        postings.remove(storyID, for: clusters[storyID]?.remove(member) ?? [])
        if clusters[storyID]?.articles.isEmpty == true { dropStory(storyID) }
        return storyID
    }

    // MARK: Scoring

    /// The stored report this one is a copy of (the most similar one among the latest
    /// `copyBucketScan` of each MinHash band it is in, at or above `copySimilarity`), if any.
    private func copyCandidate(of member: Member) -> String? {
        var best: (similarity: Double, article: String)?
        for key in member.signature.bandKeys {
            copyBuckets.forEach(in: key, newest: settings.copyBucketScan) { other in
                // An article in several buckets scores the same each time: no need to skip it.
                let similarity = other.signature.similarity(to: member.signature)
                if similarity >= settings.copySimilarity, similarity > (best?.similarity ?? 0) { best = (similarity, other.id) }
            }
        }
        return best?.article
    }

    private mutating func makeMember(_ profile: ArticleProfile) -> Member {
        articleCount += 1
        // Terms are numbered in name order, not in the dictionaries' order, which changes with
        // each process's hash seed: the numbering orders every vector and so the sums of every
        // similarity, and a restart must group the reports as the process before it did.
        let entityCounts = profile.entities.sorted { $0.key < $1.key }
        let termCounts = profile.terms.sorted { $0.key < $1.key }
        let entityKeys = entityCounts.map { term("e:" + $0.key) }
        let termKeys = termCounts.map { term("t:" + $0.key) }
        for key in entityKeys + termKeys { documentFrequency[Int(key)] += 1 }
        func idf(_ key: TermID) -> Double {
            log((Double(articleCount) + 1) / Double(max(1, documentFrequency[Int(key)]))) + 1
        }
        func weighted(_ counts: [(key: String, value: Double)], _ keys: [TermID]) -> [(word: String, key: TermID, weight: Double)] {
            zip(counts, keys).map { entry, key in (entry.key, key, (1 + log(entry.value)) * idf(key)) }
        }
        let entities = SparseVector(Dictionary(uniqueKeysWithValues: weighted(entityCounts, entityKeys).map { ($0.key, $0.weight) }))
        // The strongest words; ties go to the word first in alphabetical order.
        let keywords = weighted(termCounts, termKeys).sorted { ($0.weight, $1.word) > ($1.weight, $0.word) }.prefix(settings.keywordCount)
        return Member(
            id: profile.articleID, entities: entities.normalized,
            keywords: SparseVector(Dictionary(uniqueKeysWithValues: keywords.map { ($0.key, $0.weight) })).normalized, day: profile.day,
            signature: profile.signature, keys: entityKeys + termKeys, mainPerson: profile.mainPerson.map { term("e:" + $0) })
    }

    /// The id of a term, numbering it if it is new.
    private mutating func term(_ name: String) -> TermID {
        if let id = termIDs[name] { return id }
        let id = TermID(documentFrequency.count)
        termIDs[name] = id
        documentFrequency.append(0)
        return id
    }

    /// Stories sharing entities or keywords with the article, most shared first.
    private func candidates(of member: Member, limit: Int? = nil) -> [String] {
        let limit = limit ?? settings.maxCandidates
        let common = max(20, Int(settings.commonKeyShare * Double(articleCount)))
        // Entity and word terms never share an id.
        let keys = [member.entities.entries, member.keywords.entries].joined().lazy.filter { key, _ in
            Int(key) < documentFrequency.count && documentFrequency[Int(key)] <= common
        }
        return postings.heaviest(sharing: keys.map { (key: $0.0, weight: $0.1) }, limit: limit)
    }

    /// The similarity to the story's centroid alone (not faded by time: `similarity` does that).
    func centroidSimilarity(_ member: Member, _ cluster: StoryCluster) -> Double {
        let entity = cluster.entities.cosine(member.entities)
        let keyword = cluster.keywords.cosine(member.keywords)
        let score = settings.entityWeight * entity + (1 - settings.entityWeight) * keyword
        return score * personFactor(member, storyPerson: cluster.mainPerson(agreedBy: settings.mainPersonAgreement))
    }

    /// `otherPersonFactor` when the article is about someone other than the story (or report)
    /// it is compared with, and that story's person is at most a side figure in it (a report on
    /// one player's injury names the teammate hurt last year); else 1.
    private func personFactor(_ member: Member, storyPerson other: TermID?) -> Double {
        guard let person = member.mainPerson, let other, person != other,
            (member.entities.weight(of: other) ?? 0) < 0.5 * (member.entities.weight(of: person) ?? 0)
        else { return 1 }
        return settings.otherPersonFactor
    }

    func similarity(_ member: Member, _ cluster: StoryCluster, centroid: Double) -> Double {
        var score = centroid * fade(member.day.flatMap { cluster.gap(to: $0) })
        if settings.linkage > 0 {
            // Blend in how close the article is to the story's nearest reports, not only its
            // centre: near in wording and in time.
            // The three best of the latest fifty, kept in place (no array per story scored),
            // summed best first.
            var nearest = (-Double.infinity, -Double.infinity, -Double.infinity)
            var count = 0
            for other in cluster.members.suffix(50) {
                let value =
                    (settings.entityWeight * member.entities.cosine(other.entities) + (1 - settings.entityWeight) * member.keywords.cosine(other.keywords))
                    * personFactor(member, storyPerson: other.mainPerson)
                    * fade(member.day.flatMap { day in other.day.map { abs(day - $0) } })
                count += 1
                if value > nearest.0 {
                    nearest = (value, nearest.0, nearest.1)
                } else if value > nearest.1 {
                    nearest = (nearest.0, value, nearest.1)
                } else if value > nearest.2 {
                    nearest.2 = value
                }
            }
            if count > 0 {
                var sum = nearest.0
                if count > 1 { sum += nearest.1 }
                if count > 2 { sum += nearest.2 }
                score = (1 - settings.linkage) * score + settings.linkage * sum / Double(min(count, 3))
            }
        }
        return score
    }

    /// 1 within `sameDays`, then fading by a factor e every `fadeDays`; 1 when undated.
    private func fade(_ gap: Int?) -> Double {
        guard let gap, gap > settings.sameDays else { return 1 }
        return exp(-Double(gap - settings.sameDays) / settings.fadeDays)
    }
}

extension StoryClusterer.Member {
    func sameContent(as other: StoryClusterer.Member) -> Bool {
        (id, entities, keywords, day) == (other.id, other.entities, other.keywords, other.day)
            && (signature, keys, mainPerson) == (other.signature, other.keys, other.mainPerson)
    }
}

extension StoryClusterer {
    /// Whether both hold the same grouping down to every look-up, term number and float: a
    /// grouping restored from a snapshot must go on grouping as the one written did.
    func sameState(as other: StoryClusterer) -> Bool {
        clusters == other.clusters && storyOfArticle == other.storyOfArticle && postings.byStory == other.postings.byStory && termIDs == other.termIDs
            && documentFrequency == other.documentFrequency && articleCount == other.articleCount && copies == other.copies
            && separated == other.separated && Set(members.keys) == Set(other.members.keys)
            && members.allSatisfy { $1.sameContent(as: other.members[$0]!) }
            && copyBuckets.sameBuckets(as: other.copyBuckets) { $0.sameContent(as: $1) }
    }
}
