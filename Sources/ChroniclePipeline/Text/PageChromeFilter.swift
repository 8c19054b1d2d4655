/// Recognises the parts of a news page that are not the article: navigation menus, app and
/// subscription prompts, sharing buttons, copyright and licence footers. The rules are general
/// (phrase lexicon, copyright and ICP patterns, runs of link-like lines, lines without words)
/// so they carry over to pages that were never seen.
struct PageChromeFilter: Sendable {
    let resources: TextResources

    init(resources: TextResources = .shared) { self.resources = resources }

    /// Chrome lines are short; the lexicon never judges a long line or a real sentence.
    static let lexiconMaxLength = 120

    /// Whether a single line is boilerplate on its own.
    func isBoilerplate(_ line: Scalars, shape: LineShape) -> Bool {
        if !line.hasLetterOrDigit { return true }
        if isCopyright(line) { return true }
        if matchesLexicon(line[...], shape: shape) { return true }
        return isSegmentedMenu(line)
    }

    /// `About us | Contact us | Feedback`: a line cut by pipes into chrome or link-like parts.
    func isSegmentedMenu(_ line: Scalars) -> Bool {
        guard line.contains("|") else { return false }
        let segments = line.split(separator: "|").map { Scalars($0.trimmed()) }.filter { !$0.isEmpty }
        guard segments.count >= 2 else { return false }
        return segments.allSatisfy { segment in
            let shape = LineShape(segment)
            return !segment.hasLetterOrDigit || isCopyright(segment) || matchesLexicon(segment[...], shape: shape)
                || (shape.isLinkLike && shape.wordCount <= 6)
        }
    }

    func matchesLexicon(_ line: ArraySlice<Unicode.Scalar>, shape: LineShape) -> Bool {
        guard line.count <= Self.lexiconMaxLength, !(shape.isProse && shape.wordCount >= 12) else { return false }
        let key = Scalars(lowercasedKey(line).unicodeScalars)
        return resources.chromePatterns.contains { Self.glob($0, matches: key) }
    }

    /// `© Shanghai Daily`, `Copyright 2025 X. All Rights Reserved.`, `(c) 2025 X`.
    func isCopyright(_ line: Scalars) -> Bool {
        guard line.count <= 300 else { return false }
        if line.contains("©") { return true }
        // "All rights reserved" (also run together: "AllRights Reserved").
        if let reserved = line.firstIndex(of: Scalars("reserved")) {
            let before = Scalars(line[..<reserved].filter { !$0.isSpace })
            if before.count >= 9, before.hasPrefix(Scalars("allrights"), at: before.count - 9) { return true }
        }
        let copyright = Scalars("copyright")
        if line.hasPrefix(copyright, at: 0) {
            var i = copyright.count
            while i < line.count, line[i].isSpace { i += 1 }
            if i < line.count, line[i].isASCIIDigit || line[i] == "©" || line[i] == "(" { return true }
        }
        return false
    }

    /// The holder named by a copyright line: `Copyright 2025 Shanghai Daily.AllRights Reserved.`
    /// -> `Shanghai Daily`.
    func copyrightHolder(_ line: Scalars) -> String? {
        guard isCopyright(line) else { return nil }
        var i = 0
        let lower = Scalars(lowercasedKey(line).unicodeScalars)
        guard lower.count == line.count else { return nil }
        // Skip the notice itself: "copyright", "©", "(c)", years, dashes.
        while i < line.count {
            if line[i].isSpace || line[i] == "©" || line[i].isASCIIDigit || line[i].isDash || line[i] == "," {
                i += 1
            } else if lower.hasPrefix(Scalars("copyright"), at: i) {
                i += 9
            } else if lower.hasPrefix(Scalars("(c)"), at: i) {
                i += 3
            } else {
                break
            }
        }
        var end = i
        while end < line.count, line[end] != ".", line[end] != ",", line[end] != "|", line[end] != "(" {
            if lower.hasPrefix(Scalars("all rights"), at: end) || lower.hasPrefix(Scalars("allrights"), at: end) { break }
            end += 1
        }
        let holder = line[i..<end].trimmed()
        let words = holder.wordRanges().count
        guard words >= 1, words <= 6, holder.first?.isUpper == true else { return nil }
        return holder.string
    }

    /// Indexes of the link-like lines that form a menu: three or more in a row (chrome lines
    /// in between count towards the run, since menus mix links and "Follow us" buttons).
    func menuLines(shapes: [LineShape], isChrome: [Bool], isMetadata: [Bool]) -> Set<Int> {
        var menu: Set<Int> = []
        var run: [Int] = []
        var links = 0
        func close() {
            if links >= 2, run.count >= 3 { menu.formUnion(run) }
            run.removeAll()
            links = 0
        }
        for index in shapes.indices {
            if isMetadata[index] {
                close()
            } else if isChrome[index] {
                run.append(index)
            } else if shapes[index].isLinkLike {
                run.append(index)
                links += 1
            } else {
                close()
            }
        }
        close()
        return menu
    }

    /// A trailing end-of-story mark (`... the fighting. ■`) is layout, not text.
    static func strippingEndMark(_ line: Scalars) -> Scalars {
        var end = line.count
        var sawMark = false
        while end > 0 {
            let s = line[end - 1]
            if s.isSpace {
                end -= 1
            } else if s.value >= 0x80, s.properties.generalCategory == .otherSymbol {
                sawMark = true
                end -= 1
            } else {
                break
            }
        }
        // Only a mark that stands apart from the last word ("fighting. ■").
        guard sawMark, end > 0, line[end].isSpace else { return line }
        return Array(line[..<end])
    }

    /// Glob matching with `*` for any run of scalars.
    static func glob(_ pattern: Scalars, matches text: Scalars) -> Bool {
        var p = 0
        var t = 0
        var star = -1
        var mark = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == text[t] {
                p += 1
                t += 1
            } else if p < pattern.count, pattern[p] == "*" {
                star = p
                mark = t
                p += 1
            } else if star >= 0 {
                p = star + 1
                mark += 1
                t = mark
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
