/// The scalars nearly every Chinese text is made of: printable ASCII and Latin-1 (without
/// the soft hyphen), general punctuation (dashes, quotation marks, ellipsis, per mille; not the
/// format characters around them), CJK ideographs, CJK punctuation (without the combining tone
/// marks U+302A–302F) and full-width forms.
///
/// None is a control or format character (so none needs a placeholder), and none extends,
/// joins to or prepends a neighbour (so there is a grapheme-cluster boundary between any two
/// of them): layout takes a fast path through runs of them.
@inline(__always) func isPlainScalar(_ s: Unicode.Scalar) -> Bool {
    switch s.value {
    case 0x20...0x7E, 0xA0...0xAC, 0xAE...0xFF, 0x2010...0x2027, 0x2030...0x205E, 0x3000...0x3029, 0x3030...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xFF01...0xFF60: return true
    default: return false
    }
}
