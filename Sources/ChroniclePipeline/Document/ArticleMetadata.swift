/// Where an article's publication date came from, most trustworthy first.
public enum DateSource: String, Codable, Sendable {
    /// `published_at` supplied by the client.
    case supplied
    /// A leading ` date YYYY-MM-DD` line.
    case prefix
    /// A page stamp such as `23:35 UTC+8, 2025-05-16`.
    case stamp
    /// The day written in the page's address (`/2013/09/18/`).
    case url
    /// Inferred from relative wording ("4:19 am today") and the explicit dates the text mentions.
    case inferred
    /// Nothing in the input dates the article.
    case unknown
}

/// Facts about the article as a publication, found by the text stage.
public struct ArticleMetadata: Codable, Sendable, Equatable {
    public var title: String?
    /// Publisher as supplied or recognised (`Shanghai Daily`, `RNZ`).
    public var source: String?
    /// News agency credited for the report (`Xinhua`, `Reuters`, `AFP`).
    public var agency: String?
    /// The byline as printed (`By Vladimir Soldatkin and Andrew Osborn, Reuters`).
    public var byline: String?
    /// Author names taken from the byline.
    public var authors: [String]
    /// The dateline place (`ISTANBUL, TURKEY`).
    public var dateline: String?
    /// Publication date `YYYY-MM-DD`, when known.
    public var publicationDate: String?
    /// Publication time `HH:MM` (local to the stamp), when printed.
    public var publicationTime: String?
    /// UTC offset of the publication time, for example `+08:00`.
    public var timeZone: String?
    public var dateSource: DateSource
    public var url: String?
    public var externalID: String?

    public init(
        title: String? = nil, source: String? = nil, agency: String? = nil, byline: String? = nil,
        authors: [String] = [], dateline: String? = nil, publicationDate: String? = nil,
        publicationTime: String? = nil, timeZone: String? = nil, dateSource: DateSource = .unknown,
        url: String? = nil, externalID: String? = nil
    ) {
        self.title = title
        self.source = source
        self.agency = agency
        self.byline = byline
        self.authors = authors
        self.dateline = dateline
        self.publicationDate = publicationDate
        self.publicationTime = publicationTime
        self.timeZone = timeZone
        self.dateSource = dateSource
        self.url = url
        self.externalID = externalID
    }

    enum CodingKeys: String, CodingKey {
        case title, source, agency, byline, authors, dateline, url
        case publicationDate = "publication_date"
        case publicationTime = "publication_time"
        case timeZone = "time_zone"
        case dateSource = "date_source"
        case externalID = "external_id"
    }
}
