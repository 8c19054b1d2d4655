import ChronicleFoundation
import ChroniclePipeline

/// Seeded generator of hostile article text: random Unicode from every plane, huge tokens,
/// control characters, zero-width and bidirectional marks, mixed scripts, combining marks and
/// emoji sequences, broken HTML, and news-like fragments (dates, titles, quotes) cut and spliced
/// among them, so the stages' rules fire on garbage. The same seed gives the same texts.
struct HostileText {
    private var random: SplitMix64

    init(seed: UInt64) { random = SplitMix64(seed: seed) }

    static let controls: [Unicode.Scalar] = (0x00...0x1F).compactMap(Unicode.Scalar.init) + [
        "\u{7F}", "\u{85}", "\u{9F}", "\u{2028}", "\u{2029}",
    ]
    static let invisibles: [Unicode.Scalar] = [
        "\u{200B}", "\u{200C}", "\u{200D}", "\u{FEFF}", "\u{2060}", "\u{00AD}", "\u{034F}",
        "\u{200E}", "\u{200F}", "\u{202A}", "\u{202B}", "\u{202C}", "\u{202D}", "\u{202E}",
        "\u{2066}", "\u{2067}", "\u{2068}", "\u{2069}", "\u{061C}",
    ]
    static let scripts: [ClosedRange<UInt32>] = [
        0x41...0x7A, 0xC0...0x24F, 0x370...0x3FF, 0x400...0x4FF, 0x590...0x5FF, 0x600...0x6FF,
        0x900...0x97F, 0xE00...0xE7F, 0x3040...0x30FF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0x1F300...0x1FAFF,
    ]
    static let fragments = [
        "President ", "Mr. ", "Dr. ", " said on Tuesday", " 2025-05-16 ", "23:35 UTC+8, 2025-05-16", "4:19 am today",
        " date 2025-05-16\n", "\"", "“", "”", "«", "»", "'", " (Reuters) - ", "KYIV, May 16 (AP) — ", "By ", "\n\n",
        "...", "!", "?", ".", " ", "\t", "<p>", "</p>", "<div class=\"menu\">", "<script>", "</script>", "<!--", "&amp;",
        "&#x202E;", "&#99999999;", "<", ">", " met ", " talks in Istanbul ", " 1,000 ", " two-hour ", " next week ",
        " ISTANBUL — ", "Zelenskyy", "Türkiye", " killed 12 ", " will meet ", " denied ", " March 3, 2024 ", " 1990s ",
        "e\u{301}", "👩‍👩‍👧‍👦", "🇺🇦", "\u{10FFFF}", "\u{E000}", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    ]

    mutating func below(_ bound: Int) -> Int { Int(random.next() % UInt64(max(1, bound))) }

    /// A random scalar from anywhere in Unicode (no surrogates: a Swift string cannot hold them).
    mutating func anyScalar() -> Unicode.Scalar {
        while true {
            let value = below(4) == 0 ? UInt32(below(0x110000)) : UInt32(below(0x3000))
            if let scalar = Unicode.Scalar(value) { return scalar }
        }
    }

    mutating func scriptScalar() -> Unicode.Scalar {
        let range = Self.scripts[below(Self.scripts.count)]
        return Unicode.Scalar(range.lowerBound + UInt32(below(Int(range.upperBound - range.lowerBound) + 1))) ?? "x"
    }

    /// A text of about `length` scalars.
    mutating func text(length: Int) -> String {
        var scalars = String.UnicodeScalarView()
        while scalars.count < length {
            switch below(10) {
            case 0: scalars.append(anyScalar())
            case 1: scalars.append(Self.controls[below(Self.controls.count)])
            case 2: scalars.append(Self.invisibles[below(Self.invisibles.count)])
            case 3: for _ in 0..<(1 + below(12)) { scalars.append(scriptScalar()) }
            case 4: scalars.append(contentsOf: "\u{301}\u{302}\u{303}\u{304}".unicodeScalars.prefix(1 + below(4)))
            default: scalars.append(contentsOf: Self.fragments[below(Self.fragments.count)].unicodeScalars)
            }
        }
        return String(scalars)
    }

    /// One word of `length` letters with no break in it.
    mutating func hugeToken(length: Int) -> String {
        String(String.UnicodeScalarView((0..<length).map { _ in below(3) == 0 ? scriptScalar() : Unicode.Scalar(UInt8(97 + below(26))) }))
    }

    /// One line of news-like words, no newline, about `bytes` UTF-8 bytes long.
    mutating func singleLine(bytes: Int) -> String {
        var line = ""
        line.reserveCapacity(bytes + 64)
        let words = ["the", "minister", "said", "talks", "in", "Istanbul", "on", "Tuesday", "were", "2025-05-16", "Kyiv", "Mr.", "Putin", "met", "\"We", "agree,\"", "12", "people", "killed"]
        while line.utf8.count < bytes {
            line += words[below(words.count)]
            line += below(15) == 0 ? ". " : " "
        }
        return line
    }
}
