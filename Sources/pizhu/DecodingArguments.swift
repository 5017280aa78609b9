import ArgumentParser

/// `--encoding` and `--force`, shared by the reader, `cat` and `info`.
struct DecodingArguments: ParsableArguments {
    @Option(help: "Read the files in this encoding (any iconv name: gb18030, gbk, big5, utf-16le, …) instead of detecting it.")
    var encoding: String?

    @Flag(help: "Open files that look binary (NUL bytes, mostly control bytes) anyway.")
    var force = false

    var options: DecodingOptions { DecodingOptions(encoding: encoding, force: force) }
}
