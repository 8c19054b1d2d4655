/// Picks the headline among the lines above the article body (what is left there once menus,
/// stamps and bylines are gone). A headline is one line of 3 to 30 words that is not a full
/// sentence, not a breadcrumb (`News / World`) and not a single run of menu words; the one
/// closest to the body wins, since headlines sit right above the byline or the first paragraph.
struct TitleFinder: Sendable {
    func title(among lines: [Scalars]) -> String? {
        for line in lines.reversed() where isHeadline(line) { return line.string }
        return nil
    }

    func isHeadline(_ line: Scalars) -> Bool {
        let shape = LineShape(line)
        guard (3...30).contains(shape.wordCount), line.count <= 250, !shape.hasInternalBoundary else { return false }
        // Headlines do not end with a full stop (but may ask or exclaim).
        var end = line.count
        while end > 0, line[end - 1].isClosingPunctuation { end -= 1 }
        if end > 0, line[end - 1] == "." || line[end - 1] == ":" || line[end - 1] == "," || line[end - 1] == ";" {
            return false
        }
        // Breadcrumbs and segmented menus.
        for separator in [" / ", " > ", " » ", " | "] where line.firstIndex(of: Scalars(separator)) != nil {
            return false
        }
        return true
    }
}
