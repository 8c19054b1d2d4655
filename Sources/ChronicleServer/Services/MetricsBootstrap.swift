import Metrics
import Prometheus

/// The process-wide Prometheus registry. swift-metrics can be bootstrapped once per process,
/// so the first application built does it and later ones (tests) share it.
enum MetricsBootstrap {
    static let registry: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(CataloguedMetricsFactory(registry: registry))
        return registry
    }()
}
