import ChroniclePipeline

/// Where the spaces went: ECB+ keeps only tokens, so the reader puts back the spacing of the
/// page they came from (`Posted 2/3/2009 11:11 PM`, not `Posted 2 / 3 / 2009 11 : 11 PM`) and the
/// service reads the text as it would read that page.
enum ECBPlusSpacing {
    /// The separator before each token of one sentence after the first: "" or " ".
    static func separators(_ tokens: [String]) -> [String] {
        guard tokens.count > 1 else { return [] }
        // The page's address, tokenized as a sentence of its own: one word again.
        if let first = tokens.first?.lowercased(), first == "http" || first == "https" || first.hasPrefix("www") {
            return Array(repeating: "", count: tokens.count - 1)
        }
        var separators: [String] = []
        var quoteOpen = false
        if tokens[0] == "\"" { quoteOpen = true }
        for index in 1..<tokens.count {
            let previous = tokens[index - 1]
            let token = tokens[index]
            var glue = false
            if noSpaceBefore.contains(token) || token.hasPrefix("'") && contractions.contains(token.lowercased()) { glue = true }
            if token.lowercased() == "n't" { glue = true }
            if noSpaceAfter.contains(previous) { glue = true }
            // `2/3/2009`, `11:11`, `zero-day`, `2013-09-18`: joiners between words or numbers.
            if joiners.contains(token), index + 1 < tokens.count, joinable(previous, tokens[index + 1], by: token) { glue = true }
            if joiners.contains(previous), index >= 2, joinable(tokens[index - 2], token, by: previous) { glue = true }
            // `p.m.`, `U.S.`: a full stop between single letters.
            if previous == ".", index >= 2, tokens[index - 2].count == 1, tokens[index - 2].first!.isLetter, token.count == 1,
                token.first!.isLetter
            {
                glue = true
            }
            // A straight double quote opens and closes in turn.
            if token == "\"" {
                if quoteOpen { glue = true }
                quoteOpen.toggle()
            } else if previous == "\"", quoteOpen {
                glue = true
            }
            separators.append(glue ? "" : " ")
        }
        return separators
    }

    private static let noSpaceBefore: Set<String> = [".", ",", ":", ";", "!", "?", ")", "]", "}", "%", "''", "'s", "'S", "...", "'"]
    private static let noSpaceAfter: Set<String> = ["(", "[", "{", "$", "#", "``", "£", "€"]
    private static let contractions: Set<String> = ["'s", "'re", "'ll", "'ve", "'d", "'m"]
    private static let joiners: Set<String> = ["/", ":", "-"]

    /// Numbers on both sides (`2 / 3`, `11 : 11`, `2013 - 09`), or lower-case words on both
    /// sides of a hyphen (`zero - day`); a dash between capitalised words (`PARIS - Four men`)
    /// keeps its spaces.
    private static func joinable(_ left: String, _ right: String, by joiner: String) -> Bool {
        guard let l = left.last, let r = right.first else { return false }
        if l.isNumber && r.isNumber { return true }
        return joiner == "-" && l.isLowercase && r.isLowercase
    }
}
