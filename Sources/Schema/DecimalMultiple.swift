/// `multipleOf` for decimal numbers. Binary floating point cannot divide `0.0075` by
/// `0.0001` exactly, so both numbers are read back as the shortest decimal that gives the
/// same double (what the writer wrote) and divided exactly as decimal integers.
enum DecimalMultiple {
    /// Whether `value` is an integer multiple of `divisor` (> 0).
    static func isMultiple(_ value: Double, of divisor: Double) -> Bool {
        guard value.isFinite, divisor.isFinite, divisor > 0 else { return false }
        if value == 0 { return true }
        let quotient = value / divisor
        guard quotient.isFinite else { return false }
        if let a = decimal(value), let b = decimal(divisor) {
            return divides(a, b)
        }
        return quotient == quotient.rounded()
    }

    /// Integers exactly; doubles through their decimal form.
    static func isMultiple(_ value: Int, of divisor: Double) -> Bool {
        if divisor == divisor.rounded(), abs(divisor) < 9e18 {
            let d = Int(divisor)
            return d > 0 && value % d == 0
        }
        return isMultiple(Double(value), of: divisor)
    }

    /// How many decimals a step has (0.01: 2; 5: 0).
    static func decimals(of step: Double) -> Int {
        guard var d = decimal(step) else { return Int.max }
        // "5.0" reads as 50 × 10^-1.
        while d.exponent < 0, d.mantissa % 10 == 0, d.mantissa > 0 { d.mantissa /= 10; d.exponent += 1 }
        return max(0, -d.exponent)
    }

    /// How many decimals a number is written with, its exponent counted (`1.800`: 3,
    /// `12.5`: 1, `1.25e1`: 1, `1800`: 0).
    static func decimals(written text: String) -> Int {
        var decimals = 0
        var afterPoint = false
        var exponent = 0
        var rest = text.utf8[...]
        while let c = rest.first {
            rest = rest.dropFirst()
            if c == UInt8(ascii: "e") || c == UInt8(ascii: "E") {
                exponent = Int(String(decoding: rest, as: UTF8.self).replacingOccurrences(of: "+", with: "")) ?? 0
                break
            }
            if c == UInt8(ascii: ".") { afterPoint = true } else if afterPoint { decimals += 1 }
        }
        return max(0, decimals - exponent)
    }

    /// A plain decimal as written (`25.555`) rounded half away from zero to `places`
    /// decimals (`25.56`), as it would be written; nil for another form (an exponent, a
    /// sign other than '-') or more than 18 digits.
    static func rounded(_ text: String, places: Int) -> String? {
        var s = Substring(text)
        let negative = s.first == "-"
        if negative { s = s.dropFirst() }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, places >= 0,
              parts.allSatisfy({ $0.utf8.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } }) else { return nil }
        let fraction = Array(parts[1].utf8)
        guard fraction.count > places else { return text }
        let kept = String(parts[0]) + String(decoding: fraction.prefix(places), as: UTF8.self)
        guard kept.count <= 18, var n = UInt64(kept) else { return nil }
        if fraction[places] >= UInt8(ascii: "5") { n += 1 }
        var digits = String(n)
        if digits.count <= places { digits = String(repeating: "0", count: places + 1 - digits.count) + digits }
        let cut = digits.index(digits.endIndex, offsetBy: -places)
        return (negative ? "-" : "") + digits[..<cut] + (places > 0 ? "." + digits[cut...] : "")
    }

    /// A decimal `mantissa × 10^exponent` with a mantissa below 10^18.
    struct Decimal {
        var mantissa: UInt64
        var exponent: Int
    }

    /// Reads Swift's shortest round-trip form of `d` (`0.0075`, `1e-05`, `1.5e+300`).
    static func decimal(_ d: Double) -> Decimal? {
        let text = String(abs(d))
        var mantissa: UInt64 = 0
        var exponent = 0
        var digits = 0
        var afterPoint = false
        var chars = text.utf8[...]
        while let c = chars.first, c != UInt8(ascii: "e"), c != UInt8(ascii: "E") {
            chars = chars.dropFirst()
            if c == UInt8(ascii: ".") { afterPoint = true; continue }
            guard let digit = Formats.digit(c) else { return nil }
            if mantissa == 0 && digit == 0 {
                if afterPoint { exponent -= 1 }
                continue
            }
            guard digits < 18 else { return nil }
            mantissa = mantissa * 10 + UInt64(digit)
            digits += 1
            if afterPoint { exponent -= 1 }
        }
        if chars.first != nil {
            chars = chars.dropFirst()
            guard let e = Int(String(decoding: chars, as: UTF8.self)) else { return nil }
            exponent += e
        }
        return Decimal(mantissa: mantissa, exponent: exponent)
    }

    /// Whether `a / b` is an integer.
    static func divides(_ a: Decimal, _ b: Decimal) -> Bool {
        if a.mantissa == 0 { return true }
        guard b.mantissa != 0 else { return false }
        let shift = a.exponent - b.exponent
        if shift >= 0 {
            // a.m × 10^shift ≡ 0 (mod b.m)
            return mulMod(a.mantissa % b.mantissa, powMod(10, shift, b.mantissa), b.mantissa) == 0
        }
        // a.m must be divisible by b.m × 10^(-shift).
        var divisor = b.mantissa
        for _ in 0..<(-shift) {
            let (next, overflow) = divisor.multipliedReportingOverflow(by: 10)
            if overflow || next > a.mantissa { return false }
            divisor = next
        }
        return a.mantissa % divisor == 0
    }

    static func mulMod(_ x: UInt64, _ y: UInt64, _ m: UInt64) -> UInt64 {
        let product = x.multipliedFullWidth(by: y)
        return m.dividingFullWidth((product.high, product.low)).remainder
    }

    static func powMod(_ base: UInt64, _ exponent: Int, _ m: UInt64) -> UInt64 {
        if m == 1 { return 0 }
        var result: UInt64 = 1
        var b = base % m
        var e = exponent
        while e > 0 {
            if e & 1 == 1 { result = mulMod(result, b, m) }
            b = mulMod(b, b, m)
            e >>= 1
        }
        return result
    }
}
