// Reed-Solomon error correction as QR codes use it (ISO/IEC 18004 7.5), and the interleaving of blocks (7.6).

extension QRCode {
    /// Arithmetic in GF(2^8) modulo x^8 + x^4 + x^3 + x^2 + 1 (0x11D), the field the standard fixes. Multiplication
    /// goes through logarithm tables built once, since every codeword of every block needs one per check codeword.
    enum GaloisField {
        /// exp[i] = α^i for i in 0..<255, repeated once so that exp[log a + log b] needs no reduction mod 255.
        static let exp: [UInt8] = {
            var table = [UInt8](repeating: 0, count: 510)
            var value = 1
            for power in 0..<255 {
                table[power] = UInt8(value)
                table[power + 255] = UInt8(value)
                value <<= 1
                if value & 0x100 != 0 { value ^= 0x11D }
            }
            return table
        }()

        static let log: [Int] = {
            var table = [Int](repeating: 0, count: 256)
            for power in 0..<255 { table[Int(exp[power])] = power }
            return table
        }()

        static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
            if a == 0 || b == 0 { return 0 }
            return exp[log[Int(a)] + log[Int(b)]]
        }
    }

    /// The generator polynomial (x - α^0)(x - α^1)…(x - α^(degree-1)), highest power first; its leading 1 is left
    /// out because the division below never needs it.
    static func generatorPolynomial(degree: Int) -> [UInt8] {
        var coefficients = [UInt8](repeating: 0, count: degree)
        coefficients[degree - 1] = 1
        var root: UInt8 = 1
        for _ in 0..<degree {
            // Multiply by (x + root): shift up one power, then add root times the old polynomial.
            for index in 0..<degree {
                coefficients[index] = GaloisField.multiply(coefficients[index], root)
                if index + 1 < degree { coefficients[index] ^= coefficients[index + 1] }
            }
            root = GaloisField.multiply(root, 0x02)
        }
        return coefficients
    }

    /// The check codewords of one block: the remainder of data × x^degree divided by the generator.
    static func errorCorrection(for data: [UInt8], generator: [UInt8]) -> [UInt8] {
        var remainder = [UInt8](repeating: 0, count: generator.count)
        for byte in data {
            let factor = byte ^ remainder[0]
            remainder.removeFirst()
            remainder.append(0)
            for index in remainder.indices {
                remainder[index] ^= GaloisField.multiply(generator[index], factor)
            }
        }
        return remainder
    }

    /// The codeword sequence as placed in the symbol: the data split into blocks, each block's check codewords, then
    /// both interleaved column by column so that a smudge across the symbol costs each block only a few codewords.
    static func finalCodewords(data: [UInt8], blocks structure: BlockStructure) -> [UInt8] {
        let generator = generatorPolynomial(degree: structure.errorCorrectionPerBlock)
        var dataBlocks: [[UInt8]] = []
        var start = 0
        for length in structure.dataPerBlock {
            dataBlocks.append(Array(data[start..<start + length]))
            start += length
        }
        precondition(start == data.count, "data codewords do not fill the blocks")
        let checkBlocks = dataBlocks.map { errorCorrection(for: $0, generator: generator) }

        var result: [UInt8] = []
        result.reserveCapacity(structure.totalCodewords)
        for column in 0..<(structure.shortBlockData + 1) {
            for block in dataBlocks where column < block.count {
                result.append(block[column])
            }
        }
        for column in 0..<structure.errorCorrectionPerBlock {
            for block in checkBlocks {
                result.append(block[column])
            }
        }
        return result
    }
}
