import ChroniclePipeline
import Foundation

/// Events as rows for other tools: CSV (RFC 4180) or NDJSON, one event mention per row, with the
/// same fields as `GET /v1/events`.
package enum EventExport {
    package static let csvHeader =
        "id,article_id,story,merged_event,type,lemma,class,tense,aspect,polarity,time,time_source,modality,place,agents,patients,participants,mediators,"
        + "recipients,duration,quantities,trigger,sentence,source,publication_date,confidence\r\n"

    package static func csvRow(_ view: EventView) -> String {
        func names(_ role: String) -> String { view.event.actors.filter { $0.role == role }.map(\.name).joined(separator: "; ") }
        let quantities = view.event.quantities.map { quantity in
            let value = quantity.value == quantity.value.rounded() && abs(quantity.value) < 1e15 ? String(Int(quantity.value)) : String(quantity.value)
            return [value, quantity.unit, quantity.counted].compactMap { $0 }.joined(separator: " ")
        }.joined(separator: "; ")
        let fields: [String?] = [
            view.id, view.articleID, view.story, view.mergedEvent, view.event.type, view.event.lemma, view.event.eventClass?.rawValue,
            view.event.tense?.rawValue, view.event.aspect?.rawValue, view.event.polarity?.rawValue, view.effectiveTime, view.timeSource,
            view.event.modality.rawValue, view.event.place, names("agent"), names("patient"), names("participant"), names("mediator"),
            names("recipient"), view.event.duration, quantities, view.triggerText, view.sentenceText, view.source,
            view.publicationDate, String(format: "%.2f", view.event.confidence),
        ]
        return fields.map { escape($0 ?? "") }.joined(separator: ",") + "\r\n"
    }

    /// Quoted when it holds a comma, quote or line break; quotes doubled. A leading `=`, `+`,
    /// `-` or `@` gets a `'` so a spreadsheet does not run it as a formula.
    static func escape(_ field: String) -> String {
        var value = field
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    package static func ndjsonLine(_ view: EventView) throws -> Data {
        var data = try encoder.encode(view)
        data.append(0x0A)
        return data
    }
}
