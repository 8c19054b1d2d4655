/// The features of one sentence, token by token: a flat list of values (feature hashes, or the
/// weight rows they map to) and where each token's run starts.
package struct FeatureRows<Value> {
    package var values: [Value] = []
    /// `starts[i] ..< starts[i + 1]` are token `i`'s values; `starts.count` is tokens + 1.
    package var starts: [Int32] = [0]

    package var tokenCount: Int { starts.count - 1 }

    package init() {}

    package init(capacity: Int, tokens: Int) {
        values.reserveCapacity(capacity)
        starts.reserveCapacity(tokens + 1)
    }

    package mutating func removeAll() {
        values.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        starts.append(0)
    }

    @inline(__always) package mutating func append(_ value: Value) { values.append(value) }

    /// Closes the current token's run.
    @inline(__always) package mutating func endToken() { starts.append(Int32(values.count)) }

    package func token(_ index: Int) -> ArraySlice<Value> { values[Int(starts[index])..<Int(starts[index + 1])] }

    /// The same runs with every value mapped; values mapped to `nil` are dropped.
    package func compactMap<Other>(_ transform: (Value) -> Other?) -> FeatureRows<Other> {
        var result = FeatureRows<Other>(capacity: values.count, tokens: tokenCount)
        for index in 0..<tokenCount {
            for value in token(index) {
                if let mapped = transform(value) { result.append(mapped) }
            }
            result.endToken()
        }
        return result
    }
}

extension FeatureRows: Sendable where Value: Sendable {}
