/// Words too common in news to tell one story from another.
enum StoryStopwords {
    static let all: Set<String> = [
        "the", "and", "for", "that", "with", "was", "were", "has", "have", "had", "his", "her", "its", "their", "they",
        "this", "these", "those", "from", "but", "not", "are", "been", "being", "will", "would", "could", "should",
        "said", "says", "say", "also", "after", "before", "about", "into", "over", "than", "then", "there", "which",
        "who", "whom", "whose", "what", "when", "where", "while", "more", "most", "some", "such", "other", "one",
        "two", "three", "first", "last", "new", "year", "years", "day", "days", "week", "weeks", "month", "months",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "told", "according", "all",
        "any", "can", "did", "does", "just", "like", "made", "make", "may", "might", "much", "only", "our", "out",
        "own", "she", "him", "them", "time", "under", "very", "you", "your", "we", "week", "today", "yesterday",
        "since", "now", "still", "because", "between", "during", "against", "through", "both", "each", "few",
        "many", "how", "why", "again", "further", "once", "here", "off", "per", "via", "get", "got", "news",
        "reported", "report", "reports", "people", "including", "well", "back", "around", "however", "added",
    ]
}
