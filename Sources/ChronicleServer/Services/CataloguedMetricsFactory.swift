import CoreMetrics
import Prometheus

/// swift-metrics into the Prometheus registry under the names and help texts of
/// `MetricCatalogue`. swift-prometheus' own factory registers every metric without help text
/// and under the label it is given; this one asks the registry with both.
struct CataloguedMetricsFactory: MetricsFactory {
    let registry: PrometheusCollectorRegistry
    /// Removing a metric is the same whichever factory made it.
    private let plain: PrometheusMetricsFactory

    init(registry: PrometheusCollectorRegistry) {
        self.registry = registry
        plain = PrometheusMetricsFactory(registry: registry)
    }

    func makeCounter(label: String, dimensions: [(String, String)]) -> any CounterHandler {
        registry.makeCounter(descriptor: descriptor(label), labels: labels(dimensions))
    }

    func makeFloatingPointCounter(label: String, dimensions: [(String, String)]) -> any FloatingPointCounterHandler {
        registry.makeCounter(descriptor: descriptor(label), labels: labels(dimensions))
    }

    func makeRecorder(label: String, dimensions: [(String, String)], aggregate: Bool) -> any RecorderHandler {
        guard aggregate else { return registry.makeGauge(descriptor: descriptor(label), labels: labels(dimensions)) }
        return registry.makeValueHistogram(descriptor: descriptor(label), labels: labels(dimensions), buckets: plain.defaultValueHistogramBuckets)
    }

    func makeMeter(label: String, dimensions: [(String, String)]) -> any MeterHandler {
        registry.makeGauge(descriptor: descriptor(label), labels: labels(dimensions))
    }

    func makeTimer(label: String, dimensions: [(String, String)]) -> any TimerHandler {
        registry.makeDurationHistogram(descriptor: descriptor(label), labels: labels(dimensions), buckets: plain.defaultDurationHistogramBuckets)
    }

    /// The catalogue's name and help text for a label. The catalogue's names are whole, unit
    /// suffix included, so the descriptor's unit is left empty.
    private func descriptor(_ label: String) -> MetricNameDescriptor {
        let entry = MetricCatalogue.entry(for: label)
        return MetricNameDescriptor(metricName: entry.name, unitName: "", helpText: entry.help)
    }

    /// OpenTelemetry's dotted attribute names (`http.request.method`) as Prometheus label names.
    private func labels(_ dimensions: [(String, String)]) -> [(String, String)] {
        dimensions.map { ($0.0.replacing(".", with: "_"), $0.1) }
    }

    func destroyCounter(_ handler: any CounterHandler) { plain.destroyCounter(handler) }
    func destroyFloatingPointCounter(_ handler: any FloatingPointCounterHandler) { plain.destroyFloatingPointCounter(handler) }
    func destroyRecorder(_ handler: any RecorderHandler) { plain.destroyRecorder(handler) }
    func destroyMeter(_ handler: any MeterHandler) { plain.destroyMeter(handler) }
    func destroyTimer(_ handler: any TimerHandler) { plain.destroyTimer(handler) }
}
