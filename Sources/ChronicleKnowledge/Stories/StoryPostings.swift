import ChronicleFoundation

/// Term -> the stories holding it, for finding an article's candidate stories.
///
/// Stories are numbered densely inside (a number is reused once its story is gone), so that
/// summing the weight each story shares with an article adds into an array rather than hashing a
/// story id per posting: at 100,000 articles an article's keys reach thousands of stories.
/// The numbers never leave this type; what it answers is ordered by story id, so the grouping
/// does not depend on them.
struct StoryPostings: Sendable {
    private var stories: [TermID: Set<Int32>] = [:]
    private var numbers: [String: Int32] = [:]
    /// Number -> story id; "" for a free number.
    private var names: [String] = []
    private var free: [Int32] = []

    init() {}

    /// Records that `story` now holds `keys`.
    mutating func insert(_ story: String, for keys: [TermID]) {
        guard !keys.isEmpty else { return }
        let number = number(of: story)
        for key in keys { stories[key, default: []].insert(number) }
    }

    /// Records that `story` no longer holds `keys`.
    mutating func remove(_ story: String, for keys: [TermID]) {
        guard let number = numbers[story] else { return }
        for key in keys {
            stories[key]?.remove(number)
            if stories[key]?.isEmpty == true { stories[key] = nil }
        }
    }

    /// Forgets a story that is gone (it holds no keys any more).
    mutating func forget(_ story: String) {
        guard let number = numbers.removeValue(forKey: story) else { return }
        names[Int(number)] = ""
        free.append(number)
    }

    private mutating func number(of story: String) -> Int32 {
        if let number = numbers[story] { return number }
        let number: Int32
        if let reused = free.popLast() {
            number = reused
            names[Int(number)] = story
        } else {
            number = Int32(names.count)
            names.append(story)
        }
        numbers[story] = number
        return number
    }

    /// The stories holding any of `keys`, the weight of the keys each holds summed (in the keys'
    /// order), the `limit` heaviest (ties to the lower id), ordered by id when all fit.
    func heaviest(sharing keys: some Sequence<(key: TermID, weight: Double)>, limit: Int) -> [String] {
        var weights = [Double](repeating: 0, count: names.count)
        var seen = [Bool](repeating: false, count: names.count)
        var touched: [Int32] = []
        for (key, weight) in keys {
            guard let holders = stories[key] else { continue }
            for number in holders {
                let index = Int(number)
                if !seen[index] {
                    seen[index] = true
                    touched.append(number)
                }
                weights[index] += weight
            }
        }
        guard touched.count > limit else { return touched.map { names[Int($0)] }.sorted() }
        // The best `limit` of thousands (a common name is in many stories), without sorting the
        // rest, comparing numbers by weight and reading ids only for a tie.
        return touched.first(limit) { a, b in
            let (weightA, weightB) = (weights[Int(a)], weights[Int(b)])
            return weightA != weightB ? weightA > weightB : names[Int(a)] < names[Int(b)]
        }.map { names[Int($0)] }
    }

    /// The postings by story id, whatever the numbering (two groupings compared).
    var byStory: [TermID: Set<String>] {
        stories.mapValues { Set($0.map { names[Int($0)] }) }
    }
}
