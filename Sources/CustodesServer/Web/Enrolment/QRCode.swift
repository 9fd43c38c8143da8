/// A QR code (ISO/IEC 18004) drawn by the server itself, so that a TOTP enrolment URI, which carries the new secret,
/// never leaves the process for a third-party library or image service. Only what enrolment needs is here: byte mode
/// (UTF-8, no ECI, which authenticator apps expect), versions 1 to 10, all four error correction levels.
struct QRCode: Sendable {
    enum ErrorCorrection: Sendable, CaseIterable {
        /// About 7% of the symbol may be lost and still read.
        case low
        /// About 15%: the usual choice for a code shown on a screen.
        case medium
        /// About 25%.
        case quartile
        /// About 30%.
        case high
    }

    enum Error: Swift.Error, Equatable, CustomStringConvertible {
        /// The text is longer than version 10 holds at the level asked for; `capacity` is that limit in bytes.
        case tooLong(bytes: Int, capacity: Int)

        var description: String {
            switch self {
            case let .tooLong(bytes, capacity):
                "text of \(bytes) bytes is too long for a QR code of version 10 or below at this error correction "
                    + "level, which holds at most \(capacity) bytes"
            }
        }
    }

    /// Modules per side, without the quiet zone.
    let size: Int
    let version: Int
    let errorCorrection: ErrorCorrection
    /// The data mask pattern, 0 to 7, as written in the format information.
    let mask: Int
    /// Row by row; true is dark.
    private let modules: [Bool]

    init(text: String, errorCorrection: ErrorCorrection = .medium) throws {
        try self.init(text: text, errorCorrection: errorCorrection, mask: nil)
    }

    /// `mask` forces a mask pattern so that tests can compare with another encoder module by module; nil chooses the
    /// pattern with the lowest penalty, as the standard requires.
    init(text: String, errorCorrection: ErrorCorrection = .medium, mask: Int?) throws {
        if let mask { precondition((0...7).contains(mask), "a QR mask pattern is 0 to 7, not \(mask)") }
        let bytes = Array(text.utf8)
        guard let version = Self.versions.first(where: {
            bytes.count <= Self.byteCapacity(version: $0, errorCorrection: errorCorrection)
        }) else {
            let capacity = Self.byteCapacity(version: Self.versions.upperBound, errorCorrection: errorCorrection)
            throw Error.tooLong(bytes: bytes.count, capacity: capacity)
        }

        let structure = Self.blocks(version: version, errorCorrection: errorCorrection)
        let data = Self.dataCodewords(bytes, version: version, count: structure.dataCodewords)
        var grid = Grid(version: version)
        grid.place(Self.finalCodewords(data: data, blocks: structure))

        let chosen = mask ?? grid.lowestPenaltyMask(errorCorrection: errorCorrection)
        grid = grid.finished(mask: chosen, errorCorrection: errorCorrection)

        self.size = grid.size
        self.version = version
        self.errorCorrection = errorCorrection
        self.mask = chosen
        self.modules = grid.dark
    }

    func isDark(x: Int, y: Int) -> Bool {
        precondition((0..<size).contains(x) && (0..<size).contains(y), "module (\(x), \(y)) is outside the symbol")
        return modules[y * size + x]
    }

    /// The symbol as an inline SVG element. It is drawn in module units (the viewBox) and scaled by the width and
    /// height, so the path stays short; colours are `fill` attributes because the sign-in page's Content-Security-
    /// Policy allows no inline style. The quiet zone is part of the white background, since readers need it.
    /// `titleID` must be unique on the page; change it only if the page shows more than one code.
    func svg(moduleSize: Int = 4, quietZone: Int = 4, title: String, titleID: String = "qr-code-title") -> String {
        precondition(moduleSize > 0 && quietZone >= 0, "module size must be positive and quiet zone not negative")
        let extent = size + 2 * quietZone
        let pixels = extent * moduleSize
        var path = ""
        for y in 0..<size {
            var x = 0
            while x < size {
                guard isDark(x: x, y: y) else {
                    x += 1
                    continue
                }
                let start = x
                while x < size && isDark(x: x, y: y) { x += 1 }
                path += "M\(start + quietZone) \(y + quietZone)h\(x - start)v1h-\(x - start)z"
            }
        }
        let id = titleID.markupEscaped
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"\(id)\" "
            + "viewBox=\"0 0 \(extent) \(extent)\" width=\"\(pixels)\" height=\"\(pixels)\" "
            + "shape-rendering=\"crispEdges\">"
            + "<title id=\"\(id)\">\(title.markupEscaped)</title>"
            + "<rect width=\"\(extent)\" height=\"\(extent)\" fill=\"#fff\"/>"
            + "<path fill=\"#000\" d=\"\(path)\"/></svg>"
    }

    /// Mode indicator, count, the bytes, a terminator of up to four zero bits, zero bits to the byte boundary, then the
    /// alternating pad codewords the standard prescribes (7.4.10), so that every encoder fills the space alike.
    private static func dataCodewords(_ bytes: [UInt8], version: Int, count: Int) -> [UInt8] {
        var bits: [Bool] = []
        bits.reserveCapacity(count * 8)
        func append(_ value: Int, width: Int) {
            for shift in stride(from: width - 1, through: 0, by: -1) { bits.append(value >> shift & 1 == 1) }
        }
        append(0b0100, width: 4)
        append(bytes.count, width: characterCountBits(version: version))
        for byte in bytes { append(Int(byte), width: 8) }
        append(0, width: min(4, count * 8 - bits.count))
        append(0, width: (8 - bits.count % 8) % 8)

        var codewords: [UInt8] = []
        codewords.reserveCapacity(count)
        for start in stride(from: 0, to: bits.count, by: 8) {
            codewords.append(bits[start..<start + 8].reduce(0) { $0 << 1 | ($1 ? 1 : 0) })
        }
        var pad: UInt8 = 0xEC
        while codewords.count < count {
            codewords.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return codewords
    }
}

extension QRCode {
    /// The symbol while it is built. `reserved` marks function patterns and the format and version areas, which the
    /// data and the mask must go around.
    private struct Grid {
        let version: Int
        let size: Int
        private(set) var dark: [Bool]
        private var reserved: [Bool]

        init(version: Int) {
            self.version = version
            size = 17 + 4 * version
            dark = Array(repeating: false, count: size * size)
            reserved = Array(repeating: false, count: size * size)

            for index in 0..<size {
                set(x: 6, y: index, dark: index % 2 == 0)
                set(x: index, y: 6, dark: index % 2 == 0)
            }
            // Finders with their light separators: rings at distance 0 to 4 from the centre, dark except 2 and 4.
            for (cx, cy) in [(3, 3), (size - 4, 3), (3, size - 4)] {
                for dy in -4...4 {
                    for dx in -4...4 where (0..<size).contains(cx + dx) && (0..<size).contains(cy + dy) {
                        let ring = max(abs(dx), abs(dy))
                        set(x: cx + dx, y: cy + dy, dark: ring != 2 && ring != 4)
                    }
                }
            }
            let centres = QRCode.alignmentCentres(version: version)
            for (i, cx) in centres.enumerated() {
                for (j, cy) in centres.enumerated() {
                    let last = centres.count - 1
                    if (i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0) { continue }
                    for dy in -2...2 {
                        for dx in -2...2 { set(x: cx + dx, y: cy + dy, dark: max(abs(dx), abs(dy)) != 1) }
                    }
                }
            }
            // The format and version areas, and the always-dark module above the lower-left finder, are held light
            // here; they are written once a mask is tried, since the format information names the mask.
            for index in 0...8 where index != 6 {
                set(x: 8, y: index, dark: false)
                set(x: index, y: 8, dark: false)
            }
            for index in 0..<8 {
                set(x: 8, y: size - 1 - index, dark: false)
                set(x: size - 1 - index, y: 8, dark: false)
            }
            if version >= 7 {
                for a in 0..<6 {
                    for b in (size - 11)..<(size - 8) {
                        set(x: b, y: a, dark: false)
                        set(x: a, y: b, dark: false)
                    }
                }
            }
        }

        func isDark(x: Int, y: Int) -> Bool { dark[y * size + x] }

        private mutating func set(x: Int, y: Int, dark value: Bool) {
            dark[y * size + x] = value
            reserved[y * size + x] = true
        }

        /// Places the codewords most significant bit first in two-module columns, upward and downward in turn from
        /// the right, stepping over the vertical timing column (7.7.3). Modules left over are remainder bits, zero.
        mutating func place(_ codewords: [UInt8]) {
            var bit = 0
            var right = size - 1
            while right >= 1 {
                if right == 6 { right = 5 }
                let upward = (right + 1) & 2 == 0
                for step in 0..<size {
                    let y = upward ? size - 1 - step : step
                    for x in [right, right - 1] where !reserved[y * size + x] {
                        let codeword = bit / 8
                        dark[y * size + x] = codeword < codewords.count && codewords[codeword] >> (7 - bit % 8) & 1 == 1
                        bit += 1
                    }
                }
                right -= 2
            }
            assert(bit - codewords.count * 8 < 8, "codewords do not match the modules available")
        }

        /// A copy with the mask pattern applied to the data modules (7.8.2); x is the column and y the row.
        private func masked(_ mask: Int) -> Grid {
            var copy = self
            for y in 0..<size {
                for x in 0..<size where !reserved[y * size + x] {
                    let flip = switch mask {
                    case 0: (x + y) % 2 == 0
                    case 1: y % 2 == 0
                    case 2: x % 3 == 0
                    case 3: (x + y) % 3 == 0
                    case 4: (y / 2 + x / 3) % 2 == 0
                    case 5: x * y % 2 + x * y % 3 == 0
                    case 6: (x * y % 2 + x * y % 3) % 2 == 0
                    default: ((x + y) % 2 + x * y % 3) % 2 == 0
                    }
                    if flip { copy.dark[y * size + x].toggle() }
                }
            }
            return copy
        }

        /// Each candidate is scored as the finished symbol, format and version information included: 7.8.3.1 says
        /// the area evaluated is the complete symbol, though only the encoding region is masked. (segno and
        /// python-qrcode score with those areas blank, so they sometimes pick another mask; Nayuki's qrcodegen follows
        /// the standard here.) Ties go to the lower pattern number, so the same text always gives the same code.
        func lowestPenaltyMask(errorCorrection: ErrorCorrection) -> Int {
            let penalties = (0...7).map { finished(mask: $0, errorCorrection: errorCorrection).penalty() }
            return penalties.indices.min { penalties[$0] < penalties[$1] }!
        }

        func finished(mask: Int, errorCorrection: ErrorCorrection) -> Grid {
            var grid = masked(mask)
            grid.drawFormatAndVersion(errorCorrection: errorCorrection, mask: mask)
            return grid
        }

        /// The penalty of 7.8.3.1 (Table 11), which the chosen mask minimises: runs of five or more alike, 2×2 blocks
        /// alike, finder-like patterns, and imbalance of dark and light. Where the table is open to more than one
        /// reading this follows Nayuki's qrcodegen, so that our choice can be checked against a published encoder.
        func penalty() -> Int {
            var score = 0
            for index in 0..<size {
                score += Self.linePenalty((0..<size).map { isDark(x: $0, y: index) })
                score += Self.linePenalty((0..<size).map { isDark(x: index, y: $0) })
            }
            for y in 0..<(size - 1) {
                for x in 0..<(size - 1) {
                    let colour = isDark(x: x, y: y)
                    if isDark(x: x + 1, y: y) == colour && isDark(x: x, y: y + 1) == colour
                        && isDark(x: x + 1, y: y + 1) == colour {
                        score += 3
                    }
                }
            }
            // 10 points for each 5% step away from half dark: the smallest k with the share of dark modules within
            // (50 ± 5(k + 1))%. The size is odd, so the share is never exactly half.
            let darkCount = dark.reduce(0) { $0 + ($1 ? 1 : 0) }
            let total = size * size
            score += 10 * ((abs(darkCount * 20 - total * 10) + total - 1) / total - 1)
            return score
        }

        /// Runs of five or more alike along one row or column, and finder-like runs in the ratio 1:1:3:1:1 (at any
        /// scale n) with light of at least 4n on one side and n on the other; a pattern with 4n of light on both sides
        /// scores twice. Beyond the edge is the quiet zone, which is light.
        private static func linePenalty(_ line: [Bool]) -> Int {
            // Run lengths, light and dark in turn, beginning and ending with a light run that may be empty.
            var runs = [0]
            for module in line {
                if module == runs.count.isMultiple(of: 2) {
                    runs[runs.count - 1] += 1
                } else {
                    runs.append(1)
                }
            }
            if runs.count.isMultiple(of: 2) { runs.append(0) }

            var score = 0
            for run in runs where run >= 5 { score += 3 + (run - 5) }

            // The quiet zone is at least 4 modules; the symbol's size stands in for it as longer than any 4n here.
            runs[0] += line.count
            runs[runs.count - 1] += line.count
            for first in stride(from: 1, to: runs.count - 5, by: 2) {
                let n = runs[first]
                guard runs[first + 1] == n, runs[first + 2] == 3 * n, runs[first + 3] == n, runs[first + 4] == n else {
                    continue
                }
                let before = runs[first - 1]
                let after = runs[first + 5]
                if before >= 4 * n && after >= n { score += 40 }
                if after >= 4 * n && before >= n { score += 40 }
            }
            return score
        }

        /// Format information twice (around the upper-left finder, and split between the other two) and, from
        /// version 7, version information twice (7.9, 7.10). Bit 0 is the least significant.
        private mutating func drawFormatAndVersion(errorCorrection: ErrorCorrection, mask: Int) {
            let format = QRCode.formatBits(errorCorrection: errorCorrection, mask: mask)
            func bit(_ value: Int, _ index: Int) -> Bool { value >> index & 1 == 1 }
            for index in 0...5 { set(x: 8, y: index, dark: bit(format, index)) }
            set(x: 8, y: 7, dark: bit(format, 6))
            set(x: 8, y: 8, dark: bit(format, 7))
            set(x: 7, y: 8, dark: bit(format, 8))
            for index in 9..<15 { set(x: 14 - index, y: 8, dark: bit(format, index)) }
            for index in 0..<8 { set(x: size - 1 - index, y: 8, dark: bit(format, index)) }
            for index in 8..<15 { set(x: 8, y: size - 15 + index, dark: bit(format, index)) }
            set(x: 8, y: size - 8, dark: true)

            guard version >= 7 else { return }
            let versionInfo = QRCode.versionBits(version: version)
            for index in 0..<18 {
                let along = size - 11 + index % 3
                let across = index / 3
                set(x: along, y: across, dark: bit(versionInfo, index))
                set(x: across, y: along, dark: bit(versionInfo, index))
            }
        }
    }
}
