/// A resource file that is missing or does not say what its reader expects. Resources ship with
/// the code, so this is a broken package: it stops the program at start-up, naming the file
/// (and the line) to fix.
public struct ResourceError: Error, CustomStringConvertible, Equatable {
    /// The file, as the reader was asked for it (`events/event_triggers.tsv`).
    public let file: String
    /// The 1-based line at fault, for a malformed line.
    public let line: Int?
    public let problem: String

    package init(file: String, line: Int? = nil, problem: String) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    public var description: String {
        "resource \(file)\(line.map { " line \($0)" } ?? ""): \(problem)"
    }
}

extension Result where Failure == ResourceError {
    /// The loaded value, for code that runs once its stage was built: building a stage loads
    /// the resources it needs and reports a failure then, so reaching a failure here is a bug.
    package var required: Success {
        switch self {
        case .success(let value): value
        case .failure(let error): fatalError("\(error)")
        }
    }
}
