/// What the line rules found on a page: the body paragraphs and the publication facts that
/// were printed around them.
struct ExtractedArticle: Sendable {
    var paragraphs: [Scalars] = []
    var title: String?
    var byline: Byline?
    var dateline: String?
    var agency = AgencyFinder.Evidence()
    /// From a leading ` date YYYY-MM-DD` line.
    var prefixDate: String?
    /// The first stamp line with a full date.
    var stamp: DateStamp?
    /// A stamp with a time "today" but no date.
    var relativeStamp: DateStamp?
    /// The page address printed as a line of its own above or below the article.
    var pageURL: String?
    var copyrightHolder: String?
    /// A known publisher named in the page chrome.
    var chromePublisher: String?
}

/// Turns the lines of a page into the article body. Every line is judged on its own:
/// 1. metadata lines are taken out and read: date stamps, bylines, agency credits, the page's
///    address;
/// 2. photo credits are cut, chrome lines dropped (lexicon, copyright/ICP, symbol-only lines,
///    pipe-separated footers), then runs of link-like lines (menus) and lower-case fragments
///    continuing a chrome line ("Get the RNZ app" / "for ad-free news ...");
/// 3. the body runs from the first to the last prose paragraph (sentences with a final stop):
///    what is above it is a headline or chrome, what is below it is footer; non-prose lines
///    inside it (subheadings, list items) stay;
/// 4. a dateline opening the first paragraph is read and removed; repeated paragraphs go.
struct ArticleBodyExtractor: Sendable {
    let chrome: PageChromeFilter
    let photos: PhotoCreditFilter
    let dates: PublicationDateFinder
    let bylines: BylineFinder
    let datelines: DatelineFinder
    let agencies: AgencyFinder
    let titles = TitleFinder()
    let duplicates = DuplicateFilter()

    init(resources: TextResources = .shared) {
        chrome = PageChromeFilter(resources: resources)
        photos = PhotoCreditFilter(resources: resources)
        dates = PublicationDateFinder(resources: resources)
        bylines = BylineFinder(resources: resources)
        datelines = DatelineFinder(resources: resources)
        agencies = AgencyFinder(resources: resources)
    }

    private enum Role { case candidate, chrome, metadata }

    private enum MetadataPiece {
        case stamp(DateStamp)
        case byline(Byline)
        case agency(String)
        case url(String)
    }

    /// What a metadata line says: a stamp (`23:35 UTC+8, 2025-05-16`), a byline, an agency
    /// credit (`Xinhua`), or several packed in one line (`By Jane Doe | 16 May 2025`,
    /// `By Jane Doe Published: 12 March 2024, 08:15 GMT`). Nil for any other line.
    private func metadataPieces(_ line: Scalars) -> [MetadataPiece]? {
        guard line.count <= 200 else { return nil }
        func piece(_ part: Scalars) -> MetadataPiece? {
            if let url = PageURLFinder.url(line: part) { return .url(url) }
            if let stamp = dates.stamp(line: part) { return .stamp(stamp) }
            if let byline = bylines.byline(line: part) { return .byline(byline) }
            if let agency = agencies.creditLine(part) { return .agency(agency) }
            return nil
        }
        if let single = piece(line) { return [single] }
        let isSeparator: (Unicode.Scalar) -> Bool = { $0 == "|" || $0 == "·" || $0 == "•" }
        if line.contains(where: isSeparator) {
            let segments = line.split(whereSeparator: isSeparator).map { Scalars($0.trimmed()) }.filter { !$0.isEmpty }
            guard segments.count >= 2 else { return nil }
            var pieces: [MetadataPiece] = []
            for segment in segments {
                guard let found = piece(segment) else { return nil }
                pieces.append(found)
            }
            return pieces
        }
        // "By Jane Doe Published: ...": a byline followed by a stamp without a separator.
        guard line.count > 3, line[0] == "B", line[1] == "y" || line[1] == "Y", line[2] == " " else { return nil }
        let words = line.wordRanges()
        for split in words.indices.dropFirst(2).prefix(10) {
            let head = Scalars(line[..<words[split].lowerBound].trimmed())
            let tail = Scalars(line[words[split].lowerBound...])
            if let stamp = dates.stamp(line: tail), let byline = bylines.byline(line: head) {
                return [.byline(byline), .stamp(stamp)]
            }
        }
        return nil
    }

    /// Keeps the first of each kind of fact: the first dated stamp, the first byline.
    private func record(_ piece: MetadataPiece, into result: inout ExtractedArticle) {
        switch piece {
        case .stamp(let stamp):
            if stamp.date != nil, result.stamp == nil { result.stamp = stamp }
            if stamp.isRelativeToday, result.relativeStamp == nil { result.relativeStamp = stamp }
        case .byline(let byline):
            if result.byline == nil { result.byline = byline }
            result.agency.add(byline.agency, rank: .byline)
        case .agency(let agency):
            result.agency.add(agency, rank: .credit)
        case .url(let url):
            if result.pageURL == nil { result.pageURL = url }
        }
    }

    /// - Parameter knownTitle: a title already known (supplied, or from the HTML head); a line
    ///   repeating it is not body text.
    func extract(lines input: [Scalars], knownTitle: String? = nil) -> ExtractedArticle {
        var result = ExtractedArticle()
        // An end-of-story mark ("... the fighting. ■") would hide the final stop of a sentence.
        var lines = input.map(PageChromeFilter.strippingEndMark).filter { !$0.isEmpty }
        // The rest of a ` date YYYY-MM-DD` line is the first paragraph (or only a dateline).
        var forced: Int?
        if let first = lines.first, let (date, rest) = PublicationDateFinder.stripDatePrefix(first) {
            result.prefixDate = date
            if rest.isEmpty {
                lines.removeFirst()
            } else if let place = datelines.placeOnly(rest) {
                result.dateline = place
                lines.removeFirst()
            } else {
                lines[0] = rest
                forced = 0
            }
        }

        var roles = [Role](repeating: .candidate, count: lines.count)
        var shapes = lines.map(LineShape.init)
        for index in lines.indices where index != forced {
            let line = lines[index]
            if let pieces = metadataPieces(line) {
                for piece in pieces { record(piece, into: &result) }
                roles[index] = .metadata
                continue
            }
            switch photos.clean(line) {
            case .drop(let agency):
                result.agency.add(agency, rank: .photo)
                roles[index] = .chrome
                continue
            case .replace(let cleaned, let agency):
                result.agency.add(agency, rank: .photo)
                lines[index] = cleaned
                shapes[index] = LineShape(cleaned)
            case .unchanged:
                break
            }
            if chrome.isBoilerplate(lines[index], shape: shapes[index]) {
                roles[index] = .chrome
                if result.copyrightHolder == nil { result.copyrightHolder = chrome.copyrightHolder(lines[index]) }
            }
        }

        for index in chrome.menuLines(
            shapes: shapes, isChrome: roles.map { $0 == .chrome }, isMetadata: roles.map { $0 == .metadata })
        where index != forced {
            roles[index] = .chrome
        }
        // A lower-case fragment right after chrome continues it ("for ad-free news ...").
        for index in lines.indices.dropFirst() where roles[index] == .candidate && roles[index - 1] == .chrome {
            if lines[index].first?.isLower == true, !shapes[index].isProse, shapes[index].wordCount <= 12 {
                roles[index] = .chrome
            }
        }
        if let knownTitle {
            let key = knownTitle.lowercased()
            for index in lines.indices where roles[index] == .candidate && lowercasedKey(lines[index]) == key {
                roles[index] = .metadata
            }
        }

        var body = lines.indices.filter { roles[$0] == .candidate && (shapes[$0].isProse || $0 == forced) }
        // A short submission with no prose-shaped line ("A report.", a headline-only note) is
        // still what the client sent: keep its candidate lines rather than reject it as empty.
        if body.isEmpty { body = lines.indices.filter { roles[$0] == .candidate } }
        let firstBody = body.first ?? lines.count
        let lastBody = body.last ?? -1
        result.title = titles.title(among: lines.indices.filter { $0 < firstBody && roles[$0] == .candidate }.map { lines[$0] })
        for index in lines.indices where roles[index] == .candidate && (index < firstBody || index > lastBody) {
            roles[index] = .chrome
        }
        for index in lines.indices where roles[index] == .chrome {
            if let publisher = agencies.publisher(mentionedIn: lines[index]) {
                result.chromePublisher = publisher
                break
            }
        }
        guard firstBody <= lastBody else { return result }

        if let dateline = datelines.dateline(in: lines[firstBody]) {
            if result.dateline == nil { result.dateline = dateline.place }
            result.agency.add(dateline.agency, rank: .credit)
            if result.stamp == nil, dateline.stamp?.date != nil { result.stamp = dateline.stamp }
            lines[firstBody] = dateline.rest
        }
        let paragraphs = (firstBody...lastBody).filter { roles[$0] == .candidate && !lines[$0].isEmpty }.map { lines[$0] }
        result.paragraphs = duplicates.filter(paragraphs)
        return result
    }
}
