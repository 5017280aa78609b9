import TextCore

/// Marks (`m` + letter, `'` + letter), the jump list (Ctrl-O, Ctrl-I/Tab), and jumps that record it.
extension ReaderState {
    /// The jump list the host kept from earlier sessions.
    public func setJumpList(_ places: [JumpPlace]) {
        jumpList = places
        jumpIndex = nil
    }

    /// Records the current place before a jump (g, G, :goto, marks, ]a, search, opening).
    @discardableResult
    func recordJumpFromHere() -> [Effect] {
        guard let viewport else { return [] }
        let here = JumpPlace(path: viewport.document.path, offset: viewport.cursor)
        if jumpIndex != nil {
            jumpList.removeSubrange((jumpIndex! + 1)...)
            jumpIndex = nil
        }
        guard jumpList.last != here else { return [] }
        jumpList.append(here)
        if jumpList.count > 100 { jumpList.removeFirst(jumpList.count - 100) }
        return [.recordJump(path: here.path, offset: here.offset)]
    }

    /// Ctrl-O (`back`) and Ctrl-I (forward).
    func jump(back: Bool) -> [Effect] {
        guard let viewport else { return [] }
        if back {
            if jumpIndex == nil {
                let here = JumpPlace(path: viewport.document.path, offset: viewport.cursor)
                if jumpList.last != here { jumpList.append(here) }
                jumpIndex = jumpList.count - 1
            }
            guard let i = jumpIndex, i > 0 else { show("At the oldest place in the jump list"); return [] }
            jumpIndex = i - 1
        } else {
            guard let i = jumpIndex, i + 1 < jumpList.count else { show("At the newest place in the jump list"); return [] }
            jumpIndex = i + 1
        }
        let place = jumpList[jumpIndex!]
        show("跳 jump \(jumpIndex! + 1)/\(jumpList.count)")
        if place.path == viewport.document.path {
            viewport.setCursor(place.offset)
            viewport.go(toOffset: place.offset)
            return []
        }
        return [.openAt(path: place.path, offset: place.offset)]
    }

    /// True when Tab should go forward in the jump list rather than cycle the focus.
    var canJumpForward: Bool { jumpIndex.map { $0 + 1 < jumpList.count } ?? false }

    func setMark(_ letter: String) -> [Effect] {
        guard let viewport else { return [] }
        marks[letter] = viewport.cursor
        show("标记 mark \(letter) set")
        return [.setMark(letter: letter, offset: viewport.cursor)]
    }

    func goToMark(_ letter: String) -> [Effect] {
        guard let viewport else { return [] }
        if letter == "'" || letter == "`" {
            // '' goes back to where the last jump started.
            return jump(back: true)
        }
        guard let offset = marks[letter] else { show("No mark \(letter) (m\(letter) sets it)"); return [] }
        let effects = recordJumpFromHere()
        viewport.go(toOffset: offset)
        show("标记 mark \(letter)")
        return effects
    }
}
