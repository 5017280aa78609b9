extension String {
    /// A string of `scalars`, encoded straight into its storage: one allocation (none for a
    /// short string), where appending scalars to a `String.UnicodeScalarView` one by one is
    /// several times slower.
    public init(scalars: UnsafeBufferPointer<Unicode.Scalar>) {
        self.init(unsafeUninitializedCapacity: scalars.count * 4) { utf8 in
            var n = 0
            for s in scalars {
                let v = s.value
                if v < 0x80 {
                    utf8[n] = UInt8(v); n += 1
                } else if v < 0x800 {
                    utf8[n] = UInt8(0xC0 | v >> 6); utf8[n + 1] = UInt8(0x80 | v & 0x3F); n += 2
                } else if v < 0x10000 {
                    utf8[n] = UInt8(0xE0 | v >> 12); utf8[n + 1] = UInt8(0x80 | v >> 6 & 0x3F)
                    utf8[n + 2] = UInt8(0x80 | v & 0x3F); n += 3
                } else {
                    utf8[n] = UInt8(0xF0 | v >> 18); utf8[n + 1] = UInt8(0x80 | v >> 12 & 0x3F)
                    utf8[n + 2] = UInt8(0x80 | v >> 6 & 0x3F); utf8[n + 3] = UInt8(0x80 | v & 0x3F); n += 4
                }
            }
            return n
        }
    }
}
