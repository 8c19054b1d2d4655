import ArgumentParser

@main
struct Chronicle: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chronicle",
        abstract: "Turns news articles into structured, queryable knowledge.",
        subcommands: [ServeCommand.self, ExtractCommand.self, NERCommand.self, TimeCommand.self, EventsCommand.self, StoriesCommand.self,
            TimelineCommand.self, PipelineCommand.self, StoreCommand.self]
    )
}
