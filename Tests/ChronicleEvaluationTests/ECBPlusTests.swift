import ChronicleTestSupport
import Foundation
import Testing

@testable import ChronicleEvaluation
@testable import ChroniclePipeline

/// The ECB+ reader, the text alignment and the trigger scorer, on a document written for these
/// tests in the corpus's format.
@Suite("ECB+ reader and trigger scorer")
struct ECBPlusTests {
    /// Two sentences; four action mentions (one on two tokens, anchors out of order, one negated),
    /// a participant markable, an instance markable without anchors as CROMER appends them, an
    /// entity in a token and a relation section, none of which are mentions.
    static let source = """
        <Document doc_name="99_1ecbplus.xml" doc_id="DOC1">
        <token t_id="1" sentence="0" number="0">Officials</token>
        <token t_id="2" sentence="0" number="1">said</token>
        <token t_id="3" sentence="0" number="2">the</token>
        <token t_id="4" sentence="0" number="3">storm</token>
        <token t_id="5" sentence="0" number="4">flooded</token>
        <token t_id="6" sentence="0" number="5">the</token>
        <token t_id="7" sentence="0" number="6">harbor</token>
        <token t_id="8" sentence="0" number="7">.</token>
        <token t_id="9" sentence="1" number="0">Crews</token>
        <token t_id="10" sentence="1" number="1">did</token>
        <token t_id="11" sentence="1" number="2">not</token>
        <token t_id="12" sentence="1" number="3">rest</token>
        <token t_id="13" sentence="1" number="4">&amp;</token>
        <token t_id="14" sentence="1" number="5">kept</token>
        <token t_id="15" sentence="1" number="6">pumping</token>
        <token t_id="16" sentence="1" number="7">.</token>
        <Markables>
        <ACTION_REPORTING m_id="1"  >
          <token_anchor t_id="2"/>
        </ACTION_REPORTING>
        <ACTION_OCCURRENCE m_id="2"  >
          <token_anchor t_id="5"/>
        </ACTION_OCCURRENCE>
        <HUMAN_PART_PER m_id="5"  >
          <token_anchor t_id="9"/>
        </HUMAN_PART_PER>
        <NEG_ACTION_STATE m_id="3" note="byCROMER" >
          <token_anchor t_id="12"/>
        </NEG_ACTION_STATE>
        <ACTION_ASPECTUAL m_id="4"  >
          <token_anchor t_id="15"/>
          <token_anchor t_id="14"/>
        </ACTION_ASPECTUAL>
        <ACTION_OCCURRENCE m_id="6" RELATED_TO="" TAG_DESCRIPTOR="t99_flood" instance_id="ACT1" />
        </Markables>
        <Relations>
        <CROSS_DOC_COREF r_id="1" note="ACT1" >
          <source m_id="2" />
          <target m_id="6" />
        </CROSS_DOC_COREF>
        </Relations>
        </Document>

        """

    static let csv = "Topic,File,Sentence Number\n99,1ecbplus,1\n98,2ecb,0\n98,2ecb,4\n"

    static func document() throws -> ECBPlusDocument { try ECBPlusDocument(source, name: "99_1ecbplus") }

    @Test("tokens make a text spaced as the page was, a line per sentence, with scalar offsets")
    func tokensAndText() throws {
        let document = try Self.document()
        #expect(document.name == "99_1ecbplus")
        #expect(document.topic == "99")
        #expect(document.text == "Officials said the storm flooded the harbor.\nCrews did not rest & kept pumping.")
        #expect(document.tokens.count == 16)
        #expect(document.tokens.map(\.id) == Array(1...16))
        #expect(document.tokens.map(\.sentence) == Array(repeating: 0, count: 8) + Array(repeating: 1, count: 8))
        #expect(document.tokens[4].span == TextSpan(start: 25, end: 32))
        #expect(document.tokens[8].span == TextSpan(start: 45, end: 50))
        #expect(document.tokens[12].text == "&")
        #expect(document.tokens[12].span == TextSpan(start: 64, end: 65))
        let scalars = Array(document.text.unicodeScalars)
        for token in document.tokens {
            #expect(String(String.UnicodeScalarView(scalars[token.span.start..<token.span.end])) == token.text)
        }
    }

    @Test("action mentions are the ACTION_ and NEG_ACTION_ markables with anchors, tokens as sorted indices")
    func actionMentions() throws {
        let document = try Self.document()
        #expect(document.actionMentions.map(\.id) == ["1", "2", "3", "4"])
        #expect(document.actionMentions.map(\.tag) == ["ACTION_REPORTING", "ACTION_OCCURRENCE", "NEG_ACTION_STATE", "ACTION_ASPECTUAL"])
        #expect(document.actionMentions.map(\.tokens) == [[1], [4], [11], [13, 14]])
        #expect(document.words(of: document.actionMentions[3]) == "kept pumping")
    }

    @Test("an anchor on a token that does not exist is a format error")
    func unknownAnchor() {
        let broken = Self.source.replacingOccurrences(of: #"<token_anchor t_id="12"/>"#, with: #"<token_anchor t_id="99"/>"#)
        #expect(throws: ECBPlusDocument.FormatError.self) { try ECBPlusDocument(broken, name: "99_1ecbplus") }
    }

    @Test("the annotated-sentence list by document name; unlisted documents have none")
    func annotatedSentences() throws {
        let sentences = try ECBPlusAnnotatedSentences(csv: Self.csv)
        #expect(sentences.sentences(of: "99_1ecbplus") == [1])
        #expect(sentences.sentences(of: "98_2ecb") == [0, 4])
        #expect(sentences.sentences(of: "98_2ecbplus").isEmpty)
        #expect(throws: ECBPlusAnnotatedSentences.FormatError.self) { try ECBPlusAnnotatedSentences(csv: "Topic,File,Sentence Number\n1,2ecb,x\n") }
    }

    @Test("a page's address, stamp, hyphens, quotes and abbreviations get their spacing back")
    func spacing() {
        func spaced(_ line: String) -> String {
            let tokens = line.split(separator: " ").map(String.init)
            let separators = ECBPlusSpacing.separators(tokens)
            return tokens.enumerated().map { ($0.offset == 0 ? "" : separators[$0.offset - 1]) + $0.element }.joined()
        }
        #expect(spaced("http : / / www . example . com / 2009 / 02 / 03 / story . html") == "http://www.example.com/2009/02/03/story.html")
        #expect(spaced("Posted 2 / 3 / 2009 11 : 11 PM") == "Posted 2/3/2009 11:11 PM")
        #expect(spaced("updated 8 : 41 p . m . EST , Tue March 3 , 2009") == "updated 8:41 p.m. EST, Tue March 3, 2009")
        #expect(spaced("a zero - day flaw in the U . S . , he said") == "a zero-day flaw in the U.S., he said")
        #expect(spaced("HARBOR CITY - Crews ( and \" volunteers \" ) kept pumping 's water") == "HARBOR CITY - Crews (and \"volunteers\") kept pumping's water")
    }

    @Test("tokens are found in a text with other whitespace, an added prefix and a line the text stage dropped")
    func alignment() throws {
        let document = try Self.document()
        let reshaped = ECBPlusTextAlignment(
            document: document, text: "HARBOR CITY - Officials said the storm flooded the harbor.\n\nCrews did not rest &  kept pumping.")
        #expect(reshaped.alignedCount == 16)
        #expect(reshaped.spans[4] == TextSpan(start: 39, end: 46))
        #expect(reshaped.spans[7] == TextSpan(start: 57, end: 58))
        #expect(reshaped.tokens(overlapping: TextSpan(start: 39, end: 46)) == [4])
        #expect(reshaped.tokens(overlapping: TextSpan(start: 82, end: 94)) == [13, 14])

        let dropped = ECBPlusTextAlignment(document: document, text: "Crews did not rest & kept pumping.")
        #expect(dropped.alignedCount == 8)
        #expect(dropped.spans[..<8].allSatisfy { $0 == nil })
        #expect(dropped.spans[8] == TextSpan(start: 0, end: 5))

        // Cut at the front: the sentence is no longer found whole, its remaining tokens one by one.
        let cut = ECBPlusTextAlignment(document: document, text: "the storm flooded the harbor.\n\nCrews did not rest & kept pumping.")
        #expect(cut.spans[0] == nil && cut.spans[1] == nil)
        #expect(cut.spans[4] == TextSpan(start: 10, end: 17))
        #expect(cut.alignedCount == 14)
    }

    @Test("precision in annotated sentences only, recall over all, annotated and covered gold mentions")
    func scores() throws {
        let document = try Self.document()
        var scorer = TriggerScorer { ["flooded", "pumping"].contains($0) }
        // flooded (sentence 0: finds a mention, outside precision), pumping (right), Crews (wrong),
        // and one trigger on text the alignment could not place.
        let counts = scorer.add(
            document, annotatedSentences: try ECBPlusAnnotatedSentences(csv: Self.csv).sentences(of: document.name),
            systemTriggers: [[4], [14], [8], []])
        #expect(counts == scorer.total)
        #expect(counts.documents == 1)
        #expect(counts.gold == 4)
        #expect(counts.goldAnnotated == 2)
        #expect(counts.covered == 2)
        #expect(counts.dropped == 0)
        #expect(counts.found == 2)
        #expect(counts.foundAnnotated == 1)
        #expect(counts.foundCovered == 2)
        #expect(counts.system == 2)
        #expect(counts.correct == 1)
        #expect(counts.unplaced == 1)
        #expect(counts.precision == 0.5)
        #expect(counts.recall == 0.5)
        #expect(counts.annotatedRecall == 0.5)
        #expect(counts.coveredRecall == 1)
        #expect(abs(counts.coveredF1 - 2.0 / 3.0) < 1e-12)
        #expect(scorer.topics["99"] == counts)
        #expect(scorer.mostFrequentUncovered(5).map(\.words) == ["rest", "said"])

        // Again, every sentence annotated, the two-token mention half dropped from the text.
        scorer.add(document, annotatedSentences: [0, 1], systemTriggers: [[1], [5]], missingTokens: [11, 13])
        #expect(scorer.total.documents == 2)
        #expect(scorer.total.dropped == 1)
        #expect(scorer.total.system == 4)
        #expect(scorer.total.correct == 2)
        #expect(scorer.uncoveredWords == ["rest": 2, "said": 2])
        #expect(TriggerScorer.format(2.0 / 3.0) == "0.6667")
    }
}

/// `../shared/data/ecbplus`, beside the seeds, if it is there.
let ecbPlusDirectory: URL? = SharedData.path("data/ecbplus/ECB+") != nil ? SharedData.path("data/ecbplus") : nil

@Suite("ECB+ corpus", .enabled(if: ecbPlusDirectory != nil, "../shared/data/ecbplus not found: ECB+ corpus test skipped"))
struct ECBPlusCorpusTests {
    /// Counted independently with Python's own XML parser, from ../shared/data/ecbplus:
    ///   python3 -c "import glob,xml.etree.ElementTree as E; d=[E.parse(f).getroot() for t in range(1,36)
    ///     for f in glob.glob(f'ECB+/{t}/*.xml')]; print(len(d), sum(len(r.findall('token')) for r in d),
    ///     sum(1 for r in d for m in r.find('Markables') if m.tag.startswith(('ACTION_','NEG_ACTION_'))
    ///     and m.find('token_anchor') is not None))"
    /// prints `772 289196 10829`; the same loop restricted to mentions with a token in a sentence
    /// of ECBplus_coreference_sentences.csv counts 5053, and the CSV lists 1383 sentences of 770 documents.
    @Test("topics 1-35: 772 documents, 289,196 tokens, 10,829 action mentions, 5,053 in annotated sentences")
    func counts() throws {
        let corpus = ECBPlusCorpus(directory: try #require(ecbPlusDirectory))
        let files = try corpus.documentFiles(topics: 1...35)
        let annotated = try corpus.annotatedSentences()
        #expect(annotated.byDocument.count == 770)
        #expect(annotated.byDocument.values.reduce(0) { $0 + $1.count } == 1383)
        var scorer = TriggerScorer { _ in false }
        var tokens = 0
        for file in files {
            let document = try ECBPlusDocument(contentsOf: file)
            tokens += document.tokens.count
            scorer.add(document, annotatedSentences: annotated.sentences(of: document.name), systemTriggers: [])
        }
        #expect(files.count == 772)
        #expect(files.first?.lastPathComponent == "1_1ecb.xml")
        #expect(tokens == 289_196)
        #expect(scorer.total.gold == 10_829)
        #expect(scorer.total.goldAnnotated == 5053)
        #expect(scorer.topics.count == 33)
    }
}
