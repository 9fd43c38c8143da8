@testable import CustodesServer
import Testing

/// The encoder against published encoders, module by module. The reference matrices at the end of this file are
/// printed by scripts/qr-reference.py from Nayuki's qrcodegen, and each forced-mask one was checked there against
/// python-qrcode as well, so a difference here is ours to explain.
@Suite("QR code")
struct QRCodeTests {
    static let otpauth = "otpauth://totp/Custodes:analyst.demo?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Custodes"
    static let long = "otpauth://totp/Custodes%20Professional%20Standards:analyst.demo"
        + "?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=Custodes&algorithm=SHA1&digits=6&period=30"

    /// Every module that differs, as "(x, y)", so a failure says where rather than only that the symbols differ.
    static func differences(_ code: QRCode, _ reference: [String]) -> [String] {
        guard code.size == reference.count else { return ["size \(code.size), reference \(reference.count)"] }
        var found: [String] = []
        for (y, row) in reference.enumerated() {
            for (x, module) in row.enumerated() where code.isDark(x: x, y: y) != (module == "#") {
                found.append("(\(x), \(y))")
            }
        }
        return found
    }

    @Test("a short string is version 1 and matches the reference at level M, mask 2")
    func shortString() throws {
        let code = try QRCode(text: "Custodes", errorCorrection: .medium, mask: 2)
        #expect(code.version == 1 && code.size == 21)
        #expect(Self.differences(code, QRReference.short) == [])
    }

    @Test("level Q, and level H with multi-byte UTF-8, match the reference")
    func otherLevels() throws {
        let quartile = try QRCode(text: "Custodes", errorCorrection: .quartile, mask: 4)
        #expect(quartile.version == 1)
        #expect(Self.differences(quartile, QRReference.shortQuartile) == [])
        let high = try QRCode(text: "Zoë – Custodes", errorCorrection: .high, mask: 7)
        #expect(high.version == 3)
        #expect(Self.differences(high, QRReference.utf8High) == [])
    }

    @Test("an otpauth enrolment URI matches the reference at level M, mask 5")
    func enrolmentURI() throws {
        let code = try QRCode(text: Self.otpauth, mask: 5)
        #expect(code.version == 6)
        #expect(Self.differences(code, QRReference.otpauth) == [])
    }

    @Test("a 153-byte URI is version 7, with version information, and matches the reference at level L, mask 6")
    func versionInformation() throws {
        #expect(Self.long.utf8.count == 153)
        let code = try QRCode(text: Self.long, errorCorrection: .low, mask: 6)
        #expect(code.version == 7 && code.size == 45)
        #expect(Self.differences(code, QRReference.long) == [])
    }

    @Test("the automatic mask is the one the reference encoder chooses, and so is the whole symbol")
    func automaticMask() throws {
        let code = try QRCode(text: Self.otpauth)
        #expect(code.mask == 2)
        #expect(Self.differences(code, QRReference.otpauthAutomatic) == [])
    }

    @Test("the automatic mask agrees with the reference across versions 1 to 10 and all four levels")
    func automaticMaskAcrossVersions() throws {
        for choice in QRReference.choices {
            let text = String(decoding: QRReference.filler.utf8.prefix(choice.bytes), as: UTF8.self)
            let code = try QRCode(text: text, errorCorrection: choice.level)
            #expect(code.version == choice.version, "\(choice)")
            #expect(code.mask == choice.mask, "\(choice)")
        }
    }

    @Test("byte capacities are those of ISO/IEC 18004 Table 7, and the blocks fill each symbol exactly")
    func capacities() {
        let expected: [QRCode.ErrorCorrection: [Int]] = [
            .low: [17, 32, 53, 78, 106, 134, 154, 192, 230, 271],
            .medium: [14, 26, 42, 62, 84, 106, 122, 152, 180, 213],
            .quartile: [11, 20, 32, 46, 60, 74, 86, 108, 130, 151],
            .high: [7, 14, 24, 34, 44, 58, 64, 84, 98, 119],
        ]
        let totalCodewords = [26, 44, 70, 100, 134, 172, 196, 242, 292, 346]
        for level in QRCode.ErrorCorrection.allCases {
            for version in QRCode.versions {
                #expect(QRCode.byteCapacity(version: version, errorCorrection: level) == expected[level]![version - 1])
                #expect(QRCode.blocks(version: version, errorCorrection: level).totalCodewords
                        == totalCodewords[version - 1])
            }
        }
    }

    @Test("format and version bits are those of ISO/IEC 18004 Annexes C and D")
    func formatAndVersionBits() {
        #expect(QRCode.formatBits(errorCorrection: .medium, mask: 0) == 0x5412)
        #expect(QRCode.formatBits(errorCorrection: .low, mask: 0) == 0x77C4)
        #expect(QRCode.formatBits(errorCorrection: .high, mask: 7) == 0x083B)
        #expect(QRCode.versionBits(version: 7) == 0x07C94)
        #expect(QRCode.versionBits(version: 10) == 0x0A4D3)
    }

    @Test("text that does not fit version 10 is refused with its length and the limit")
    func tooLong() throws {
        #expect(throws: QRCode.Error.tooLong(bytes: 400, capacity: 213)) {
            try QRCode(text: String(repeating: "a", count: 400))
        }
        #expect(try QRCode(text: String(repeating: "a", count: 213)).version == 10)
        // The limit is in bytes of UTF-8, not characters.
        #expect(throws: QRCode.Error.tooLong(bytes: 214, capacity: 213)) {
            try QRCode(text: String(repeating: "é", count: 107))
        }
    }

    @Test("the SVG is labelled by its escaped title, carries no style or script, and its path draws the symbol")
    func svg() throws {
        let code = try QRCode(text: Self.otpauth)
        let svg = code.svg(moduleSize: 4, quietZone: 4, title: "Scan with <your> authenticator & \"enrol\"")
        #expect(svg.hasPrefix("<svg ") && svg.hasSuffix("</svg>"))
        #expect(svg.contains("role=\"img\""))
        #expect(svg.contains("aria-labelledby=\"qr-code-title\""))
        #expect(svg.contains(
            "<title id=\"qr-code-title\">Scan with &lt;your&gt; authenticator &amp; &quot;enrol&quot;</title>"))
        let extent = code.size + 8
        #expect(svg.contains("viewBox=\"0 0 \(extent) \(extent)\" width=\"\(extent * 4)\" height=\"\(extent * 4)\""))
        #expect(svg.contains("<rect width=\"\(extent)\" height=\"\(extent)\" fill=\"#fff\"/>"))
        for forbidden in ["style=", "<style", "<script", "href", "url(", "<image"] {
            #expect(!svg.contains(forbidden), "\(forbidden)")
        }
        #expect(svg.ranges(of: "<path").count == 1)

        // Redraw the modules from the path's runs ("Mx yhNv1h-Nz") and compare with the symbol.
        let start = try #require(svg.firstRange(of: " d=\"")).upperBound
        let path = svg[start...].prefix { $0 != "\"" }
        var drawn = Set<[Int]>()
        var runs = 0
        for run in path.split(separator: "z") {
            let numbers = run.split(whereSeparator: { "Mhv ".contains($0) }).compactMap { Int($0) }
            try #require(numbers.count == 5 && numbers[3] == 1 && numbers[4] == -numbers[2], "\(run)")
            for x in numbers[0]..<(numbers[0] + numbers[2]) { drawn.insert([x - 4, numbers[1] - 4]) }
            runs += 1
        }
        var dark = Set<[Int]>()
        var expectedRuns = 0
        for y in 0..<code.size {
            for x in 0..<code.size where code.isDark(x: x, y: y) {
                dark.insert([x, y])
                if x == 0 || !code.isDark(x: x - 1, y: y) { expectedRuns += 1 }
            }
        }
        #expect(drawn == dark)
        // Runs along a row are merged: one subpath per maximal run.
        #expect(runs == expectedRuns)
    }
}

enum QRReference {
    /// Version 1, level medium, mask 2.
    static let short: [String] = [
        "#######..###..#######",
        "#.....#....##.#.....#",
        "#.###.#.##.#..#.###.#",
        "#.###.#.#.#...#.###.#",
        "#.###.#.#.###.#.###.#",
        "#.....#.#...#.#.....#",
        "#######.#.#.#.#######",
        "........#.###........",
        "#.#####...#.#.#####..",
        ".....#.##.#.#...#####",
        "...#########.##..###.",
        ".#.#.#....#......####",
        "#.#.#.######.....#...",
        "........##.######.#..",
        "#######...#.#.#..#.#.",
        "#.....#.#..#####.##..",
        "#.###.#.###.#....#..#",
        "#.###.#.##..#..####..",
        "#.###.#.#.##.#....#..",
        "#.....#.........###..",
        "#######.##.#.#..#..#.",
    ]

    /// Version 1, level quartile, mask 4.
    static let shortQuartile: [String] = [
        "#######..##...#######",
        "#.....#..#....#.....#",
        "#.###.#.##.##.#.###.#",
        "#.###.#...###.#.###.#",
        "#.###.#.#...#.#.###.#",
        "#.....#.##....#.....#",
        "#######.#.#.#.#######",
        ".........####........",
        ".#..#.#.##..##.##.#..",
        "#.###.....##.######..",
        "###.#.#.#...###.#..#.",
        ".###...###.#....#..##",
        "#...#.##.###.###.#.##",
        "........#####...#.###",
        "#######..####.#.#.##.",
        "#.....#...#..####....",
        "#.###.#.##..####.#.#.",
        "#.###.#..##.###.#####",
        "#.###.#..##.##..##...",
        "#.....#.#####........",
        "#######..###..###...#",
    ]

    /// Version 3, level high, mask 7.
    static let utf8High: [String] = [
        "#######.#######.#...#.#######",
        "#.....#.####...#.##.#.#.....#",
        "#.###.#...#.....##....#.###.#",
        "#.###.#.#.###.#...###.#.###.#",
        "#.###.#.#..##...##....#.###.#",
        "#.....#.#.##.##..###..#.....#",
        "#######.#.#.#.#.#.#.#.#######",
        ".........###...#...#.........",
        "...#..#....#.....#.....###.##",
        "..##....######...#.###..#.###",
        ".##.#.##.....#.##...#......#.",
        "###.##.#..#...#####..####.###",
        "#######...#..#.#..###........",
        ".##..#..##.#.#..###.###.####.",
        "###.#####.#.#.....#...#######",
        "#...#..#...##....#.#...#..##.",
        "####..##.###.#.#..##....####.",
        ".#.##..#..##..##.####.....#..",
        "#.#..####.##...####...##..###",
        "..#....#........###..###.#..#",
        "#.#######.#...#..##.#####.#.#",
        "........##.#..##..###...##..#",
        "#######..###.#.##.#.#.#.#..#.",
        "#.....#..#.#....#####...##..#",
        "#.###.#...##....#.#.#####...#",
        "#.###.#.##.#####...###.###..#",
        "#.###.#..#.#......#..#####..#",
        "#.....#...#.#..#...#..#.#..#.",
        "#######...#####..#....#....#.",
    ]

    /// Version 6, level medium, mask 5.
    static let otpauth: [String] = [
        "#######..##.#....##.....##.#...#..#######",
        "#.....#.#..#.#.##.#..##......#....#.....#",
        "#.###.#.###.....#..##..##.###..#..#.###.#",
        "#.###.#.#.##.#.#..#.#..##.#..#..#.#.###.#",
        "#.###.#..####..###..##....#.#####.#.###.#",
        "#.....#..###.#...##.#.#.#...##..#.#.....#",
        "#######.#.#.#.#.#.#.#.#.#.#.#.#.#.#######",
        "........#.#..#..#.##...##..#....#........",
        "#.....#.###.####.#..#.##.#.#####.##..###.",
        "#......##.#.##.#..###.##..##.#########...",
        "#.#...##.#......#...#....#.#.#...#..###..",
        "...###..##....#...##...##...#..#.##.##.#.",
        ".#...##.......#..#.###.#...##.#.#.##....#",
        "####...##.######.#..#.#.#...#..####.####.",
        "##.##.##..#....#..##.........##.....#....",
        "..#.##..#..##.#....#....#.##.....######.#",
        "#..####.#.#.##..##.#.##.#.#........#.####",
        "##..##.###.####..#.#..#..#..#...#####...#",
        ".##..##.#######.#..######..#.#.##...###.#",
        "....##..#..#.#.####...#.##.#..##..#.##.#.",
        "###..####.#...##....##..#.##.#.#....#..#.",
        "#.#..#...#..#..#..####...###.###...####..",
        "....#.###...#..#..#.#.#..#####..######...",
        "...#...##..#.#..#.....#...#.#...#..#.#...",
        ".#.##.##.#.##..#.........#.#...#..#.#....",
        ".#.##..####...#...###..#...###.#.#.###.##",
        ".####.####.#.##.#.#.#.....####.....#.....",
        ".####..##.........#........#....###.####.",
        "#...####.##.##......###.###..#.##..#.###.",
        "###..#.#.#..###...#...#...#....######.#..",
        "##..#.#.##..#.#.#.##.##.##.#...#..#...#.#",
        "#..#.#.##...#.#........#..##...#....##.#.",
        "#.######.##..##..#..####..###...#######..",
        "........######..#....#....###...#...#....",
        "#######..#.##.#...#...#.#..##...#.#.###..",
        "#.....#..#####.......#..#.#....##...#...#",
        "#.###.#..##.##...##..#...##.#..######....",
        "#.###.#....###.###..#..##.###....#.....#.",
        "#.###.#..##..#..#...###.##.##....####.#..",
        "#.....#...#.#...##.#..#....##.#..##.#.#.#",
        "#######.#..########...#..###.#.#.#..###..",
    ]

    /// Version 7, level low, mask 6.
    static let long: [String] = [
        "#######.#.###...##..#.#..###..#..#..#.#######",
        "#.....#...##..##.###...##........#.#..#.....#",
        "#.###.#.........#.#...#.#..#..#.##.#..#.###.#",
        "#.###.#..##..##...##...#######.###.##.#.###.#",
        "#.###.#..#####...#.#########..##.####.#.###.#",
        "#.....#...........#.#...#####.........#.....#",
        "#######.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#.#######",
        "........######....#.#...########.#.##........",
        "##.##.#...#....#.##.######.##....###..#.....#",
        ".....#..#.##...##...#.##.######..######.#....",
        "..##..###.#..###......#.###..#..###......####",
        "#####..#.#..#...##....#.#.....###..##...#.#..",
        ".#...#######.##...#.#..#....#.#.######..#.###",
        ".#.....##.#.#..#...##.#..######.##.##.#.#.###",
        "##..#.#.....###.....#######....##.#.#..#.##..",
        "#..###..#..####.#######...#..###.#..##.#.####",
        "##.#.###.#...##.#.########.#..###.#..#.....##",
        ".#..#..#.##...####..#..#.#..#.#..##.##.#.####",
        "##.##.#.##.##..#..#..#..#......###..#....##.#",
        ".#####.#.##...##..####....#.####...####..####",
        ".########.#....#.##.#######.###..########.#..",
        "#..##...#.....###...#...###.###..##.#...###.#",
        "#####.#.######....#.#.#.#......###..#.#.#.###",
        "#..##...#..#.####...#...##...###.####...#.#..",
        "..#.#########.##..#.#######.#...#########..##",
        "##.#...#.#.#.#........#.#.##.#####.....#.....",
        ".####.#......###.###...#.#####.#.#.....###...",
        "...##..#.###...####..####.##..#....#.##.#.##.",
        "..##.##.#.#..####.####..###..#..#.##.####..#.",
        "#.......##.##..###..##.###.#.##...#.#...#.##.",
        "##.####...#.#.#..#.####..#.##..##..##.#..##.#",
        "#.#....#.#...##..#####.####.#.#..#.....######",
        "#....###....##...##...##....##.#..#.....#....",
        "....#..###..##..##.#...#.##..##..#####.##.#..",
        "....#.#.#####.#.......##....##..#.######...##",
        ".####...##.##.##..#..##.####...#..##.#....##.",
        "#..##.#.###.#.#...#########.#.#.#..######.##.",
        "........#####.##...##...#.##.#####.##...#..##",
        "#######..#.#..#..####.#.###.#.###.###.#.#.#..",
        "#.....#...######..###...##.....#..###...#.##.",
        "#.###.#.#.#...#.#.#.#####.....#.#.#.#####...#",
        "#.###.#.#######.#..#######.#..##..#......###.",
        "#.###.#...#..##....##.#.##...#..##.#########.",
        "#.....#.###.#....#.#.##...###.#.#..####.#####",
        "#######.#####.....#..#.##.#.##...##..###.##..",
    ]

    /// Version 6, level medium, mask 2 (qrcodegen's own choice).
    static let otpauthAutomatic: [String] = [
        "#######..#.####.#.###.###.####..#.#######",
        "#.....#..#.#.#..#.#...#....#.#....#.....#",
        "#.###.#.###.....#..##..##.###..#..#.###.#",
        "#.###.#.##.#.##.#.#..####..###....#.###.#",
        "#.###.#.#####..###..##....#.#####.#.###.#",
        "#.....#.#.##.#.#.##.###.#..###..#.#.....#",
        "#######.#.#.#.#.#.#.#.#.#.#.#.#.#.#######",
        "........###..#.##.##.#.##.......#........",
        "#.#####..##.####.#..#.##.#.#####..#####..",
        "#.###..#.#..###.#.##.#.#....####...######",
        "#.#...##.#......#...#....#.#.#...#..###..",
        "....##..#.....##..##.#.##..##..#..#.##...",
        "..#.#.###.##.#..#....##..###.###.....##..",
        "###....########..#..###.#..##..##.#.###..",
        "##.##.##..#....#..##.........##.....#....",
        "...#.#...####..##..####.#...#...#..###.#.",
        "#..####.#.#.##..##.#.##.#.#........#.####",
        "##.###.##..#####.#.#.##..#.##...#.###..##",
        "....#.##.#..#....#...#..#####.....###....",
        "...###..##.#.#..###..##.##....##.##.##...",
        "###..####.#...##....##..#.##.#.#....#..#.",
        "#..###..#.#.#.#.#.##..#..#..##########.##",
        "....#.###...#..#..#.#.#..#####..######...",
        ".......###.#.#.##....##...###...##.#.#.#.",
        "..##.##.###.######.##.##..####..#..####.#",
        ".#..#..##.#...##..####.#....##.#...###..#",
        ".####.####.#.##.#.#.#.....####.....#.....",
        ".#.....#.##...###.#.###...#.#.......##..#",
        "#...####.##.##......###.###..#.##..#.###.",
        "####.#.#....####..#..##...##...##.###.##.",
        "#.#..###.#####...##.##.##.####..#..#.#...",
        "#....#.###..#.##.....#.#..#....#.#..##...",
        "#.######.##..##..#..####..###...#######..",
        "........#..#####....#.#.........#...#.###",
        "#######..#.##.#...#...#.#..##...#.#.###..",
        "#.....#.#.####.#........#.##...##...#..##",
        "#.###.#.##.##.#.#.######.....#..#######.#",
        "#.###.#.##.###..##..##.##.#.#............",
        "#.###.#.###..#..#...###.##.##....####.#..",
        "#.....#..#..#.##.#.###....#...#.#...#..#.",
        "#######.#..########...#..###.#.#.#..###..",
    ]

    /// Bytes of `filler` taken, level, then the version and mask qrcodegen chose.
    static let choices: [(bytes: Int, level: QRCode.ErrorCorrection, version: Int, mask: Int)] = [
        (10, .low, 1, 7),
        (30, .low, 2, 2),
        (50, .low, 3, 1),
        (100, .low, 5, 4),
        (150, .low, 7, 2),
        (250, .low, 10, 2),
        (14, .medium, 1, 4),
        (40, .medium, 3, 6),
        (80, .medium, 5, 4),
        (120, .medium, 7, 1),
        (200, .medium, 10, 2),
        (20, .quartile, 2, 6),
        (45, .quartile, 4, 2),
        (70, .quartile, 6, 2),
        (110, .quartile, 9, 2),
        (140, .quartile, 10, 2),
        (7, .high, 1, 1),
        (30, .high, 4, 2),
        (60, .high, 7, 7),
        (90, .high, 9, 6),
        (119, .high, 10, 6),
    ]

    static let filler = String(repeating: "Custodes enrolment check; ", count: 20)
}
