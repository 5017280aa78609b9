import Foundation
import TmuxDriver

/// `swift run -c release pizhu-bench [--quick]`: pizhu beside a baseline measured in the same run.
@main
struct Bench {
    static func main() {
        let quick = CommandLine.arguments.contains("--quick")
        let runs = quick ? 5 : 21
        let seed = TmuxSession.root + "/seeds/003_49d197ff665d3f42.txt"
        let expected = "中国科协党组传达学习"
        print("pizhu-bench: \(runs) runs each, medians; binary \(TmuxSession.binary)")
        print("")
        print(pad("measure", 34) + pad("pizhu", 12) + pad("baseline", 22) + "ratio")
        for (width, height) in [(80, 24), (200, 50)] {
            let pizhu = FirstScreen(label: "pizhu", command: TmuxSession.pizhu(Shell.quote(seed)), expected: expected)
            let less = FirstScreen(label: "less", command: "env LANG=C.UTF-8 less \(Shell.quote(seed))", expected: expected)
            var a: [Double] = []
            var b: [Double] = []
            for _ in 0..<runs {
                // Interleave the two programs so load changes hit both alike.
                if let t = pizhu.measure(width: width, height: height) { a.append(t) }
                if let t = less.measure(width: width, height: height) { b.append(t) }
            }
            let ma = Statistics.median(a), mb = Statistics.median(b)
            print(pad("first screen of a seed \(width)×\(height)", 34) + pad(String(format: "%.1f ms", ma), 12)
                  + pad(String(format: "less %.1f ms", mb), 22) + String(format: "%.2f×", ma / mb))
        }
    }

    static func pad(_ s: String, _ n: Int) -> String {
        s + String(repeating: " ", count: max(1, n - s.count))
    }
}
