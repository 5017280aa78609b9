import CNCursesW
import Glibc

/// Puts the process in a UTF-8 locale before ncurses starts.
///
/// Over SSH the locale is often not forwarded (LANG unset, or naming a locale the server
/// lacks); ncurses in a POSIX locale draws every CJK character as a blank and loses input.
public enum UTF8Locale {
    /// Uses the environment's locale if it is UTF-8, else falls back to C.UTF-8.
    /// Returns false if no UTF-8 locale can be had.
    ///
    /// Only the character type is set: it is all ncurses and `wcwidth` read, and loading the
    /// other eleven categories (an `open` and `mmap` each, two opens for `C.UTF-8`) took about
    /// 0.3 ms of every start.
    public static func activate() -> Bool {
        _ = setlocale(LC_CTYPE, "")
        if isUTF8 { return true }
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] {
            if setlocale(LC_CTYPE, name) != nil && isUTF8 { return true }
        }
        return false
    }

    private static var isUTF8: Bool {
        let codeset = String(cString: cnc_codeset())
        return codeset == "UTF-8" || codeset == "utf8"
    }
}
