import HTTPTypes
import Synchronization

/// The path patterns the router serves and the methods of each (`/v1/articles/:id`), kept so a
/// request with a known path but another method gets 405 with an `Allow` header.
final class RouteTable: Sendable {
    private let routes = Mutex<[(pattern: [Substring], methods: Set<HTTPRequest.Method>)]>([])

    func add(_ path: String, _ method: HTTPRequest.Method) {
        let pattern = path.split(separator: "/")
        routes.withLock { routes in
            if let index = routes.firstIndex(where: { $0.pattern == pattern }) {
                routes[index].methods.insert(method)
            } else {
                routes.append((pattern, [method]))
            }
        }
    }

    /// Every registered route as (`/v1/articles/{id}` style path, methods).
    var all: [(path: String, methods: Set<HTTPRequest.Method>)] {
        routes.withLock { routes in
            routes.map { route in
                let path = route.pattern.map { $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0) }
                return ("/" + path.joined(separator: "/"), route.methods)
            }
        }
    }

    func methods(forPath path: String) -> Set<HTTPRequest.Method>? {
        let components = path.split(separator: "/")
        return routes.withLock { routes in
            let matching = routes.filter { route in
                route.pattern.count == components.count
                    && zip(route.pattern, components).allSatisfy { $0.hasPrefix(":") || $0 == $1 }
            }
            return matching.isEmpty ? nil : matching.reduce(into: Set()) { $0.formUnion($1.methods) }
        }
    }
}
