import ChronicleKnowledge
import ChroniclePipeline
import HTTPTypes
import Hummingbird

extension ChronicleAPI {
    func addEventRoutes(to router: APIRouter) {
        router.on(.get, "/v1/event-types") { request, context in
            try context.json(EventOntology.shared, for: request)
        }

        router.on(.get, "/v1/events") { request, context in
            let query = try QueryParameters(request)
            try query.allowOnly(["entity", "type", "lemma", "class", "from", "to", "place", "story", "q", "limit", "cursor", "format"])
            let format = query.string("format") ?? "json"
            guard ["json", "csv", "ndjson"].contains(format) else {
                throw Problem.badRequest("format must be json, csv or ndjson, not '\(format)'")
            }
            let eventClass = try query.string("class").map { value in
                guard let eventClass = EventClass(rawValue: value) else {
                    let names = EventClass.allCases.map(\.rawValue).joined(separator: ", ")
                    throw Problem.badRequest("class must be one of \(names), not '\(value)'")
                }
                return eventClass
            }
            var eventQuery = EventQuery(
                entity: query.string("entity"), type: query.string("type"), lemma: query.string("lemma"), eventClass: eventClass,
                from: try query.date("from"),
                to: try query.date("to"), place: query.string("place"), story: query.string("story"),
                text: query.string("q"), limit: try query.limit(max: configuration.maxPageLimit),
                cursor: try query.cursor())
            guard format != "json" else { return try await cachedJSON(request, context: context) { $0.events(eventQuery) } }
            let store = try store()
            // An export holds every matching event: without `limit`, all of them. It is written a
            // page at a time, each page read under the store's lock and then sent, so neither the
            // export nor the lock grows with the store.
            let total = query.string("limit") == nil ? Int.max : eventQuery.limit
            eventQuery.limit = min(500, total)
            let csv = format == "csv"
            let firstPage = eventQuery
            let headers: HTTPFields = [
                .contentType: csv ? "text/csv; charset=utf-8" : "application/x-ndjson",
                .contentDisposition: "attachment; filename=\"events.\(format)\"",
            ]
            return Response(status: .ok, headers: headers, body: ResponseBody { writer in
                if csv { try await writer.write(ByteBuffer(string: EventExport.csvHeader)) }
                var page = firstPage
                var written = 0
                while written < total {
                    page.limit = min(page.limit, total - written)
                    let result = store.read { $0.events(page) }
                    var buffer = ByteBuffer()
                    for view in result.items {
                        if csv { buffer.writeString(EventExport.csvRow(view)) } else { buffer.writeBytes(try EventExport.ndjsonLine(view)) }
                    }
                    try await writer.write(buffer)
                    written += result.items.count
                    guard let next = result.nextCursor, let cursor = Cursor(token: next) else { break }
                    page.cursor = cursor
                }
                try await writer.finish(nil)
            })
        }

        router.on(.get, "/v1/merged-events/:id") { request, context in
            let id = try context.parameters.require("id")
            guard let event = try store().read({ $0.mergedEvent(id: id) }) else {
                throw Problem.notFound("no merged event with id '\(id)'")
            }
            return try context.json(event, for: request)
        }

        router.on(.get, "/v1/events/:id") { request, context in
            let id = try context.parameters.require("id")
            guard let event = try store().read({ $0.event(id: id) }) else {
                throw Problem.notFound("no event with id '\(id)'")
            }
            return try context.json(event, for: request)
        }
    }
}
