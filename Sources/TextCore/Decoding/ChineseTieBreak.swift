/// Decides between GB18030 and Big5 when both decode the bytes.
///
/// GB18030 accepts almost any high-byte sequence, so Big5 bytes "decode" as GB18030 garbage
/// without an error (and GBK bytes usually fail strict Big5). The decision: a reading with
/// invalid sequences loses; otherwise the reading with more of the most common Chinese
/// characters (simplified for GB, traditional for Big5) wins.
enum ChineseTieBreak {
    static let gb = "GB18030"
    /// Big5-HKSCS: a superset of Big5 with the ETEN extensions and the Hong Kong characters,
    /// so it reads Taiwan and Hong Kong files alike; CP950 lacks the HKSCS characters.
    static let big5 = "BIG5-HKSCS"

    private static let simplified = Set("的一是不了在人有我他这中大来上个国到说们为和地也子时道出而要于就下得可你年生自会那后能对着事其里所去行过家十用发天如然作方成者多日都三小军二无同么经法当起与好看学进种将还分此心前面又定见只主没公从".unicodeScalars)
    private static let traditional = Set("的一是不了在人有我他這中大來上個國到說們為和地也子時道出而要於就下得可你年生自會那後能對著事其裡所去行過家十用發天如然作方成者多日都三小軍二無同麼經法當起與好看學進種將還分此心前面又定見只主沒公從".unicodeScalars)

    struct Reading {
        var charset: String
        var invalid: Int
        var score: Int
    }

    static func reading(_ sample: [UInt8], as charset: String) -> Reading? {
        guard let (scalars, invalid) = IconvDecoder.decode(sample, charset: charset) else { return nil }
        let common = charset == gb ? simplified : traditional
        let score = scalars.reduce(0) { $0 + (common.contains($1) ? 1 : 0) }
        return Reading(charset: charset, invalid: invalid, score: score)
    }

    /// The better of GB18030 and Big5-HKSCS for `sample`, with a confidence from 0 to 100.
    static func decide(_ sample: [UInt8]) -> (charset: String, confidence: Int)? {
        guard let g = reading(sample, as: gb), let b = reading(sample, as: big5) else { return nil }
        // The sample may end inside a character: allow one invalid sequence at most for it.
        let gOK = g.invalid <= 1, bOK = b.invalid <= 1
        if gOK && !bOK { return (gb, 90) }
        if bOK && !gOK { return (big5, 90) }
        if g.score == b.score { return g.invalid <= b.invalid ? (gb, 40) : (big5, 40) }
        let winner = g.score > b.score ? g : b
        let loser = g.score > b.score ? b : g
        let margin = Double(winner.score - loser.score) / Double(max(1, winner.score))
        return (winner.charset, 50 + Int(margin * 50))
    }
}
