/// Stable 64-bit hashing for feature names. Features are never spelled out as strings: each is
/// the hash of a template number combined with the hashes of its values, computed straight from
/// the token's UTF-8 bytes. Swift's `Hasher` is seeded per process, so a model trained in one run
/// could not be read in another; FNV-1a and a SplitMix64 finaliser are the same everywhere.
package enum FeatureHash {
    package static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    package static let prime: UInt64 = 0x0000_0100_0000_01b3

    @inline(__always)
    package static func byte(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* prime }

    package static func bytes(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash = offsetBasis
        for value in bytes { hash = byte(hash, value) }
        return mix(hash)
    }

    package static func string(_ text: String) -> UInt64 { bytes(text.utf8) }

    /// The SplitMix64 finaliser: spreads FNV's weak low bits over the whole word.
    @inline(__always)
    package static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9e37_79b9_7f4a_7c15
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// A feature from a template number and one value hash. Never 0.
    @inline(__always)
    package static func feature(_ template: UInt64, _ value: UInt64) -> UInt64 {
        mix(value ^ (template &* 0x9e37_79b9_7f4a_7c15)) | 1
    }

    @inline(__always)
    package static func feature(_ template: UInt64, _ first: UInt64, _ second: UInt64) -> UInt64 {
        feature(template, mix(first &+ 0x632b_e59b_d9b4_e019) ^ second)
    }

    @inline(__always)
    package static func feature(_ template: UInt64, _ first: UInt64, _ second: UInt64, _ third: UInt64) -> UInt64 {
        feature(template, mix(mix(first &+ 0x632b_e59b_d9b4_e019) ^ second) ^ third)
    }
}
