import Testing

@testable import ChroniclePipeline

struct BylineDatelineTests {
    func byline(_ line: String) -> Byline? { BylineFinder().byline(line: Array(line.unicodeScalars)) }
    func dateline(_ line: String) -> Dateline? { DatelineFinder().dateline(in: Array(line.unicodeScalars)) }

    @Test func bylines() {
        #expect(byline("By Maria Costa and Ken Ito, Reuters") == Byline(text: "By Maria Costa and Ken Ito, Reuters", authors: ["Maria Costa", "Ken Ito"], agency: "Reuters"))
        #expect(byline("By Anna de la Cruz, Tom Weller & Li Na") == Byline(text: "By Anna de la Cruz, Tom Weller & Li Na", authors: ["Anna de la Cruz", "Tom Weller", "Li Na"]))
        #expect(byline("By Pavel Hruby in Prague") == Byline(text: "By Pavel Hruby in Prague", authors: ["Pavel Hruby"]))
        #expect(byline("BY JOHN OKAFOR | AFP") == Byline(text: "BY JOHN OKAFOR | AFP", authors: ["JOHN OKAFOR"], agency: "AFP"))
        #expect(byline("By Friday, the talks had ended.") == nil)
        #expect(byline("By the river stood a mill") == nil)
        #expect(byline("Byron Hale said no") == nil)
    }

    @Test func headerSegmentDateline() {
        let found = dateline("NAIROBI, KENYA | Xinhua | Farmers in the highlands began planting on Monday.")
        #expect(found?.place == "NAIROBI, KENYA")
        #expect(found?.agency == "Xinhua")
        #expect(found.map { String(String.UnicodeScalarView($0.rest)) } == "Farmers in the highlands began planting on Monday.")
    }

    @Test func classicDatelines() {
        let reuters = dateline("KYIV, Ukraine, May 16 (Reuters) - Ukraine said on Friday it had received 909 bodies.")
        #expect(reuters?.place == "KYIV, Ukraine")
        #expect(reuters?.agency == "Reuters")
        #expect(reuters.map { String(String.UnicodeScalarView($0.rest)) } == "Ukraine said on Friday it had received 909 bodies.")
        let ap = dateline("ST. PETERSBURG (AP) — A fire broke out at the port, officials said.")
        #expect(ap?.place == "ST. PETERSBURG")
        #expect(ap?.agency == "AP")
        let bare = dateline("GENEVA — Negotiators met again on Tuesday.")
        #expect(bare?.place == "GENEVA")
        #expect(bare?.agency == nil)
        #expect(dateline("NATO said on Friday - as expected - that it would meet.") == nil)
        #expect(dateline("The mayor of Lyon - a former teacher - resigned.") == nil)
    }

    @Test func datelineAndAgencyThroughStage() throws {
        let document = try runText(" date 2023-04-11 SANTIAGO, CHILE (AFP) -- Miners ended their strike on Tuesday after a deal on wages, the union said.")
        #expect(document.metadata.dateline == "SANTIAGO, CHILE")
        #expect(document.metadata.agency == "AFP")
        #expect(document.text == "Miners ended their strike on Tuesday after a deal on wages, the union said.")
        let placeOnly = try runText(" date 2023-04-11 SANTIAGO, CHILE\n\nMiners ended their strike on Tuesday after a deal on wages, the union said.")
        #expect(placeOnly.metadata.dateline == "SANTIAGO, CHILE")
        #expect(placeOnly.text == "Miners ended their strike on Tuesday after a deal on wages, the union said.")
    }

    @Test func agencyRanking() throws {
        // A photo credit names AFP, the byline names AP: the byline wins.
        let text = """
            Miners end strike after wage deal

            By Rosa Vidal, Associated Press

            Miners gather outside the union hall in Santiago on Tuesday. Photo: Esteban Ruiz / AFP

            Miners ended their strike on Tuesday after a deal on wages, the union said.

            - Reuters
            """
        let document = try runText(text)
        #expect(document.metadata.agency == "AP")
        #expect(document.metadata.byline == "By Rosa Vidal, Associated Press")
        #expect(document.metadata.authors == ["Rosa Vidal"])
        #expect(document.metadata.title == "Miners end strike after wage deal")
        #expect(paragraphTexts(document) == [
            "Miners gather outside the union hall in Santiago on Tuesday.",
            "Miners ended their strike on Tuesday after a deal on wages, the union said.",
        ])
        // Without a byline the sign-off credit beats the photo credit.
        let credited = try runText(text.replacingOccurrences(of: "By Rosa Vidal, Associated Press", with: ""))
        #expect(credited.metadata.agency == "Reuters")
        // The photo credit alone counts, but never for a picture agency.
        let photoOnly = try runText("Miners gather in Santiago on Tuesday, union leaders said. Photo: Esteban Ruiz / AFP")
        #expect(photoOnly.metadata.agency == "AFP")
        #expect(photoOnly.text == "Miners gather in Santiago on Tuesday, union leaders said.")
        let pictureAgency = try runText("Miners gather in Santiago on Tuesday, union leaders said. Photo: Esteban Ruiz / EPA-EFE")
        #expect(pictureAgency.metadata.agency == nil)
    }

    @Test func packedMetadataLines() throws {
        let text = """
            Xinhua · 10:05 UTC+3, 2023-08-14

            By Ivo Petrov | Aug 14, 2023

            Firefighters contained the forest blaze near Burgas on Monday, the ministry said.
            """
        let document = try runText(text)
        #expect(document.metadata.agency == "Xinhua")
        #expect(document.metadata.byline == "By Ivo Petrov")
        #expect(document.metadata.publicationDate == "2023-08-14")
        #expect(document.metadata.publicationTime == "10:05")
        #expect(document.metadata.timeZone == "+03:00")
        #expect(document.text == "Firefighters contained the forest blaze near Burgas on Monday, the ministry said.")
    }

    @Test func mentionInBodyIsNotACredit() throws {
        let document = try runText("A senior official told Reuters that the strike was over, and Xinhua reported the same.")
        #expect(document.metadata.agency == nil)
    }
}
