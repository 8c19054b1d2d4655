/// A JSON syntax checker (RFC 8259) that reports where a document goes wrong, which Foundation's
/// decoder does not, and refuses nesting deeper than `maxDepth` so hostile input cannot exhaust
/// the stack of the decoder that runs after it.
enum JSONSyntax {
    static let maxDepth = 64

    struct Failure: Equatable {
        let offset: Int
        let line: Int
        let column: Int
        let message: String
    }

    static func firstError(in bytes: [UInt8]) -> Failure? {
        var checker = Checker(bytes: bytes)
        do throws(Checker.Stop) {
            checker.skipWhitespace()
            try checker.value(depth: 0)
            checker.skipWhitespace()
            if checker.position < bytes.count { throw Checker.Stop.error("unexpected data after the JSON value") }
            return nil
        } catch {
            guard case .error(let message) = error else { return nil }
            let position = min(checker.position, bytes.count)
            let before = bytes[..<position]
            let line = before.filter { $0 == UInt8(ascii: "\n") }.count + 1
            let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
            let column = String(decoding: bytes[lineStart..<position], as: UTF8.self).unicodeScalars.count + 1
            return Failure(offset: position, line: line, column: column, message: message)
        }
    }

    fileprivate struct Checker {
        enum Stop: Error { case error(String) }

        let bytes: [UInt8]
        var position = 0

        var current: UInt8? { position < bytes.count ? bytes[position] : nil }

        mutating func skipWhitespace() {
            while let byte = current, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { position += 1 }
        }

        func describe(_ byte: UInt8?) -> String {
            guard let byte else { return "end of input" }
            if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
            return "byte 0x" + String(byte, radix: 16)
        }

        mutating func value(depth: Int) throws(Stop) {
            guard depth < JSONSyntax.maxDepth else { throw .error("nested deeper than \(JSONSyntax.maxDepth) levels") }
            switch current {
            case UInt8(ascii: "{"): try object(depth: depth + 1)
            case UInt8(ascii: "["): try array(depth: depth + 1)
            case UInt8(ascii: "\""): try string()
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            case let byte? where byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte):
                try number()
            default: throw .error("expected a value, found \(describe(current))")
            }
        }

        mutating func object(depth: Int) throws(Stop) {
            position += 1
            skipWhitespace()
            if current == UInt8(ascii: "}") { position += 1; return }
            while true {
                guard current == UInt8(ascii: "\"") else { throw .error("expected a quoted key, found \(describe(current))") }
                try string()
                skipWhitespace()
                guard current == UInt8(ascii: ":") else { throw .error("expected ':' after the key, found \(describe(current))") }
                position += 1
                skipWhitespace()
                try value(depth: depth)
                skipWhitespace()
                if current == UInt8(ascii: ",") { position += 1; skipWhitespace(); continue }
                if current == UInt8(ascii: "}") { position += 1; return }
                throw .error("expected ',' or '}', found \(describe(current))")
            }
        }

        mutating func array(depth: Int) throws(Stop) {
            position += 1
            skipWhitespace()
            if current == UInt8(ascii: "]") { position += 1; return }
            while true {
                try value(depth: depth)
                skipWhitespace()
                if current == UInt8(ascii: ",") { position += 1; skipWhitespace(); continue }
                if current == UInt8(ascii: "]") { position += 1; return }
                throw .error("expected ',' or ']', found \(describe(current))")
            }
        }

        mutating func string() throws(Stop) {
            position += 1
            while let byte = current {
                switch byte {
                case UInt8(ascii: "\""):
                    position += 1
                    return
                case UInt8(ascii: "\\"):
                    position += 1
                    guard let escaped = current else { break }
                    if escaped == UInt8(ascii: "u") {
                        for _ in 0..<4 {
                            position += 1
                            guard let hex = current, (hex >= 0x30 && hex <= 0x39) || (hex | 0x20 >= 0x61 && hex | 0x20 <= 0x66) else {
                                throw .error("invalid \\u escape")
                            }
                        }
                    } else if !Array("\"\\/bfnrt".utf8).contains(escaped) {
                        throw .error("invalid escape \\\(Character(Unicode.Scalar(escaped)))")
                    }
                    position += 1
                case 0..<0x20:
                    throw .error("unescaped control character in a string")
                default:
                    position += 1
                }
            }
            throw .error("unterminated string")
        }

        mutating func literal(_ word: String) throws(Stop) {
            for byte in word.utf8 {
                guard current == byte else { throw .error("invalid literal, expected \(word)") }
                position += 1
            }
        }

        mutating func number() throws(Stop) {
            func digits(_ checker: inout Checker) -> Int {
                let start = checker.position
                while let byte = checker.current, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { checker.position += 1 }
                return checker.position - start
            }
            if current == UInt8(ascii: "-") { position += 1 }
            guard digits(&self) > 0 else { throw .error("invalid number") }
            if current == UInt8(ascii: ".") {
                position += 1
                guard digits(&self) > 0 else { throw .error("invalid number: digits expected after '.'") }
            }
            if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
                position += 1
                if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
                guard digits(&self) > 0 else { throw .error("invalid number: digits expected in the exponent") }
            }
        }
    }
}
