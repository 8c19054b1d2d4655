/// Every metric the service exposes: the name Prometheus sees and its `# HELP` line. Names follow
/// Prometheus' conventions (`promtool check metrics`): a counter ends in `_total`, a measurement
/// names its unit. Hummingbird's middleware names its metrics in OpenTelemetry's dotted style
/// (`hb.requests`), so they are renamed here.
enum MetricCatalogue {
    struct Entry {
        let name: String
        let help: String
    }

    static let entries: [String: Entry] = [
        "hb.requests": Entry(name: "hb_requests_total", help: "HTTP requests answered, by route, method and status."),
        "hb.request.errors": Entry(name: "hb_request_errors_total", help: "HTTP requests answered with an error, by route, method and status."),
        "http.server.request.duration": Entry(
            name: "http_server_request_duration_seconds", help: "Time from a request's head to its answer, by route, method and status."),
        "http.server.active_requests": Entry(name: "http_server_active_requests", help: "HTTP requests being answered now, by method."),
        "chronicle_articles_ingested_total": Entry(name: "chronicle_articles_ingested_total", help: "Articles stored since the process started."),
        "chronicle_articles_duplicate_total": Entry(
            name: "chronicle_articles_duplicate_total", help: "Articles posted again (same clean text) since the process started."),
        "chronicle_articles_stored": Entry(name: "chronicle_articles_stored", help: "Articles in the store."),
        "chronicle_extraction_duration_seconds": Entry(
            name: "chronicle_extraction_duration_seconds", help: "Time the pipeline took to extract one article."),
        "chronicle_store_open_seconds": Entry(
            name: "chronicle_store_open_seconds", help: "Time opening the store took at start-up, by phase (read, decode, rebuild (older snapshots only), replay)."),
        "chronicle_response_cache_hits_total": Entry(
            name: "chronicle_response_cache_hits_total", help: "Reads answered from the response cache."),
        "chronicle_response_cache_misses_total": Entry(
            name: "chronicle_response_cache_misses_total", help: "Reads that had to query the store."),
    ]

    /// The entry of a swift-metrics label; a label missing from the catalogue keeps its name
    /// (made valid) and says so in its help, so a new metric shows up without hiding.
    static func entry(for label: String) -> Entry {
        entries[label]
            ?? Entry(name: String(label.map { $0.isLetter || $0.isNumber ? $0 : "_" }), help: "\(label) (no description in MetricCatalogue)")
    }
}
