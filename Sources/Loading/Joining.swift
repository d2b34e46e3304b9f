extension String {
    /// `a + b + c + d + e + f`, made at once: the total length first, then each part's bytes
    /// copied into one new string. An interpolation or a chain of `+` grows the string at
    /// each part (an append cost some 390 instructions), and the open data makes hundreds
    /// of thousands of identifiers so at 947 municipalities (issue 13).
    public init(joining a: String, _ b: String, _ c: String = "", _ d: String = "", _ e: String = "", _ f: String = "") {
        let count = a.utf8.count + b.utf8.count + c.utf8.count + d.utf8.count + e.utf8.count + f.utf8.count
        self.init(unsafeUninitializedCapacity: count) { out in
            var o = 0
            func put(_ s: String) {
                let copied = s.utf8.withContiguousStorageIfAvailable { b -> Bool in
                    guard let base = b.baseAddress, b.count > 0 else { return true }
                    UnsafeMutableRawPointer(out.baseAddress! + o).copyMemory(from: base, byteCount: b.count)
                    o += b.count
                    return true
                }
                if copied == nil {
                    for byte in s.utf8 {
                        out[o] = byte
                        o += 1
                    }
                }
            }
            put(a); put(b); put(c); put(d); put(e); put(f)
            return o
        }
    }
}
