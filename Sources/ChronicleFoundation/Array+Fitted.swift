extension Array {
    /// A copy with no spare capacity (an array's own initializers keep the buffer they are given).
    package func fitted() -> [Element] {
        guard capacity > count else { return self }
        return withUnsafeBufferPointer { buffer in
            [Element](unsafeUninitializedCapacity: buffer.count) { target, initialized in
                _ = target.initialize(fromContentsOf: buffer)
                initialized = buffer.count
            }
        }
    }
}
