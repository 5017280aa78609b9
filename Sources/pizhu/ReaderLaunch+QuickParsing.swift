import TextCore

extension ReaderLaunch {
    /// The plain reading command line (`pizhu [OPTIONS] [PATH…]`) read without ArgumentParser.
    ///
    /// ArgumentParser builds its model of the options by reflection, which takes about 3 ms
    /// at every start (half of pizhu's own time to its first screen). Reading a file is the
    /// common case, so its arguments are read here; anything this does not know for certain
    /// (a subcommand's name, help, an option it does not list, a repeated option, a value that
    /// is missing, looks like an option or is out of range) gives nil, and ArgumentParser reads
    /// the line as always, with its own messages. `QuickParsingTests` checks that both read
    /// every accepted line alike.
    ///
    /// `subcommands` gives the subcommands' names; it is asked only for a path that could be
    /// one (lower-case letters and hyphens), since collecting them costs ArgumentParser's
    /// reflection too.
    init?(quickParsing arguments: [String], subcommands: () -> Set<String>) {
        var launch = ReaderLaunch()
        var seen: Set<String> = []
        var onlyPaths = false
        var i = arguments.startIndex
        while i < arguments.endIndex {
            let argument = arguments[i]
            i += 1
            if onlyPaths || !argument.hasPrefix("-") || argument == "-" {
                // A subcommand's name, even where ArgumentParser would take it as a path, goes to ArgumentParser.
                guard !argument.isEmpty else { return nil }
                if argument.allSatisfy({ ("a"..."z").contains($0) || $0 == "-" }) && subcommands().contains(argument) { return nil }
                launch.paths.append(argument)
                continue
            }
            if argument == "--" { onlyPaths = true; continue }
            let parts = argument.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = String(parts[0])
            guard seen.insert(name).inserted else { return nil }
            var inlineValue = parts.count == 2 ? String(parts[1]) : nil
            func value() -> String? {
                if let v = inlineValue { inlineValue = nil; return v }
                guard i < arguments.endIndex, !arguments[i].hasPrefix("-") else { return nil }
                defer { i += 1 }
                return arguments[i]
            }
            switch name {
            case "--recent": launch.recent = true
            case "--hanging": launch.settings.hanging = true
            case "--spacing": launch.settings.paragraphSpacing = true
            case "--force": launch.force = true
            case "--measure":
                guard let v = value().flatMap(Int.init), LayoutOptions.measureRange.contains(v) else { return nil }
                launch.settings.measure = v
            case "--ambiguous":
                guard let v = value().flatMap(AmbiguousWidth.init(rawValue:)) else { return nil }
                launch.settings.ambiguous = v
            case "--linebreak":
                guard let v = value().flatMap(LineBreakStrictness.init(rawValue:)) else { return nil }
                launch.settings.strictness = v
            case "--encoding":
                guard let v = value(), !v.isEmpty else { return nil }
                launch.encoding = v
            default: return nil
            }
            // A flag given a value (`--force=yes`) is ArgumentParser's to refuse.
            guard inlineValue == nil else { return nil }
        }
        self = launch
    }
}
