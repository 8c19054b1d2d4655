import ChroniclePipeline
import Foundation

/// Decides which event actors of one article are a timeline's target entity.
///
/// An actor is the target when its name or its words in the text are the target's name, or the
/// canonical name the entity stage gave a mention written as the target ("EADS" written, the
/// fuller name kept as canonical). Names are compared without case, a leading "the", a possessive
/// and a company's legal form ("Boeing Co.", "The Boeing Company" are Boeing), and with "U.S."
/// read as "United States"; a name of three or more words also answers to its initials written in
/// capitals ("USAF"). Nothing looser: "Airbus" is not "Airbus A380", a plane.
package struct TimeLineEntityMatcher: Sendable {
    package let target: String
    /// Normalized names that stand for the target in this article.
    let names: Set<String>

    /// The initials of a target of three or more words, lower case: `usaf`.
    let initials: String?

    package init(target: String, entities: [EntityMention]) {
        self.target = target
        let key = Self.normalized(target)
        var names: Set<String> = [key]
        for mention in entities {
            let canonical = Self.normalized(mention.canonicalName)
            if canonical == key || Self.normalized(mention.text) == key { names.insert(canonical) }
        }
        self.names = names
        let words = key.split(separator: " ")
        initials = words.count >= 3 ? String(words.compactMap(\.first)) : nil
    }

    package func matches(_ actor: EventActor, in document: ArticleDocument) -> Bool {
        if matches(name: actor.name) { return true }
        guard let span = actor.span, span.end <= document.text.unicodeScalars.count else { return false }
        return matches(name: document.text(of: span))
    }

    /// Whether a name as written is the target.
    func matches(name: String) -> Bool {
        let key = Self.normalized(name)
        if names.contains(key) { return true }
        // Initials only when written in capitals: "USAF", not a word that happens to spell them.
        let isCapitals = name.allSatisfy { $0.isUppercase || $0 == "." }
        return isCapitals && key == initials
    }

    /// Words a company's name may end with that do not change which company it is.
    static let legalForms: Set<String> = [
        "co", "corp", "corporation", "inc", "incorporated", "ltd", "limited", "plc", "llc", "company", "sa", "nv", "ag",
    ]

    /// Lower case, single spaces, without "the", a possessive, dots and a trailing legal form.
    static func normalized(_ name: String) -> String {
        var text = name.lowercased().replacingOccurrences(of: "\u{2019}", with: "'")
        for suffix in ["'s", "'"] where text.hasSuffix(suffix) { text.removeLast(suffix.count) }
        var words = text.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        words = words.flatMap { word -> [String] in
            let bare = word.filter { $0 != "." && $0 != "," }
            return bare == "us" && word.contains(".") ? ["united", "states"] : [bare]
        }.filter { !$0.isEmpty }
        if words.first == "the" { words.removeFirst() }
        while words.count > 1, let last = words.last, legalForms.contains(last) { words.removeLast() }
        return words.joined(separator: " ")
    }
}
