import ChroniclePipeline

/// A timeline as TimeML temporal relations, the way the task's evaluation reads it (SemEval-2015
/// Task 4 "Tools" page, alt.qcri.org/semeval2015/task4/index.php?id=tools):
/// - each date is a TIMEX3 and each event is SIMULTANEOUS with the date of its entry;
/// - events with the same order are SIMULTANEOUS, and an event BEFORE every event of a later order.
///
/// Order 0 holds the events the annotators could not place: they take part in no ordering and
/// relate only to their date, if they have one (in the gold they never do, so they add nothing).
///
/// The relations are generated in a fixed order (date anchors, then events of one order, then one
/// BEFORE between consecutive orders, which has the same closure as BEFORE between every pair)
/// and reduced the way the TempEval-3 scorer reduces a graph: a relation already implied by the
/// ones kept before it is dropped. A relation that contradicts the ones kept (a date at two orders
/// in a hand-edited file) is kept in `reduced`, as TempEval-3 keeps violations in the counts, but
/// not added to the closure.
package struct TimeLineGraph: Sendable {
    /// What the timeline says, in the order it is reduced.
    package let relations: [TimeLineRelation]
    /// The closure-reduced relations: the ones scored.
    package let reduced: [TimeLineRelation]
    private let closure: TemporalClosure

    package init(_ timeline: TimeLine) {
        var relations: [TimeLineRelation] = []
        for entry in timeline.entries where Self.isDate(entry.date) {
            relations.append(TimeLineRelation(.event(entry.event), .simultaneous, .time(entry.date)))
        }
        let groups = Dictionary(grouping: timeline.entries.filter { $0.order > 0 }, by: \.order)
            .sorted { $0.key < $1.key }
            .map { $0.value.map(\.event) }
        for group in groups {
            for (earlier, later) in zip(group, group.dropFirst()) {
                relations.append(TimeLineRelation(.event(earlier), .simultaneous, .event(later)))
            }
        }
        for (earlier, later) in zip(groups, groups.dropFirst()) {
            relations.append(TimeLineRelation(.event(earlier[0]), .before, .event(later[0])))
        }

        var closure = TemporalClosure()
        var reduced: [TimeLineRelation] = []
        for relation in relations where !closure.entails(relation) {
            _ = closure.add(relation)
            reduced.append(relation)
        }
        self.relations = relations
        self.reduced = reduced
        self.closure = closure
    }

    /// Whether the relation holds in the timeline's temporal closure.
    package func entails(_ relation: TimeLineRelation) -> Bool { closure.entails(relation) }

    /// A date with at least a year known: `XXXX-XX-XX` anchors nothing.
    static func isDate(_ date: String) -> Bool { date.contains { $0.isNumber } }
}
