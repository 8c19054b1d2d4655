import ChronicleTestSupport
import Testing

@testable import ChroniclePipeline

/// What the text stage must make of one seed. A metadata field left out must be nil (or empty).
struct SeedText: Sendable, CustomTestStringConvertible {
    var seed, name: String
    var publicationDate: String
    var publicationTime: String? = nil
    var timeZone: String? = nil
    var dateSource: DateSource
    var agency: String? = nil
    var source: String? = nil
    var dateline: String? = nil
    var byline: String? = nil
    var authors: [String] = []
    var title: String? = nil
    /// Text of this seed's page that must not survive, beside the chrome of every seed.
    var absent: [String] = []
    var paragraphCount: Int
    var firstParagraph: String
    var lastParagraph: String
    /// Paragraphs that must sit at their index (crossheads stay in place).
    var paragraphsAt: [Int: String] = [:]
    /// Body sentences each kept exactly once, as one sentence.
    var sentences: [String]
    var testDescription: String { "\(seed) \(name)" }
}

/// The five seed articles of the issue: each must come out clean and dated, with every body
/// sentence kept exactly once.
@Suite(.enabled(if: SharedData.seedsAvailable, "../shared/seeds not found: seed tests skipped"))
struct TextStageSeedTests {
    /// Chrome that must not survive on any seed.
    static let chrome = [
        "Get the RNZ app", "ad-free", "ICP", "许可证", "Subscribe", "subscription", "Follow us", "In Focus",
        "News / World", "Copyright", "©", "Source:", "Editor:", "Photo:", "photo:", "■", "4:19 am", "UTC+8",
        "Privacy Policy", "Baoshan", "Newsletter", "By Vladimir", "- Reuters", "date 2025",
    ]

    static let seeds: [SeedText] = [
        SeedText(seed: "000", name: "Xinhua header with dateline",
            publicationDate: "2025-05-17", dateSource: .prefix, agency: "Xinhua", dateline: "ISTANBUL, TURKEY",
            absent: ["ISTANBUL", "| Xinhua |"],
            paragraphCount: 12,
            firstParagraph:
                "Delegations of Russia and Ukraine concluded their meeting in Türkiye’s Istanbul on Friday, agreeing to hold a new round of negotiations and have a large-scale prisoner exchange.",
            lastParagraph:
                "The last direct talks between Ukraine and Russia took place in Istanbul in March 2022, where the two sides failed to agree to halt the fighting.",
            sentences: [
                "Delegations of Russia and Ukraine concluded their meeting in Türkiye’s Istanbul on Friday, agreeing to hold a new round of negotiations and have a large-scale prisoner exchange.",
                "According to Russian diplomatic sources, Presidential Aide Vladimir Medinsky said the swap would take place soon.",
                "Umerov described the agreement on the prisoner swap as “the largest exchange since the beginning of the war.”",
                "He said Russia and Ukraine agreed to “share with the other side in writing the conditions that would make it possible to reach a ceasefire,” and reached an agreement “to meet again in principle.”",
                "“As Türkiye, we will continue to make every effort to enable a lasting peace between Russia and Ukraine,” he said.",
                "However, the Kremlin said Putin would not attend the talks.",
                "The last direct talks between Ukraine and Russia took place in Istanbul in March 2022, where the two sides failed to agree to halt the fighting.",
            ]),
        SeedText(seed: "001", name: "Shanghai Daily page",
            publicationDate: "2025-05-16", publicationTime: "23:35", timeZone: "+08:00", dateSource: .stamp, agency: "Xinhua",
            source: "Shanghai Daily", title: "Russia, Ukraine agree on large-scale POW swap, further talks in Istanbul",
            // The site's menus, and the title, which is metadata and not body text.
            absent: [
                "Video", "Opinion", "Regions", "Special", "Archive", "APP Download", "Xinhua", "About us", "Hotline", "沪",
                "Russia, Ukraine agree on large-scale POW swap",
            ],
            paragraphCount: 10,
            firstParagraph:
                "Delegations of Russia and Ukraine concluded their meeting in Turkey's Istanbul on Friday, agreeing to hold a new round of negotiations and have a large-scale prisoner exchange.",
            lastParagraph:
                "The last direct talks between Ukraine and Russia took place in Istanbul in March 2022, where the two sides failed to agree to halt the fighting.",
            sentences: [
                // The lead is printed twice on the page (teaser and article): kept once.
                "Delegations of Russia and Ukraine concluded their meeting in Turkey's Istanbul on Friday, agreeing to hold a new round of negotiations and have a large-scale prisoner exchange.",
                "As a key outcome of the two-hour talks, Russia and Ukraine agreed to a prisoner exchange involving 1,000 people from each side.",
                "Turkish Foreign Minister Hakan Fidan, who chairs the talks, said on the social media platform X that the two sides \"reached a principled agreement to meet again.\"",
                "He also said that Ukraine proposed direct talks between the two presidents, and that Russia \"took note\" of the request.",
                "Zelensky has previously said he is open to a face-to-face meeting with Putin.",
                "The last direct talks between Ukraine and Russia took place in Istanbul in March 2022, where the two sides failed to agree to halt the fighting.",
            ]),
        // "a Ukrainian source told AFP" is a mention in the body, not a credit: no agency.
        SeedText(seed: "002", name: "date prefix without credits",
            publicationDate: "2025-05-16", dateSource: .prefix,
            paragraphCount: 34,
            firstParagraph:
                "Ukraine and Russia agreed Friday to exchange 1,000 prisoners each “in the near future,” Ukrainian Defense Minister Rustem Umerov announced after attending talks mediated by Türkiye.",
            lastParagraph:
                "Russia has repeatedly said it will not discuss giving up any territory that its forces occupy, and Putin last year called for Kyiv to withdraw from parts of the Donetsk, Lugansk, Kherson and Zaporizhzhia regions that it still controls.",
            // The crosshead stays in place as a paragraph of its own.
            paragraphsAt: [14: "Putin 'afraid'"],
            sentences: [
                "The first talks came shortly after Russia started its full-scale war on Feb. 24, 2022.",
                "The two sides also said they would \"present their vision of a possible future cease-fire,\" said Russia's top negotiator, Vladimir Medinsky.",
                "\"Overall, we are satisfied with the results and ready to continue contacts,\" Medinsky added.",
                "Both Moscow and Washington have talked up the need for a meeting between Putin and U.S. President Donald Trump on the conflict.",
                "\"Russian representatives are putting forward unacceptable demands... such as for Ukraine to withdraw forces from large parts of Ukrainian territory it controls in order for a cease-fire to begin,\" the source said.",
                "Russia has repeatedly said it will not discuss giving up any territory that its forces occupy, and Putin last year called for Kyiv to withdraw from parts of the Donetsk, Lugansk, Kherson and Zaporizhzhia regions that it still controls.",
            ]),
        // Dated by "4:19 am today" plus the caption's "16 May, 2025". The byline credits Reuters;
        // the AFP photo credit is a weaker signal.
        SeedText(seed: "003", name: "Reuters on RNZ",
            publicationDate: "2025-05-16", publicationTime: "04:19", dateSource: .inferred, agency: "Reuters", source: "RNZ",
            byline: "By Vladimir Soldatkin and Andrew Osborn, Reuters", authors: ["Vladimir Soldatkin", "Andrew Osborn"],
            title: "Russia says Ukraine talks yielded a prisoner swap deal and an agreement to keep talking",
            absent: ["Russia says Ukraine talks yielded", "TURKISH FOREIGN MINISTRY"],
            paragraphCount: 17,
            firstParagraph:
                "This handout photograph taken and released by Turkish Foreign Ministry on 16 May, 2025, shows Turkey's Foreign Minister Hakan Fidan (Center 3rd L), US Secretary of State Marco Rubio (Left side 4th L), Ukraine's Foreign Minister Andriy Sybiga (right side 4th R) and their delegations attending a meeting for Ukraine-Russia peace talks at the Turkish Presidential office Dolmabahce, in Istanbul.",
            lastParagraph:
                "The Russian and US presidents have spoken by phone, but not met since Trump returned to the White House in January, despite both leaders expressing their desire for face-to-face talks.",
            sentences: [
                "Russia said the first direct talks with Ukraine in more than three years had yielded a deal to swap 1000 prisoners of war each soon and to resume talks after each side had set out its vision for a future ceasefire.",
                "In the coming days, there will be a massive thousand-for-thousand prisoner exchange,\" said Medinsky.",
                "We have taken note of this request,\" Medinsky added.",
                "In the event, the talks took place on Friday, not Thursday.",
                "\"As a rule, as Napoleon said, war and negotiations are always conducted at the same time,\" said Medinsky.",
                "The Russian and US presidents have spoken by phone, but not met since Trump returned to the White House in January, despite both leaders expressing their desire for face-to-face talks.",
            ]),
        // Only an EPA photo credit: a picture agency never becomes the report's agency.
        SeedText(seed: "004", name: "standfirst and bullets",
            publicationDate: "2025-05-16", dateSource: .prefix,
            absent: ["Rustem Umyerov", "EPA"],
            paragraphCount: 12,
            firstParagraph:
                "Umerov promises to \"soon announce\" details of further talks. Medinsky says Kyiv and Moscow will prepare their own visions for a ceasefire",
            lastParagraph:
                "Overall, Medinsky claims, Moscow is satisfied with the outcome of the negotiations and is ready to continue contact.",
            paragraphsAt: [5: "What does Russia say?"],
            sentences: [
                "Umerov promises to \"soon announce\" details of further talks.",
                "We talked about an exchange of 1,000 for 1,000.",
                "We are also working on other modalities (Aspects. – Ed.) of this exchange,\" said Umerov.",
                "→ in the \"coming days\" Kyiv and Moscow will exchange prisoners in a 1000 for 1000 format;",
                "\"After such a vision is presented, we consider it appropriate – this was also discussed – to continue our negotiations,\" the Russian official concluded.",
                "Overall, Medinsky claims, Moscow is satisfied with the outcome of the negotiations and is ready to continue contact.",
            ]),
    ]

    @Test(arguments: seeds)
    func seed(_ expected: SeedText) throws {
        let document = try runText(try SharedData.seedText(expected.seed))
        let m = document.metadata
        #expect(m.publicationDate == expected.publicationDate)
        #expect(m.publicationTime == expected.publicationTime)
        #expect(m.timeZone == expected.timeZone)
        #expect(m.dateSource == expected.dateSource)
        #expect(m.agency == expected.agency)
        #expect(m.source == expected.source)
        #expect(m.dateline == expected.dateline)
        #expect(m.byline == expected.byline)
        #expect(m.authors == expected.authors)
        #expect(m.title == expected.title)
        for phrase in Self.chrome + expected.absent {
            #expect(!document.text.contains(phrase), "left: \(phrase)")
        }
        checkSegments(document)
        let paragraphs = paragraphTexts(document)
        #expect(paragraphs.count == expected.paragraphCount)
        #expect(paragraphs.first == expected.firstParagraph)
        #expect(paragraphs.last == expected.lastParagraph)
        for (index, paragraph) in expected.paragraphsAt {
            #expect((paragraphs.indices.contains(index) ? paragraphs[index] : nil) == paragraph, "paragraph \(index)")
        }
        let sentences = sentenceTexts(document)
        for sentence in expected.sentences {
            #expect(occurrences(of: sentence, in: document) == 1, "\(sentence)")
            #expect(sentences.filter { $0 == sentence }.count == 1, "not one sentence: \(sentence)")
        }
    }

    /// The caption of 003 is a real sentence: kept once (its shorter repeat with the credit goes).
    @Test func seed003CaptionKeptOnce() throws {
        let document = try runText(try SharedData.seedText("003"))
        #expect(occurrences(of: "Turkey's Foreign Minister Hakan Fidan (Center 3rd L)", in: document) == 1)
    }

    @Test func suppliedMetadataWinsOnSeeds() throws {
        let document = try runText(
            try SharedData.seedText("003"), title: "Prisoner swap agreed", source: "Radio NZ", publishedAt: "2025-05-17T06:00:00+12:00")
        #expect(document.metadata.title == "Prisoner swap agreed")
        #expect(document.metadata.source == "Radio NZ")
        #expect(document.metadata.publicationDate == "2025-05-17")
        #expect(document.metadata.publicationTime == "06:00")
        #expect(document.metadata.timeZone == "+12:00")
        #expect(document.metadata.dateSource == .supplied)
        #expect(paragraphTexts(document).count == 17)
    }

    @Test func seedTokensAroundNumbersAndPossessives() throws {
        let document = try runText(try SharedData.seedText("000"))
        let tokens = document.tokens.map(\.text)
        #expect(tokens.prefix(12) == ["Delegations", "of", "Russia", "and", "Ukraine", "concluded", "their", "meeting", "in", "Türkiye", "’s", "Istanbul"])
        #expect(tokens.contains("two-hour"))
        #expect(tokens.contains("1,000"))
        #expect(tokens.contains("face-to-face"))
        #expect(tokens.last == ".")
    }
}
