/// What the HTML converter found: the readable text (blocks separated by blank lines) and the
/// metadata the page declares in its markup.
struct HTMLPage: Equatable, Sendable {
    var text: String
    var title: String?
    /// `article:published_time`, `<time datetime>` and similar, as printed.
    var publishedAt: String?
    var author: String?
    var siteName: String?
}

/// A tolerant, hand-written HTML-to-text converter (no HTML library is available). It does not
/// build a tree: one pass over the scalars keeps text, turns block elements into paragraph
/// breaks, drops the contents of non-article elements (scripts, navigation, forms...), drops
/// blocks that are nearly all link text (menus, "read more" teasers), and prefers the
/// `<article>` or `<main>` element when the page has one.
struct HTMLTextExtractor: Sendable {
    let resources: TextResources

    init(resources: TextResources = .shared) { self.resources = resources }

    /// Elements whose whole content is never article text.
    static let skipped: Set<String> = [
        "script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form",
        "button", "select", "iframe", "object", "canvas", "head", "dialog", "menu", "math",
    ]
    /// Elements whose content is raw text up to their end tag (no markup inside).
    static let rawText: Set<String> = ["script", "style", "textarea", "xmp", "noscript", "template"]
    static let void: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
        "track", "wbr",
    ]
    /// Elements that end a paragraph.
    static let block: Set<String> = [
        "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd", "details",
        "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
        "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "menu", "nav", "ol", "option", "p",
        "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul",
    ]
    static let publishedKeys: Set<String> = [
        "article:published_time", "og:article:published_time", "datepublished", "pubdate", "publishdate",
        "publish-date", "date", "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date",
    ]

    func extract(_ html: String) -> HTMLPage {
        let source = Scalars(html)
        var parser = Parser(source: source, entities: resources.htmlEntities, skipped: Self.skipped)
        parser.run()
        // Some sites wrap the whole page in one <form> (ASP.NET): if dropping forms left no
        // article, read the page again keeping form contents.
        if parser.sawForm, parser.selectedText().count(where: \.isLetter) < 40 {
            parser = Parser(source: source, entities: resources.htmlEntities, skipped: Self.skipped.subtracting(["form"]))
            parser.run()
        }
        var page = HTMLPage(text: String(parser.selectedText().string.trimmingSpaces))
        page.title = parser.ogTitle ?? parser.h1 ?? parser.titleElement.map(Self.stripSiteName)
        page.publishedAt = parser.published ?? parser.timeDatetime
        page.author = parser.author
        page.siteName = parser.siteName
        return page
    }

    /// `Headline | Site` -> `Headline`: the first part of a `<title>` split at a separator,
    /// unless another part is more than twice as long (`Site | A much longer headline`).
    static func stripSiteName(_ title: String) -> String {
        guard let separator = [" | ", " - ", " – ", " — ", " :: "].first(where: title.contains) else { return title }
        let parts = title.components(separatedBy: separator).map { String($0.trimmingSpaces) }.filter { !$0.isEmpty }
        guard let first = parts.first else { return title }
        let words = { (s: String) in s.split(separator: " ").count }
        return parts.first { words($0) > 2 * words(first) } ?? first
    }

    private struct Parser {
        let source: Scalars
        let entities: [String: Unicode.Scalar]
        let skipped: Set<String>
        var sawForm = false
        var i = 0
        var out: Scalars = []
        var pendingSpace = false
        /// Open skipped elements, innermost last.
        var skipStack: [String] = []
        var linkDepth = 0
        var blockStart = 0
        var blockLetters = 0
        var blockLinkLetters = 0
        var articleStarts: [Int] = []
        var articles: [Range<Int>] = []
        var mainStarts: [Int] = []
        var mains: [Range<Int>] = []
        var h1Depth = 0
        var h1Buffer: Scalars = []
        var h1: String?
        var titleElement: String?
        var ogTitle: String?
        var published: String?
        var timeDatetime: String?
        var author: String?
        var siteName: String?

        init(source: Scalars, entities: [String: Unicode.Scalar], skipped: Set<String>) {
            self.source = source
            self.entities = entities
            self.skipped = skipped
            out.reserveCapacity(source.count / 3)
        }

        mutating func run() {
            while i < source.count {
                let c = source[i]
                if c == "<" {
                    parseMarkup()
                } else if c == "&" {
                    let (scalar, length) = decodeEntity(at: i)
                    emit(scalar)
                    i += length
                } else {
                    emit(c)
                    i += 1
                }
            }
            endBlock()
            for start in articleStarts { articles.append(start..<out.count) }
            for start in mainStarts { mains.append(start..<out.count) }
        }

        /// The `<article>` with the most text, else `<main>`, else everything.
        func selectedText() -> ArraySlice<Unicode.Scalar> {
            func letters(_ r: Range<Int>) -> Int { out[r].reduce(0) { $0 + ($1.isLetter ? 1 : 0) } }
            for candidates in [articles, mains] {
                if let best = candidates.max(by: { letters($0) < letters($1) }), letters(best) >= 40 {
                    return out[best]
                }
            }
            return out[...]
        }

        mutating func emit(_ c: Unicode.Scalar) {
            if h1Depth > 0 { h1Buffer.append(c.isSpace ? " " : c) }
            guard skipStack.isEmpty else { return }
            if c.isSpace {
                pendingSpace = true
                return
            }
            if pendingSpace, let last = out.last, last != "\n" { out.append(" ") }
            pendingSpace = false
            out.append(c)
            if c.isLetter {
                blockLetters += 1
                if linkDepth > 0 { blockLinkLetters += 1 }
            }
        }

        /// Ends the current paragraph; a short block that is nearly all link text is a menu.
        mutating func endBlock(lineBreakOnly: Bool = false) {
            pendingSpace = false
            if blockLetters > 0, blockLinkLetters * 10 >= blockLetters * 7, blockLetters < 400 {
                out.removeSubrange(blockStart...)
            }
            while out.last == " " { out.removeLast() }
            if !out.isEmpty {
                let newlines = lineBreakOnly ? 1 : 2
                var trailing = 0
                while trailing < out.count, out[out.count - 1 - trailing] == "\n" { trailing += 1 }
                if trailing < newlines { out.append(contentsOf: repeatElement("\n", count: newlines - trailing)) }
            }
            blockStart = out.count
            blockLetters = 0
            blockLinkLetters = 0
        }

        mutating func parseMarkup() {
            let next = i + 1 < source.count ? source[i + 1] : " "
            if source.hasPrefix(Scalars("<!--"), at: i) {
                i = indexAfter(Scalars("-->"), from: i + 4)
            } else if next == "!" || next == "?" {
                i = indexAfter(Scalars(">"), from: i + 1)
            } else if next == "/" {
                let (name, end) = tagName(at: i + 2)
                i = indexAfter(Scalars(">"), from: end)
                if !name.isEmpty { endTag(name) }
            } else if next.isLetter {
                let (name, end) = tagName(at: i + 1)
                let (attributes, selfClosing, after) = parseAttributes(from: end)
                i = after
                startTag(name, attributes: attributes, selfClosing: selfClosing)
            } else {
                emit("<")
                i += 1
            }
        }

        mutating func startTag(_ name: String, attributes: [String: String], selfClosing: Bool) {
            switch name {
            case "meta": readMeta(attributes)
            case "time":
                if timeDatetime == nil, let value = attributes["datetime"],
                    PublicationDateFinder.parseISO8601(value) != nil
                {
                    timeDatetime = value
                }
            case "title":
                let text = rawContent(until: "title", decode: true)
                // Not the <title> of an inline SVG icon.
                if titleElement == nil, !skipStack.contains("svg") { titleElement = normalized(text) }
                return
            case "body":
                // A missing </head> must not hide the page.
                skipStack.removeAll { $0 == "head" }
            case "form":
                sawForm = true
            default: break
            }
            if HTMLTextExtractor.rawText.contains(name) {
                let content = rawContent(until: name, decode: false)
                // Structured data (`application/ld+json`) often holds the only publication date.
                if name == "script", published == nil, attributes["type"]?.lowercased() == "application/ld+json" {
                    published = Self.jsonString(after: "\"datePublished\"", in: content).flatMap {
                        PublicationDateFinder.parseISO8601($0) != nil ? $0 : nil
                    }
                }
                return
            }
            if HTMLTextExtractor.block.contains(name) { endBlock(lineBreakOnly: name == "br") }
            if name == "a" { linkDepth += 1 }
            if name == "h1", h1 == nil { h1Depth += 1 }
            let style = attributes["style"].map { $0.lowercased().filter { !$0.isWhitespace } } ?? ""
            if attributes["hidden"] != nil || attributes["aria-hidden"] == "true" || style.contains("display:none") {
                if !HTMLTextExtractor.void.contains(name), !selfClosing { skipStack.append(name) }
                return
            }
            if skipped.contains(name), !HTMLTextExtractor.void.contains(name), !selfClosing {
                skipStack.append(name)
                return
            }
            guard skipStack.isEmpty else { return }
            if name == "article" { articleStarts.append(out.count) }
            if name == "main" { mainStarts.append(out.count) }
        }

        mutating func endTag(_ name: String) {
            if let index = skipStack.lastIndex(of: name) {
                skipStack.removeSubrange(index...)
                return
            }
            if HTMLTextExtractor.block.contains(name) { endBlock(lineBreakOnly: name == "br") }
            if name == "a", linkDepth > 0 { linkDepth -= 1 }
            if name == "h1", h1Depth > 0 {
                h1Depth -= 1
                if h1Depth == 0 {
                    let text = normalized(h1Buffer[...])
                    if !text.isEmpty { h1 = text }
                    h1Buffer.removeAll()
                }
            }
            guard skipStack.isEmpty else { return }
            if name == "article", let start = articleStarts.popLast() { articles.append(start..<out.count) }
            if name == "main", let start = mainStarts.popLast() { mains.append(start..<out.count) }
        }

        mutating func readMeta(_ attributes: [String: String]) {
            guard let content = attributes["content"].map({ normalized(Scalars($0)[...]) }), !content.isEmpty
            else { return }
            let key = (attributes["property"] ?? attributes["name"] ?? attributes["itemprop"] ?? "").lowercased()
            switch key {
            case "og:title", "twitter:title": if ogTitle == nil { ogTitle = content }
            case "author", "article:author", "byl", "dc.creator", "sailthru.author":
                if author == nil, !content.hasPrefix("http") { author = content }
            case "og:site_name", "application-name": if siteName == nil { siteName = content }
            case _ where publishedKeys.contains(key):
                if published == nil, PublicationDateFinder.parseISO8601(content) != nil { published = content }
            default: break
            }
        }

        var publishedKeys: Set<String> { HTMLTextExtractor.publishedKeys }

        /// The string value after a JSON key: `"datePublished": "2025-05-16T10:00:00Z"`.
        static func jsonString(after key: String, in text: ArraySlice<Unicode.Scalar>) -> String? {
            let content = Array(text)
            guard let found = content.firstIndex(of: Scalars(key)) else { return nil }
            var i = found + key.unicodeScalars.count
            while i < content.count, content[i].isSpace || content[i] == ":" { i += 1 }
            guard i < content.count, content[i] == "\"" else { return nil }
            let start = i + 1
            guard let end = content[start...].firstIndex(of: "\"") else { return nil }
            return content[start..<end].string
        }

        /// The text up to `</name>` (scripts, styles, the title), moving past the end tag.
        mutating func rawContent(until name: String, decode: Bool) -> ArraySlice<Unicode.Scalar> {
            let closing = Scalars("</" + name)
            let start = i
            let end = source.firstIndex(of: closing, from: i) ?? source.count
            i = end < source.count ? indexAfter(Scalars(">"), from: end) : source.count
            guard decode else { return source[start..<end] }
            var text: Scalars = []
            var k = start
            while k < end {
                if source[k] == "&" {
                    let (scalar, length) = decodeEntity(at: k)
                    text.append(scalar)
                    k += length
                } else {
                    text.append(source[k])
                    k += 1
                }
            }
            return text[...]
        }

        func normalized(_ text: ArraySlice<Unicode.Scalar>) -> String {
            LineNormalizer.lines(of: text.string).map(\.string).joined(separator: " ")
        }

        func indexAfter(_ needle: Scalars, from: Int) -> Int {
            guard let found = source.firstIndex(of: needle, from: from) else { return source.count }
            return found + needle.count
        }

        func tagName(at start: Int) -> (String, Int) {
            var end = start
            while end < source.count, source[end].isLetter || source[end].isASCIIDigit || source[end] == "-"
                || source[end] == ":"
            {
                end += 1
            }
            return (lowercasedKey(source[start..<end]), end)
        }

        /// Attributes up to the closing `>`, tolerating unquoted and valueless attributes.
        mutating func parseAttributes(from start: Int) -> ([String: String], Bool, Int) {
            var attributes: [String: String] = [:]
            var k = start
            var selfClosing = false
            while k < source.count {
                let c = source[k]
                if c == ">" { return (attributes, selfClosing, k + 1) }
                if c.isSpace { k += 1; continue }
                if c == "/" { selfClosing = true; k += 1; continue }
                selfClosing = false
                let nameStart = k
                while k < source.count, !source[k].isSpace, source[k] != "=", source[k] != ">", source[k] != "/" {
                    k += 1
                }
                let name = lowercasedKey(source[nameStart..<k])
                while k < source.count, source[k].isSpace { k += 1 }
                var value = ""
                if k < source.count, source[k] == "=" {
                    k += 1
                    while k < source.count, source[k].isSpace { k += 1 }
                    var valueEnd = k
                    if k < source.count, source[k] == "\"" || source[k] == "'" {
                        let quote = source[k]
                        valueEnd = k + 1
                        while valueEnd < source.count, source[valueEnd] != quote { valueEnd += 1 }
                        value = decodeAll(source[(k + 1)..<valueEnd])
                        k = min(valueEnd + 1, source.count)
                    } else {
                        while valueEnd < source.count, !source[valueEnd].isSpace, source[valueEnd] != ">" { valueEnd += 1 }
                        value = decodeAll(source[k..<valueEnd])
                        k = valueEnd
                    }
                }
                if !name.isEmpty, attributes[name] == nil { attributes[name] = value }
            }
            return (attributes, selfClosing, source.count)
        }

        func decodeAll(_ text: ArraySlice<Unicode.Scalar>) -> String {
            guard text.contains("&") else { return text.string }
            var result: Scalars = []
            var k = text.startIndex
            while k < text.endIndex {
                if text[k] == "&" {
                    let (scalar, length) = decodeEntity(at: k, limit: text.endIndex)
                    result.append(scalar)
                    k += length
                } else {
                    result.append(text[k])
                    k += 1
                }
            }
            return result.string
        }

        /// `&amp;` `&#8217;` `&#x2019;` -> the character and the length consumed; a lone `&` stays.
        func decodeEntity(at start: Int, limit: Int? = nil) -> (Unicode.Scalar, Int) {
            let end = min(limit ?? source.count, start + 40)
            var k = start + 1
            if k < end, source[k] == "#" {
                k += 1
                let hex = k < end && (source[k] == "x" || source[k] == "X")
                if hex { k += 1 }
                let digitsStart = k
                var value: UInt32 = 0
                while k < end, let digit = Self.digitValue(source[k], hex: hex) {
                    value = value &* (hex ? 16 : 10) &+ digit
                    if value > 0x10FFFF { break }
                    k += 1
                }
                guard k > digitsStart else { return ("&", 1) }
                if k < end, source[k] == ";" { k += 1 }
                // Windows-1252 code points that pages send as numeric references (&#146; for ’).
                let fixed = Self.windows1252[value] ?? value
                let scalar = Unicode.Scalar(fixed).flatMap { $0.value == 0 ? nil : $0 } ?? "\u{FFFD}"
                return (scalar, k - start)
            }
            while k < end, source[k].isLetter || source[k].isASCIIDigit { k += 1 }
            guard k < end, source[k] == ";", k > start + 1 else { return ("&", 1) }
            let name = source[(start + 1)..<k].string
            guard let scalar = entities[name] else { return ("&", 1) }
            return (scalar, k + 1 - start)
        }

        static func digitValue(_ c: Unicode.Scalar, hex: Bool) -> UInt32? {
            switch c.value {
            case 0x30...0x39: c.value - 0x30
            case 0x41...0x46 where hex: c.value - 0x41 + 10
            case 0x61...0x66 where hex: c.value - 0x61 + 10
            default: nil
            }
        }

        static let windows1252: [UInt32: UInt32] = [
            0x80: 0x20AC, 0x85: 0x2026, 0x91: 0x2018, 0x92: 0x2019, 0x93: 0x201C, 0x94: 0x201D, 0x96: 0x2013,
            0x97: 0x2014,
        ]
    }
}
