/// Splits raw text into trimmed lines with whitespace collapsed. Every non-empty line is a
/// paragraph candidate: plain-text pages put one block per line, and blank lines carry no
/// extra meaning once each line is judged on its own.
enum LineNormalizer {
    static func lines(of text: String) -> [Scalars] {
        var lines: [Scalars] = []
        var current: Scalars = []
        current.reserveCapacity(256)
        var pendingSpace = false

        func endLine() {
            if !current.isEmpty { lines.append(current) }
            current.removeAll(keepingCapacity: true)
            pendingSpace = false
        }

        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A where previousWasCR:
                previousWasCR = false
                continue
            case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029:
                endLine()
            case 0x200B, 0xFEFF, 0x00AD, 0x2060:
                // Zero-width and soft-hyphen characters are invisible layout hints.
                break
            default:
                if scalar.isSpace || scalar.value < 0x20 || scalar.value == 0x7F {
                    pendingSpace = !current.isEmpty
                } else {
                    if pendingSpace { current.append(" ") }
                    pendingSpace = false
                    current.append(scalar)
                }
            }
            previousWasCR = scalar.value == 0x0D
        }
        endLine()
        return lines
    }
}
