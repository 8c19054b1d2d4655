import ChronicleFoundation
import ChroniclePipeline

/// One story as the grouping sees it: its articles in arrival order, the sums of their entity
/// and keyword vectors (the centroid, unnormalized), the days it spans, and the people its
/// reports are mostly about.
struct StoryCluster: Sendable {
    let id: String
    private(set) var articles: [String] = []
    /// The members behind `articles`, in the same order: scoring reads a story's latest reports
    /// for every article that arrives, and finding each by its id cost a string hash apiece.
    private(set) var members: [StoryClusterer.Member] = []
    private(set) var entities = CentroidVector()
    private(set) var keywords = CentroidVector()
    /// Publication days of its dated reports, ascending.
    private(set) var days: [Int] = []
    /// The size at which the story was last checked for two happenings (`StorySplitter`).
    var checkedAtSize = 0
    /// How many of the story's articles carry each posting key, to drop a key with the last one.
    private(set) var keyCounts: [TermID: Int] = [:]

    init(id: String) { self.id = id }

    /// A story as a snapshot kept it: its articles in their order and its centroids as summed
    /// (floating-point sums depend on their order, so they are kept, not summed again); the
    /// days, people and key counts follow from its members.
    init(id: String, members: [StoryClusterer.Member], entities: CentroidVector, keywords: CentroidVector, checkedAtSize: Int) {
        self.id = id
        (self.entities, self.keywords, self.checkedAtSize) = (entities, keywords, checkedAtSize)
        articles = members.map(\.id)
        self.members = members
        days = members.compactMap(\.day).sorted()
        for member in members {
            if let person = member.mainPerson { people[person, default: 0] += 1 }
            for key in member.keys { keyCounts[key, default: 0] += 1 }
        }
        countPeople()
    }

    /// Main persons of its articles, counted per article.
    private(set) var people: [TermID: Int] = [:]
    /// The person most of its articles are about, and how many: kept as articles come and go,
    /// since every candidate story is asked for it.
    private var topPerson: (person: TermID, count: Int)?

    /// The person at least `share` of its articles are mostly about. (With `share` above a half
    /// no two people can qualify, so a tie at the top never matters.)
    func mainPerson(agreedBy share: Double) -> TermID? {
        guard let topPerson, Double(topPerson.count) >= share * Double(articles.count) else { return nil }
        return topPerson.person
    }

    private mutating func countPeople() {
        topPerson = people.max { ($0.value, $1.key) < ($1.value, $0.key) }.map { ($0.key, $0.value) }
    }

    /// Days from `day` to the nearest publication day of the story's reports (nil when either
    /// is undated): a story that ran in 2020 and again in 2026 is not close to 2023.
    func gap(to day: Int) -> Int? {
        guard !days.isEmpty else { return nil }
        let index = days.partitioningIndex(where: { $0 >= day })
        var gap = Int.max
        if index < days.count { gap = days[index] - day }
        if index > 0 { gap = min(gap, day - days[index - 1]) }
        return gap
    }

    /// Adds an article; returns the posting keys new to the story.
    mutating func add(_ article: StoryClusterer.Member) -> [TermID] {
        articles.append(article.id)
        members.append(article)
        entities.add(article.entities)
        keywords.add(article.keywords)
        if let day = article.day { days.insert(day, at: days.partitioningIndex(where: { $0 >= day })) }
        if let person = article.mainPerson {
            people[person, default: 0] += 1
            countPeople()
        }
        var new: [TermID] = []
        for key in article.keys where Self.adding(1, to: &keyCounts[key, default: 0]) == 1 { new.append(key) }
        return new
    }

    /// Removes an article; returns the posting keys no article of the story carries any more.
    mutating func remove(_ article: StoryClusterer.Member) -> [TermID] {
        articles.removeAll { $0 == article.id }
        members.removeAll { $0 === article }
        entities.add(article.entities, sign: -1)
        keywords.add(article.keywords, sign: -1)
        if let day = article.day, let index = days.firstIndex(of: day) { days.remove(at: index) }
        if let person = article.mainPerson {
            people[person, default: 1] -= 1
            if people[person] == 0 { people[person] = nil }
            countPeople()
        }
        var gone: [TermID] = []
        for key in article.keys where Self.adding(-1, to: &keyCounts[key, default: 0]) == 0 {
            keyCounts[key] = nil
            gone.append(key)
        }
        return gone
    }

    /// Adds to a count in place and returns it: one look-up of the key, not two (every key of
    /// every article stored).
    private static func adding(_ amount: Int, to count: inout Int) -> Int {
        count += amount
        return count
    }
}

extension StoryCluster: Equatable {
    /// Every field, the kept top person included (a restored story must go on exactly as the
    /// one it was written from).
    static func == (lhs: StoryCluster, rhs: StoryCluster) -> Bool {
        (lhs.id, lhs.articles, lhs.days, lhs.checkedAtSize, lhs.keyCounts, lhs.people) == (rhs.id, rhs.articles, rhs.days, rhs.checkedAtSize, rhs.keyCounts, rhs.people)
            && lhs.entities == rhs.entities && lhs.keywords == rhs.keywords && lhs.topPerson?.person == rhs.topPerson?.person
            && lhs.topPerson?.count == rhs.topPerson?.count
    }
}
