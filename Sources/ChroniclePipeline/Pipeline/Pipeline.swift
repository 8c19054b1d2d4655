/// An ordered list of stages: text -> entities -> time -> events.
package struct Pipeline: Sendable {
    package let stages: [any PipelineStage]

    package init(stages: [any PipelineStage]) {
        self.stages = stages
    }

    /// The stages Chronicle runs on every article, in order.
    package static func standard() -> Pipeline {
        Pipeline(stages: [TextStage(), EntityStage(recognizer: bundledTagger), TimeStage(), EventStage()])
    }

    /// The trained tagger, loaded once per process. The model is committed with the code, so a
    /// missing one is a broken build, not a runtime condition.
    static let bundledTagger: NamedEntityTagger = {
        do {
            return try NamedEntityTagger.loadBundled()
        } catch {
            fatalError("\(error)")
        }
    }()

    package var stageNames: [String] { stages.map(\.name) }

    /// The same pipeline with the named stages switched off (for ablations and benchmarks).
    package func disabling(_ names: Set<String>) -> Pipeline {
        Pipeline(stages: stages.filter { !names.contains($0.name) })
    }

    package func run(_ input: ArticleInput) throws(PipelineError) -> ArticleDocument {
        var document = ArticleDocument(input: input)
        for stage in stages {
            try stage.process(&document)
            document.stages.append(stage.name)
        }
        return document
    }
}
