import Glibc

/// Reads `length` bytes of `fd` at `offset` into `into`, through short reads and EINTR;
/// returns how many it got (fewer only at the end of the file, e.g. after a truncation).
/// The one `pread` loop of the files read on demand, their count and the byte search.
func preadFully(_ fd: Int32, _ into: UnsafeMutableRawPointer, _ length: Int, at offset: Int) -> Int {
    var done = 0
    while done < length {
        let r = pread(fd, into + done, length - done, off_t(offset + done))
        if r < 0 && errno == EINTR { continue }
        if r <= 0 { break }
        done += r
    }
    return done
}
