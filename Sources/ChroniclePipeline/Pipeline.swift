import ChronicleFoundation

/// An ordered list of stages: text -> entities -> time -> events.
public struct Pipeline: Sendable {
    public let stages: [any PipelineStage]

    public init(stages: [any PipelineStage]) {
        self.stages = stages
    }

    /// The stages Chronicle runs on every article, in order. Building them loads their
    /// resources (once per process); a missing or malformed file is thrown here, named.
    public static func standard() throws(ResourceError) -> Pipeline {
        Pipeline(stages: [
            try TextStage(), try EntityStage(recognizer: try NamedEntityTagger.bundled.get()), try TimeStage(), try EventStage(),
        ])
    }

    public var stageNames: [String] { stages.map(\.name) }

    /// The same pipeline with the named stages switched off (for ablations and benchmarks).
    public func disabling(_ names: Set<String>) -> Pipeline {
        Pipeline(stages: stages.filter { !names.contains($0.name) })
    }

    public func run(_ input: ArticleInput) throws(PipelineError) -> ArticleDocument {
        var document = ArticleDocument(input: input)
        for stage in stages {
            try stage.process(&document)
            document.stages.append(stage.name)
        }
        return document
    }
}
