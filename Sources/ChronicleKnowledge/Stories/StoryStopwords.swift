import ChronicleFoundation

/// Words too common in news to tell one story from another (`Resources/stories/stories_stopwords.txt`).
enum StoryStopwords {
    /// Loaded once per process; opening a store reports a missing or malformed file.
    static let bundled = Result { () throws(ResourceError) in try WordSet(reader: .knowledge, path: "stories/stories_stopwords.txt") }
    static var shared: WordSet { bundled.required }
}
