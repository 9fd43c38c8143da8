// The fixed numbers of ISO/IEC 18004:2015 that the encoder needs for versions 1 to 10. Only these versions are kept:
// an enrolment URI is under 200 bytes, and a larger table would be more to check for no use.

extension QRCode {
    static let versions = 1...10

    /// How one version and level split their codewords into Reed-Solomon blocks (ISO/IEC 18004 Table 9). The
    /// standard gives two groups; blocks of the second group always hold one data codeword more than those of the
    /// first, so that is not written down again.
    struct BlockStructure: Sendable {
        let errorCorrectionPerBlock: Int
        let shortBlocks: Int
        let shortBlockData: Int
        let longBlocks: Int

        init(_ errorCorrectionPerBlock: Int, _ shortBlocks: Int, _ shortBlockData: Int, _ longBlocks: Int = 0) {
            self.errorCorrectionPerBlock = errorCorrectionPerBlock
            self.shortBlocks = shortBlocks
            self.shortBlockData = shortBlockData
            self.longBlocks = longBlocks
        }

        /// Data codewords of each block in order, short blocks first, as the interleaving requires.
        var dataPerBlock: [Int] {
            Array(repeating: shortBlockData, count: shortBlocks)
                + Array(repeating: shortBlockData + 1, count: longBlocks)
        }

        var dataCodewords: Int { shortBlocks * shortBlockData + longBlocks * (shortBlockData + 1) }
        var totalCodewords: Int { dataCodewords + (shortBlocks + longBlocks) * errorCorrectionPerBlock }
    }

    /// Indexed by version - 1, then by level in the order L, M, Q, H. Each entry: error correction codewords per block,
    /// the number of short blocks and their data codewords, then the number of long blocks.
    private static let blockTable: [[BlockStructure]] = [
        /*  1 */ [.init(7, 1, 19), .init(10, 1, 16), .init(13, 1, 13), .init(17, 1, 9)],
        /*  2 */ [.init(10, 1, 34), .init(16, 1, 28), .init(22, 1, 22), .init(28, 1, 16)],
        /*  3 */ [.init(15, 1, 55), .init(26, 1, 44), .init(18, 2, 17), .init(22, 2, 13)],
        /*  4 */ [.init(20, 1, 80), .init(18, 2, 32), .init(26, 2, 24), .init(16, 4, 9)],
        /*  5 */ [.init(26, 1, 108), .init(24, 2, 43), .init(18, 2, 15, 2), .init(22, 2, 11, 2)],
        /*  6 */ [.init(18, 2, 68), .init(16, 4, 27), .init(24, 4, 19), .init(28, 4, 15)],
        /*  7 */ [.init(20, 2, 78), .init(18, 4, 31), .init(18, 2, 14, 4), .init(26, 4, 13, 1)],
        /*  8 */ [.init(24, 2, 97), .init(22, 2, 38, 2), .init(22, 4, 18, 2), .init(26, 4, 14, 2)],
        /*  9 */ [.init(30, 2, 116), .init(22, 3, 36, 2), .init(20, 4, 16, 4), .init(24, 4, 12, 4)],
        /* 10 */ [.init(18, 2, 68, 2), .init(26, 4, 43, 1), .init(24, 6, 19, 2), .init(28, 6, 15, 2)],
    ]

    static func blocks(version: Int, errorCorrection: ErrorCorrection) -> BlockStructure {
        let level = switch errorCorrection {
        case .low: 0
        case .medium: 1
        case .quartile: 2
        case .high: 3
        }
        return blockTable[version - 1][level]
    }

    /// Byte mode spends its count field in 8 bits up to version 9 and 16 bits from version 10, which is why version 10
    /// holds fewer bytes than its data codewords alone suggest.
    static func characterCountBits(version: Int) -> Int {
        version <= 9 ? 8 : 16
    }

    /// Bytes of text that fit: the data codewords less the 4-bit mode indicator and the count field.
    static func byteCapacity(version: Int, errorCorrection: ErrorCorrection) -> Int {
        let dataBits = blocks(version: version, errorCorrection: errorCorrection).dataCodewords * 8
        return (dataBits - 4 - characterCountBits(version: version)) / 8
    }

    /// Centre rows and columns of the alignment patterns (ISO/IEC 18004 Annex E); every pairing is a pattern except
    /// the three that would sit on the finders.
    static func alignmentCentres(version: Int) -> [Int] {
        switch version {
        case 1: []
        case 2: [6, 18]
        case 3: [6, 22]
        case 4: [6, 26]
        case 5: [6, 30]
        case 6: [6, 34]
        case 7: [6, 22, 38]
        case 8: [6, 24, 42]
        case 9: [6, 26, 46]
        default: [6, 28, 50]
        }
    }

    /// The 15 format bits (ISO/IEC 18004 7.9): level and mask, a BCH(15,5) check so a reader can correct misread
    /// bits, then the fixed XOR so that no valid format is all light.
    static func formatBits(errorCorrection: ErrorCorrection, mask: Int) -> Int {
        let level = switch errorCorrection {
        case .low: 0b01
        case .medium: 0b00
        case .quartile: 0b11
        case .high: 0b10
        }
        let data = level << 3 | mask
        return (data << 10 | bchRemainder(data, generator: 0x537, checkBits: 10)) ^ 0x5412
    }

    /// The 18 version bits (ISO/IEC 18004 7.10, versions 7 and up): the version and a BCH(18,6) check.
    static func versionBits(version: Int) -> Int {
        version << 12 | bchRemainder(version, generator: 0x1F25, checkBits: 12)
    }

    private static func bchRemainder(_ data: Int, generator: Int, checkBits: Int) -> Int {
        var remainder = data << checkBits
        for bit in stride(from: 5 + checkBits, through: checkBits, by: -1) {
            if remainder >> bit & 1 == 1 {
                remainder ^= generator << (bit - checkBits)
            }
        }
        return remainder
    }
}
