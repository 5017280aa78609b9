/// pizhu-bench's command line, checked before anything is generated or timed: a mistyped
/// option or part is an error with the usage, not a silent full run of half an hour.
struct BenchOptions {
    /// The parts `--only` can name.
    enum Part: String, CaseIterable {
        case decoding, annotations, search, reader, pagers, pty
        case pagersSearch = "pagers-search"
    }

    private static var partNames: String { Part.allCases.map(\.rawValue).joined(separator: ", ") }

    static let usage = """
        usage: pizhu-bench [--quick] [--runs N] [--only PART] [--json PATH]
          --quick       the short run CI makes: fewer sizes, 3 runs a row
          --runs N      runs a row (default 7, 3 with --quick); figures are medians
          --only PART   just one part: \(partNames)
          --json PATH   also write the figures as JSON to PATH
          -h, --help    this text
        """

    var quick = false
    var runs: Int?
    var only: Part?
    var jsonPath: String?
    var help = false

    /// How many times each row is measured: `--runs`, or the default for the kind of run.
    var runsPerRow: Int { runs ?? (quick ? 3 : 7) }

    /// A command line that cannot be run, with what is wrong with it.
    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    /// Reads `arguments` (without the program's name).
    init(_ arguments: [String]) throws(Problem) {
        var rest = arguments[...]
        func value(of option: String) throws(Problem) -> String {
            guard let value = rest.popFirst(), !value.hasPrefix("--") else { throw Problem(description: "\(option) needs a value") }
            return value
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--quick": quick = true
            case "-h", "--help": help = true
            case "--json": jsonPath = try value(of: argument)
            case "--runs":
                let text = try value(of: argument)
                guard let n = Int(text), n > 0 else { throw Problem(description: "--runs needs a positive whole number, not \(text)") }
                runs = n
            case "--only":
                let name = try value(of: argument)
                guard let part = Part(rawValue: name) else {
                    throw Problem(description: "--only \(name): no such part (one of \(Self.partNames))")
                }
                only = part
            default: throw Problem(description: "unknown argument \(argument)")
            }
        }
    }
}
