import ChroniclePipeline

/// One story as the grouping sees it: its articles in arrival order, the sums of their entity
/// and keyword vectors (the centroid, unnormalized), the days it spans, and the people its
/// reports are mostly about.
struct StoryCluster: Sendable {
    let id: String
    private(set) var articles: [String] = []
    private(set) var entities = SparseVector()
    private(set) var keywords = SparseVector()
    /// Publication days of its dated reports, ascending.
    private(set) var days: [Int] = []
    /// The size at which the story was last checked for two happenings (`StorySplitter`).
    var checkedAtSize = 0
    /// How many of the story's articles carry each posting key, to drop a key with the last one.
    private(set) var keyCounts: [String: Int] = [:]

    init(id: String) { self.id = id }

    /// Main persons of its articles, counted per article.
    private(set) var people: [String: Int] = [:]

    /// The person at least `share` of its articles are mostly about.
    func mainPerson(agreedBy share: Double) -> String? {
        guard let top = people.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), Double(top.value) >= share * Double(articles.count) else { return nil }
        return top.key
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
    mutating func add(_ article: StoryClusterer.Member) -> [String] {
        articles.append(article.id)
        entities.add(article.entities)
        keywords.add(article.keywords)
        if let day = article.day { days.insert(day, at: days.partitioningIndex(where: { $0 >= day })) }
        if let person = article.mainPerson { people[person, default: 0] += 1 }
        var new: [String] = []
        for key in article.keys {
            keyCounts[key, default: 0] += 1
            if keyCounts[key] == 1 { new.append(key) }
        }
        return new
    }

    /// Removes an article; returns the posting keys no article of the story carries any more.
    mutating func remove(_ article: StoryClusterer.Member) -> [String] {
        articles.removeAll { $0 == article.id }
        entities.add(article.entities, sign: -1)
        keywords.add(article.keywords, sign: -1)
        if let day = article.day, let index = days.firstIndex(of: day) { days.remove(at: index) }
        if let person = article.mainPerson {
            people[person, default: 1] -= 1
            if people[person] == 0 { people[person] = nil }
        }
        var gone: [String] = []
        for key in article.keys {
            keyCounts[key, default: 0] -= 1
            if keyCounts[key] == 0 {
                keyCounts[key] = nil
                gone.append(key)
            }
        }
        return gone
    }
}
