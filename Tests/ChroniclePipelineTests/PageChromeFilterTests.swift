import Testing

@testable import ChroniclePipeline

struct PageChromeFilterTests {
    let filter = PageChromeFilter()

    func isBoilerplate(_ line: String) -> Bool {
        let scalars = Array(line.unicodeScalars)
        return filter.isBoilerplate(scalars, shape: LineShape(scalars))
    }

    @Test func lexiconCopyrightAndLicenceLines() {
        for chrome in [
            "Get the Harbour News app", "Download our app", "Share", "Share on Facebook", "Follow us on X",
            "Subscribe", "Coastline Herald PDF Subscribe", "Thank you for subscribing!", "Newsletter",
            "Privacy Policy", "Terms of Use", "Read more", "Advertisement", "© 2024 Coastline Herald",
            "Copyright 2024 Coastline Herald. All Rights Reserved.", "京ICP备12345678号-1",
            "网络视听许可证：0101010", "About us | Contact us | Careers", "| |", "* * *",
            "(Reporting by Ana Ruiz; Editing by Tom Hale)",
        ] {
            #expect(isBoilerplate(chrome), "\(chrome)")
        }
        for body in [
            "Shares in the shipping firm fell 4% on Monday after the strike was announced.",
            "Subscribers to the service will pay more from June, the company said in a statement.",
            "Copyright lawyers said the ruling would be appealed.",
            "Putin 'afraid'",
        ] {
            #expect(!isBoilerplate(body), "\(body)")
        }
    }

    @Test func copyrightHolder() {
        #expect(filter.copyrightHolder(Array("Copyright 2024 Coastline Herald.AllRights Reserved.Hotline:123".unicodeScalars)) == "Coastline Herald")
        #expect(filter.copyrightHolder(Array("© 2019-2024 Radio New Zealand".unicodeScalars)) == "Radio New Zealand")
        #expect(filter.copyrightHolder(Array("All rights reserved.".unicodeScalars)) == nil)
    }

    @Test func menusRepeatedLeadsAndFootersAreRemoved() throws {
        let page = """
            Home
            World
            Business Markets Tech
            Kampala Entebbe Jinja Gulu Mbarara
            Follow us
            World / Africa

            Lake ferry service resumes after six-month halt

            Coastline Herald
            07:10 UTC+3, 2024-02-20
            The ferry between Kampala and the islands resumed on Tuesday after a six-month halt, operators said.

            The ferry between Kampala and the islands resumed on Tuesday after a six-month halt, operators said.

            Tickets will cost 15,000 shillings, and two sailings a day are planned.

            Safety inspectors approved the vessel last week.

            Related Stories

            Home
            World
            Business
            Get the Coastline app

            for news on the go

            © 2024 Coastline Herald. All rights reserved.
            京ICP备00000000号
            """
        let document = try runText(page)
        #expect(paragraphTexts(document) == [
            "The ferry between Kampala and the islands resumed on Tuesday after a six-month halt, operators said.",
            "Tickets will cost 15,000 shillings, and two sailings a day are planned.",
            "Safety inspectors approved the vessel last week.",
        ])
        #expect(document.metadata.title == "Lake ferry service resumes after six-month halt")
        #expect(document.metadata.source == "Coastline Herald")
        #expect(document.metadata.publicationDate == "2024-02-20")
        #expect(document.metadata.publicationTime == "07:10")
        #expect(document.metadata.timeZone == "+03:00")
        #expect(document.metadata.dateSource == .stamp)
        checkSegments(document)
    }

    @Test func wireStylePage() throws {
        let page = """
            Skip to main content
            Exclusive news and analysis for market professionals
            World
            Business
            Markets
            Technology
            More
            Europe
            Port workers end strike after pay deal
            By Hanna Vogt and Marek Lis
            June 3, 2024 4:47 PM GMT+2 Updated 2 hours ago
            Updated 2 hours ago
            GDANSK, June 3 (Reuters) - Port workers in Gdansk ended a nine-day strike on Monday. Talks have ended.
            "We got what we asked for," a union leader told reporters. Mr. Nowak said the U.S. buyers would be informed.
            Read more: Baltic shipping rates climb
            Shipping resumed within hours.
            (Reporting by Hanna Vogt; Editing by Ian Ross)
            Our Standards: The Trust Principles., opens new tab
            Suggested Topics:
            Poland
            Share
            X
            Facebook
            Purchase Licensing Rights
            """
        let document = try runText(page)
        #expect(paragraphTexts(document) == [
            "Port workers in Gdansk ended a nine-day strike on Monday. Talks have ended.",
            "\"We got what we asked for,\" a union leader told reporters. Mr. Nowak said the U.S. buyers would be informed.",
            "Shipping resumed within hours.",
        ])
        let m = document.metadata
        #expect(m.title == "Port workers end strike after pay deal")
        #expect(m.byline == "By Hanna Vogt and Marek Lis")
        #expect(m.authors == ["Hanna Vogt", "Marek Lis"])
        #expect(m.agency == "Reuters")
        #expect(m.dateline == "GDANSK")
        #expect(m.publicationDate == "2024-06-03")
        #expect(m.publicationTime == "16:47")
        #expect(m.timeZone == "+02:00")
        #expect(m.dateSource == .stamp)
        #expect(sentenceTexts(document).count == 5)
    }

    @Test func creditedNamesWithoutBy() throws {
        let document = try runText("Dam opens after decade of delays\n\nAna Ruiz, AFP\n\nThe dam on the Parana river opened on Sunday, ten years late, officials said.")
        #expect(document.metadata.byline == "Ana Ruiz, AFP")
        #expect(document.metadata.authors == ["Ana Ruiz"])
        #expect(document.metadata.agency == "AFP")
        #expect(document.metadata.title == "Dam opens after decade of delays")
        #expect(document.text == "The dam on the Parana river opened on Sunday, ten years late, officials said.")
    }

    @Test func subheadingsAndListItemsInsideBodyStay() throws {
        let text = """
            The council approved three measures on Monday, the mayor said:

            → new bus lanes on the ring road;

            Budget fight

            Opposition members said the plan would cost more than expected.
            """
        #expect(paragraphTexts(try runText(text)) == [
            "The council approved three measures on Monday, the mayor said:",
            "→ new bus lanes on the ring road;",
            "Budget fight",
            "Opposition members said the plan would cost more than expected.",
        ])
    }

    @Test func captionsKeepTheirSentenceOnce() throws {
        let text = """
            Rescuers search the rubble in Hatay on Monday, officials said. Photo: Ali Demir / Reuters

            Rescuers search the rubble in Hatay on Monday, officials said.

            Ali Demir (File photo: Ali Demir / Reuters)

            Rescue teams worked through the night after the quake struck at dawn.
            """
        let document = try runText(text)
        #expect(paragraphTexts(document) == [
            "Rescuers search the rubble in Hatay on Monday, officials said.",
            "Rescue teams worked through the night after the quake struck at dawn.",
        ])
        #expect(document.metadata.agency == "Reuters")
    }

    @Test func endMarksAndGlob() throws {
        #expect(try runText("The strike ended after nine days, the union said. ■").text == "The strike ended after nine days, the union said.")
        #expect(PageChromeFilter.glob(Array("get the * app".unicodeScalars), matches: Array("get the rnz app".unicodeScalars)))
        #expect(!PageChromeFilter.glob(Array("get the * app".unicodeScalars), matches: Array("get the app now".unicodeScalars)))
        #expect(PageChromeFilter.glob(Array("*icp备*".unicodeScalars), matches: Array("沪icp备05050403号-5".unicodeScalars)))
    }
}
