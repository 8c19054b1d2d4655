import ChroniclePipeline
import Foundation

/// The timeline of one target entity, as SemEval-2015 Task 4 writes it: the entity's name, then
/// one entry per event, in order.
///
/// ```
/// Ryanair
/// 0	XXXX-XX-XX	11714-3-orders
/// 1	2005-XX-XX	11714-7-reported
/// 2	2005-06-13	11714-2-exercising	11714-0-exercises
/// ```
///
/// An entry is one event: its position on the timeline (`order`; 0 for events that cannot be
/// anchored or ordered), its date at the precision known (`2005-XX-XX` for a year,
/// `XXXX-XX-XX` for none) and its mentions, each `docid-sentence-token` (the first token of the
/// mention; multi-token mentions join their tokens with `_`). Entries with the same order happen at
/// the same time.
package struct TimeLine: Sendable, Equatable {
    package struct Entry: Sendable, Equatable {
        package var order: Int
        package var date: String
        /// The mentions of the event; the first names it.
        package var mentions: [String]

        package init(order: Int, date: String, mentions: [String]) {
            self.order = order
            self.date = date
            self.mentions = mentions
        }

        /// The event's identity for scoring: its first mention.
        package var event: String { mentions[0] }
    }

    package typealias FormatError = CorpusFormatError

    /// The date of an entry that has none.
    package static let unknownDate = "XXXX-XX-XX"

    package var entity: String
    package var entries: [Entry]

    package init(entity: String, entries: [Entry] = []) {
        self.entity = entity
        self.entries = entries
    }

    /// The file the task names this entity's timeline by: lower case, spaces to underscores
    /// (`Boeing 787 Dreamliner` -> `boeing_787_dreamliner.txt`).
    package static func fileName(for entity: String) -> String {
        entity.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: "_") + ".txt"
    }

    /// Reads the task's format. Blank lines and `\r` line ends are tolerated; an entry line needs
    /// a numeric order, a date and at least one mention, separated by tabs.
    package init(parsing source: String) throws {
        let lines = source.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
            .map { $0.hasSuffix("\r") ? String($0.dropLast()) : String($0) }
        guard let first = lines.first?.trimmingCharacters(in: .whitespaces), !first.isEmpty else {
            throw FormatError(description: "the first line must name the target entity")
        }
        var entries: [Entry] = []
        for (number, line) in lines.enumerated().dropFirst() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: true).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            guard fields.count >= 3, let order = Int(fields[0]), order >= 0 else {
                throw FormatError(description: "line \(number + 1): expected order<TAB>date<TAB>mention..., got '\(line)'")
            }
            entries.append(Entry(order: order, date: fields[1], mentions: Array(fields[2...])))
        }
        self.init(entity: first, entries: entries)
    }

    /// The task's format: the entity, then one tab-separated line per entry, each line ended by
    /// a line break.
    package var formatted: String {
        var lines = [entity]
        for entry in entries {
            lines.append(([String(entry.order), entry.date] + entry.mentions).joined(separator: "\t"))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
