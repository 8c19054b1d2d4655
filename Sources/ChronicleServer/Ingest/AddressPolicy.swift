import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Decides whether the service may connect to a host: refuses loopback, private, link-local,
/// unspecified and multicast addresses unless allowed, so a client cannot make the service
/// reach into its own network.
struct AddressPolicy: Sendable {
    let allowPrivate: Bool

    /// Resolves `host` and returns the reason to refuse it, or nil when every address is public.
    func refusal(forHost host: String) -> String? {
        if allowPrivate { return nil }
        let addresses = Self.resolve(host)
        if addresses.isEmpty { return "the host \(host) could not be resolved" }
        for address in addresses where Self.isInternal(address) {
            return "the host \(host) resolves to \(address.text), a loopback, private or link-local address (set fetch.allowPrivateAddresses to allow)"
        }
        return nil
    }

    struct Address {
        let bytes: [UInt8]
        var text: String {
            if bytes.count == 4 { return bytes.map(String.init).joined(separator: ".") }
            return stride(from: 0, to: 16, by: 2).map { String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16) }
                .joined(separator: ":")
        }
    }

    static func resolve(_ host: String) -> [Address] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var result: UnsafeMutablePointer<addrinfo>?
        let name = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        guard getaddrinfo(name, nil, &hints, &result) == 0, let first = result else { return [] }
        defer { freeaddrinfo(first) }
        var addresses: [Address] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let info = cursor {
            if info.pointee.ai_family == AF_INET, let raw = info.pointee.ai_addr {
                raw.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { pointer in
                    var address = pointer.pointee.sin_addr
                    addresses.append(Address(bytes: withUnsafeBytes(of: &address) { Array($0) }))
                }
            } else if info.pointee.ai_family == AF_INET6, let raw = info.pointee.ai_addr {
                raw.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { pointer in
                    var address = pointer.pointee.sin6_addr
                    addresses.append(Address(bytes: withUnsafeBytes(of: &address) { Array($0) }))
                }
            }
            cursor = info.pointee.ai_next
        }
        return addresses
    }

    static func isInternal(_ address: Address) -> Bool {
        let b = address.bytes
        if b.count == 4 {
            return b[0] == 0 || b[0] == 10 || b[0] == 127  // this network, private, loopback
                || (b[0] == 100 && (64...127).contains(b[1]))  // carrier-grade NAT
                || (b[0] == 169 && b[1] == 254)  // link-local
                || (b[0] == 172 && (16...31).contains(b[1]))  // private
                || (b[0] == 192 && b[1] == 168)  // private
                || b[0] >= 224  // multicast and reserved
        }
        guard b.count == 16 else { return true }
        if b[0..<10].allSatisfy({ $0 == 0 }) && b[10] == 0xff && b[11] == 0xff {
            return isInternal(Address(bytes: Array(b[12..<16])))  // IPv4-mapped
        }
        return b.allSatisfy { $0 == 0 }  // unspecified
            || (b[0..<15].allSatisfy { $0 == 0 } && b[15] == 1)  // loopback
            || (b[0] & 0xfe) == 0xfc  // unique local
            || (b[0] == 0xfe && (b[1] & 0xc0) == 0x80)  // link-local
            || b[0] == 0xff  // multicast
    }
}
