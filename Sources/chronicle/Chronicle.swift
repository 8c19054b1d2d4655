import ArgumentParser

@main
struct Chronicle: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chronicle",
        abstract: "Turns news articles into structured, queryable knowledge.",
        subcommands: [ServeCommand.self, ExtractCommand.self, NERCommand.self, PartOfSpeechCommand.self, ChunksCommand.self, TimeCommand.self, TimeMLCommand.self, EventsCommand.self, StoriesCommand.self,
            TimelineCommand.self, PipelineCommand.self, StoreCommand.self]
    )
}
