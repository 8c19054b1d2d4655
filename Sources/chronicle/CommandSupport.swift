import ChronicleFoundation
import ChroniclePipeline
import Foundation

/// Runs `body` and returns its result with the wall-clock seconds it took.
func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let clock = ContinuousClock()
    let started = clock.now
    let result = try body()
    return (result, (clock.now - started).seconds)
}

func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
