import ChronicleFoundation

/// Invented news reports for tests that need many articles: a few dozen happenings (talks,
/// mergers, protests, rulings), each told by several reports in other words and on other days,
/// with people, places and organisations that recur under other spellings. Deterministic for a
/// seed.
package enum GeneratedArticles {
    package struct Article: Sendable {
        package let text: String
        /// `YYYY-MM-DD`, the day the report was published.
        package let publishedAt: String
    }

    static let people = [
        "Anna Kovalenko", "Marta Ilves", "Tomas Reed", "Omar Haddad", "Lena Brandt", "Yusuf Aydin", "Clara Moreau", "Ivo Petrov",
        "Sofia Lindqvist", "Rafael Duarte",
    ]
    static let variants = ["Anna Kovalenko": "Kovalenka", "Omar Haddad": "Hadad", "Yusuf Aydin": "Aydın"]
    static let places = ["Port Vale", "Lisbon", "Tartu", "Geneva", "Oslo", "Ankara", "Lyon", "Varna"]
    static let bodies = [
        "the Halden Institute", "the Northern Fisheries Board", "Vale Mining", "the Tartu city council", "Brandt Logistics",
        "the Coastal Workers Union",
    ]
    static let happenings = [
        ["{P} and {Q} met in {L} on {D} to discuss fishing quotas, {B} said.",
         "Talks between {P} and {Q} in {L} ended without a deal on quotas, according to {B}.",
         "{Q} said after meeting {P} in {L} that the quota talks would resume next month."],
        ["{B} agreed on {D} to buy a rival for 2.4 billion euros, {P} told reporters in {L}.",
         "The 2.4 billion euro takeover by {B} was approved by shareholders in {L}, {Q} said.",
         "{P}, chief executive of {B}, defended the takeover at a meeting in {L}."],
        ["Thousands protested in {L} on {D} against plans by {B} to close the port, {P} said.",
         "Police in {L} detained 40 people at a protest against {B}, {Q} said.",
         "{P} called for calm after a second day of protests against {B} in {L}."],
        ["A court in {L} ruled on {D} that {B} must pay 30 million euros in damages, {P} said.",
         "{B} will appeal the ruling of the {L} court, {Q} told a news conference.",
         "Lawyers for {P} welcomed the court's decision against {B} in {L}."],
    ]

    /// `count` reports over `count / 5` happenings, in publication order.
    package static func make(count: Int, seed: UInt64) -> [Article] {
        var random = SplitMix64(seed: seed)
        let happeningCount = max(1, count / 5)
        let cast = (0..<happeningCount).map { index -> [String: String] in
            let first = people[random.below(people.count)]
            var second = people[random.below(people.count)]
            while second == first { second = people[random.below(people.count)] }
            return [
                "{P}": first, "{Q}": second, "{L}": places[random.below(places.count)], "{B}": bodies[random.below(bodies.count)],
                "kind": String(index % happenings.count), "day": String(1 + random.below(300)),
            ]
        }
        let articles = (0..<count).map { _ -> (day: Int, text: String) in
            let roles = cast[random.below(cast.count)]
            let day = Int(roles["day"]!)! + random.below(4)
            var text = happenings[Int(roles["kind"]!)!][random.below(3)]
            for key in ["{P}", "{Q}"] {
                var name = roles[key]!
                if let variant = variants[name], random.below(3) == 0 { name = name.split(separator: " ").dropLast().joined(separator: " ") + " " + variant }
                text = text.replacingOccurrences(of: key, with: name)
            }
            text = text.replacingOccurrences(of: "{L}", with: roles["{L}"]!).replacingOccurrences(of: "{B}", with: roles["{B}"]!)
            text = text.replacingOccurrences(of: "{D}", with: date(day: day - 1, long: true))
            let first = text.prefix(1).uppercased() + text.dropFirst()
            return (day, first + " Officials said more details would follow within " + String(2 + random.below(9)) + " days.")
        }
        return articles.sorted { $0.day < $1.day }.map { Article(text: $0.text, publishedAt: date(day: $0.day, long: false)) }
    }

    /// Day `day` of 2025 (1 = 1 January), as `2025-03-04` or "4 March".
    static func date(day: Int, long: Bool) -> String {
        let lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        var rest = max(1, min(365, day))
        var month = 0
        while rest > lengths[month] {
            rest -= lengths[month]
            month += 1
        }
        if long { return "\(rest) \(months[month])" }
        return "2025-" + (month < 9 ? "0" : "") + String(month + 1) + "-" + (rest < 10 ? "0" : "") + String(rest)
    }
}
