import ChroniclePipeline
import Foundation

/// The SemEval-2015 Task 4 score: temporal awareness (UzZaman and Allen 2011, as TempEval-3
/// computes it) of each entity's timeline, micro-averaged over the entities.
///
/// Each timeline becomes a relation graph (`TimeLineGraph`). Precision is the share of the
/// system's closure-reduced relations that the gold closure verifies, recall the share of the
/// gold's reduced relations the system closure verifies; the corpus figures add the counts of all
/// entities before dividing (the official `evaluation_all.py` reports this micro-average).
///
/// Simplifications against the official scripts, which we could not run here:
/// - an event is its first mention; other mentions on its line (coreferent mentions) are ignored;
/// - the relation graph and its reduction are computed here (`TimeLineGraph`) rather than by
///   writing TimeML files for the TempEval-3 scorer; with BEFORE and SIMULTANEOUS only, its closure
///   is the one the TempEval-3 timegraph builds, and its reduction keeps the same number of
///   relations, though which of several equivalent relations it keeps may differ;
/// - order-0 events with no date relate to nothing (the task describes no TIMEX3 for
///   `XXXX-XX-XX`), so they count in neither precision nor recall.
package struct TimeLineScorer: Sendable {
    package struct Counts: Sendable, Equatable {
        package var systemRelations = 0
        package var systemVerified = 0
        package var goldRelations = 0
        package var goldVerified = 0

        package init(systemRelations: Int = 0, systemVerified: Int = 0, goldRelations: Int = 0, goldVerified: Int = 0) {
            self.systemRelations = systemRelations
            self.systemVerified = systemVerified
            self.goldRelations = goldRelations
            self.goldVerified = goldVerified
        }

        package var precision: Double { systemRelations == 0 ? 0 : Double(systemVerified) / Double(systemRelations) }
        package var recall: Double { goldRelations == 0 ? 0 : Double(goldVerified) / Double(goldRelations) }
        package var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

        package static func + (lhs: Counts, rhs: Counts) -> Counts {
            Counts(
                systemRelations: lhs.systemRelations + rhs.systemRelations,
                systemVerified: lhs.systemVerified + rhs.systemVerified,
                goldRelations: lhs.goldRelations + rhs.goldRelations,
                goldVerified: lhs.goldVerified + rhs.goldVerified)
        }
    }

    package struct EntityScore: Sendable, Equatable {
        package var entity: String
        package var counts: Counts
        /// Whether the system had no timeline for the entity (scored as an empty one).
        package var missing: Bool
    }

    package private(set) var entities: [EntityScore] = []

    package init() {}

    /// The micro-average: every entity's counts added up.
    package var total: Counts { entities.reduce(Counts()) { $0 + $1.counts } }

    /// Temporal awareness of one system timeline against its gold.
    package static func counts(gold: TimeLine, system: TimeLine) -> Counts {
        let goldGraph = TimeLineGraph(gold)
        let systemGraph = TimeLineGraph(system)
        return Counts(
            systemRelations: systemGraph.reduced.count,
            systemVerified: systemGraph.reduced.filter(goldGraph.entails).count,
            goldRelations: goldGraph.reduced.count,
            goldVerified: goldGraph.reduced.filter(systemGraph.entails).count)
    }

    /// Scores one entity; a missing system timeline counts as an empty one.
    package mutating func add(gold: TimeLine, system: TimeLine?) {
        let counts = Self.counts(gold: gold, system: system ?? TimeLine(entity: gold.entity))
        entities.append(EntityScore(entity: gold.entity, counts: counts, missing: system == nil))
    }

    /// One line per entity, then the micro-average.
    package func report() -> String {
        let width = max("micro-average".count, entities.map(\.entity.count).max() ?? 0)
        func row(_ name: String, _ counts: Counts, note: String = "") -> String {
            name.padding(toLength: width, withPad: " ", startingAt: 0)
                + String(
                    format: "  %6.4f  %6.4f  %6.4f  %5d/%-5d  %5d/%-5d", counts.precision, counts.recall, counts.f1,
                    counts.systemVerified, counts.systemRelations, counts.goldVerified, counts.goldRelations) + note
        }
        var lines = [
            "entity".padding(toLength: width, withPad: " ", startingAt: 0)
                + "  precis  recall  F1      sys ok/rel   gold ok/rel"
        ]
        for score in entities {
            lines.append(row(score.entity, score.counts, note: score.missing ? "  (no system timeline)" : ""))
        }
        lines.append(row("micro-average", total))
        return lines.joined(separator: "\n")
    }
}
