import Foundation

/// An opaque paging position: the key of the last item returned. Items are listed newest first
/// by arrival sequence, and new arrivals always get larger sequences, so a cursor keeps pointing
/// at the same place while articles are inserted concurrently.
package struct Cursor: Equatable, Sendable {
    package let sequence: UInt64
    package let index: Int

    package init(sequence: UInt64, index: Int = 0) {
        self.sequence = sequence
        self.index = index
    }

    package var token: String { Base64URL.encode("\(sequence).\(index)") }

    package init?(token: String) {
        guard let text = Base64URL.decode(token) else { return nil }
        let parts = text.split(separator: ".")
        guard parts.count == 2, let sequence = UInt64(parts[0]), let index = Int(parts[1]), index >= 0 else { return nil }
        self.init(sequence: sequence, index: index)
    }
}

/// One page of results and the cursor for the next one (nil on the last page).
package struct Page<Item: Sendable & Encodable>: Sendable, Encodable {
    package let items: [Item]
    package let nextCursor: String?

    package init(items: [Item], nextCursor: String?) {
        self.items = items
        self.nextCursor = nextCursor
    }

    enum CodingKeys: String, CodingKey {
        case items
        case nextCursor = "next_cursor"
    }
}
