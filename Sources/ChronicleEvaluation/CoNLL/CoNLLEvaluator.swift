import ChroniclePipeline
import Foundation

/// Entity-level scores as conlleval computes them: a predicted entity is correct only when its
/// span and type both match a gold entity exactly; precision, recall and F1 per type and overall.
package struct CoNLLEvaluation: Sendable, Equatable {
    package struct Counts: Sendable, Equatable {
        package var gold = 0
        package var predicted = 0
        package var correct = 0

        package init(gold: Int = 0, predicted: Int = 0, correct: Int = 0) {
            self.gold = gold
            self.predicted = predicted
            self.correct = correct
        }

        package var precision: Double { predicted == 0 ? 0 : Double(correct) / Double(predicted) }
        package var recall: Double { gold == 0 ? 0 : Double(correct) / Double(gold) }
        package var f1: Double {
            precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        }
    }

    package var tokens = 0
    package var correctTags = 0
    package var byType: [String: Counts] = [:]
    package var overall = Counts()

    package init() {}

    package var accuracy: Double { tokens == 0 ? 0 : Double(correctTags) / Double(tokens) }

    /// Adds one sentence (chunks never cross sentences, as in conlleval).
    package mutating func add(gold: [String], predicted: [String]) {
        precondition(gold.count == predicted.count, "gold and predicted tags differ in length")
        tokens += gold.count
        correctTags += zip(gold, predicted).filter { $0 == $1 }.count
        let goldChunks = IOBChunks.chunks(in: gold)
        let predictedChunks = IOBChunks.chunks(in: predicted)
        let goldSet = Set(goldChunks)
        for chunk in goldChunks { byType[chunk.type, default: Counts()].gold += 1 }
        for chunk in predictedChunks {
            byType[chunk.type, default: Counts()].predicted += 1
            if goldSet.contains(chunk) { byType[chunk.type, default: Counts()].correct += 1 }
        }
        overall.gold += goldChunks.count
        overall.predicted += predictedChunks.count
        overall.correct += predictedChunks.filter(goldSet.contains).count
    }

    /// Scores every sentence of a file: `gold` and `predicted` follow documents -> sentences.
    package static func evaluate(gold: [[[String]]], predicted: [[[String]]]) -> CoNLLEvaluation {
        var evaluation = CoNLLEvaluation()
        for (goldDocument, predictedDocument) in zip(gold, predicted) {
            for (goldSentence, predictedSentence) in zip(goldDocument, predictedDocument) {
                evaluation.add(gold: goldSentence, predicted: predictedSentence)
            }
        }
        return evaluation
    }

    /// A plain-text table: one row per type, then the overall scores.
    package var table: String {
        func row(_ name: String, _ counts: Counts) -> String {
            name.padding(toLength: 8, withPad: " ", startingAt: 0)
                + [String(counts.gold), String(counts.predicted), String(counts.correct)].map { pad($0, 8) }.joined()
                + [counts.precision, counts.recall, counts.f1].map { pad(String(format: "%.4f", $0), 11) }.joined()
        }
        var lines = [
            "processed \(tokens) tokens with \(overall.gold) phrases; found: \(overall.predicted) phrases; correct: \(overall.correct).",
            "accuracy: " + String(format: "%.4f", accuracy),
            "type" + String(repeating: " ", count: 4) + ["gold", "found", "correct"].map { pad($0, 8) }.joined()
                + ["precision", "recall", "F1"].map { pad($0, 11) }.joined(),
        ]
        for type in byType.keys.sorted() { lines.append(row(type.isEmpty ? "(none)" : type, byType[type]!)) }
        lines.append(row("overall", overall))
        return lines.joined(separator: "\n")
    }

    private func pad(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
