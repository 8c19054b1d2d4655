extension Duration {
    /// The duration in seconds, for logs, metrics and benchmark reports.
    public var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
