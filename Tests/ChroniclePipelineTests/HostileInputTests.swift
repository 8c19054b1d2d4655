import ChroniclePipeline
import Foundation
import Testing

/// The pipeline on hostile text from a seeded generator: it must neither crash nor hang, every
/// annotation must point inside the text it was made from, and time must grow with the input's
/// length, not with its square. `CHRONICLE_FUZZ_CASES` sets the number of random texts (200 by
/// default, as CI runs them), `CHRONICLE_FUZZ_SEED` the seed, and `CHRONICLE_FUZZ_BYTES` the size
/// of the huge inputs (64 KiB in CI's debug build; `scripts/fault-test.sh` uses 1 MiB).
@Suite("Hostile input through the pipeline")
struct HostileInputTests {
    static let cases = ProcessInfo.processInfo.environment["CHRONICLE_FUZZ_CASES"].flatMap { Int($0) } ?? 200
    static let seed = ProcessInfo.processInfo.environment["CHRONICLE_FUZZ_SEED"].flatMap { UInt64($0) } ?? 8
    static let hugeBytes = ProcessInfo.processInfo.environment["CHRONICLE_FUZZ_BYTES"].flatMap { Int($0) } ?? 64 << 10

    let pipeline = try! Pipeline.standard()

    @Test("random Unicode, controls, invisible and bidi marks, mixed scripts, broken HTML: annotations stay inside the text")
    func randomTexts() throws {
        var generator = HostileText(seed: Self.seed)
        for index in 0..<Self.cases {
            let length = [1, 8, 64, 512, 1024, 4000][index % 6] + generator.below(64)
            let text = generator.text(length: length)
            let body: ArticleInput.Body = index % 3 == 2 ? .html(text) : .text(text)
            let started = ContinuousClock.now
            let document: ArticleDocument
            do {
                document = try pipeline.run(ArticleInput(body: body, title: index % 5 == 0 ? generator.text(length: 40) : nil))
            } catch {
                // Refusing is allowed (nothing readable in it); crashing is not.
                continue
            }
            #expect(ContinuousClock.now - started < .seconds(20), "case \(index) (seed \(Self.seed)) took too long")
            expectConsistent(document, label: "case \(index) (seed \(Self.seed))")
        }
    }

    @Test("a huge single line, a huge token, deeply nested tags, walls of controls and invisible marks")
    func hugeInputs() throws {
        var generator = HostileText(seed: Self.seed)
        let inputs: [(String, ArticleInput.Body)] = [
            ("single line of \(Self.hugeBytes) bytes", .text(generator.singleLine(bytes: Self.hugeBytes))),
            ("token of \(Self.hugeBytes) letters", .text("Kyiv, 2025-05-16\n\n" + generator.hugeToken(length: Self.hugeBytes) + " said.")),
            ("nested tags", .html(String(repeating: "<div><b>", count: Self.hugeBytes / 16) + "Talks ended." + String(repeating: "</b></div>", count: Self.hugeBytes / 16))),
            ("control characters", .text(String(String.UnicodeScalarView((0..<(Self.hugeBytes / 4)).map { HostileText.controls[$0 % HostileText.controls.count] })))),
            ("invisible marks", .text(String(String.UnicodeScalarView((0..<(Self.hugeBytes / 4)).map { HostileText.invisibles[$0 % HostileText.invisibles.count] })))),
        ]
        for (label, body) in inputs {
            let started = ContinuousClock.now
            if let document = try? pipeline.run(ArticleInput(body: body)) { expectConsistent(document, label: label) }
            // A hang detector, not a benchmark.
            #expect(ContinuousClock.now - started < .seconds(300), "\(label) took too long")
        }
    }

    /// Linear time shows as 16 times the time for 16 times the text; quadratic as 256. The bound
    /// sits far from both, so a noisy machine does not fail it and a quadratic step does.
    @Test("time per byte is bounded: 16 times the text takes far less than 256 times as long")
    func timePerByte() throws {
        for kind in ["single line", "paragraphs", "hostile"] {
            func input(_ bytes: Int) -> ArticleInput {
                var generator = HostileText(seed: Self.seed)
                switch kind {
                case "single line": return ArticleInput(body: .text(generator.singleLine(bytes: bytes)))
                case "paragraphs":
                    var text = ""
                    while text.utf8.count < bytes { text += generator.singleLine(bytes: 600) + "\n\n" }
                    return ArticleInput(body: .text(text))
                default: return ArticleInput(body: .text(generator.text(length: bytes / 3)))
                }
            }
            let small = input(Self.hugeBytes / 32), large = input(Self.hugeBytes / 2)
            func fastest(_ input: ArticleInput) -> Duration {
                (0..<2).map { _ in ContinuousClock().measure { _ = try? pipeline.run(input) } }.min()!
            }
            _ = fastest(small)  // warm up
            let ratio = fastest(large) / fastest(small)
            #expect(ratio < 64, "\(kind): 16 times the text took \(ratio) times as long")
        }
    }

    /// Every span inside the text, ordered, and every index pointing at something that exists.
    func expectConsistent(_ document: ArticleDocument, label: String) {
        let length = document.text.unicodeScalars.count
        let scalars = Array(document.text.unicodeScalars)
        func inside(_ span: TextSpan) -> Bool { span.start >= 0 && span.start <= span.end && span.end <= length }
        var problems: [String] = []
        for paragraph in document.paragraphs where !inside(paragraph.span) || paragraph.sentences.upperBound > document.sentences.count {
            problems.append("paragraph \(paragraph.span)")
        }
        for sentence in document.sentences where !inside(sentence.span) || sentence.tokens.upperBound > document.tokens.count {
            problems.append("sentence \(sentence.span)")
        }
        for token in document.tokens {
            if !inside(token.span) { problems.append("token \(token.span)"); continue }
            if String(String.UnicodeScalarView(scalars[token.span.start..<token.span.end])) != token.text {
                problems.append("token text \(token.span)")
            }
        }
        for entity in document.entities where !inside(entity.span) { problems.append("entity \(entity.span)") }
        for timex in document.timexes where !inside(timex.span) { problems.append("timex \(timex.span)") }
        for quotation in document.quotations where !inside(quotation.span) { problems.append("quotation \(quotation.span)") }
        for event in document.events {
            if !inside(event.trigger) || event.sentence >= max(1, document.sentences.count) || !(event.content.map(inside) ?? true) {
                problems.append("event \(event.type) \(event.trigger)")
            }
        }
        #expect(problems.isEmpty, "\(label): \(problems.prefix(5))")
    }
}
