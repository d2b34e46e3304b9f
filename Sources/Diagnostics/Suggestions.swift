/// "Did you mean …?" for a misspelt value, a folder or a file name.
public enum Suggestions {
    /// The candidates closest to `word` by edit distance, best first, within a distance
    /// that grows with the length of the word (a third of it, at least 2).
    public static func closest(to word: String, in candidates: [String], limit: Int = 3) -> [String] {
        let w = Array(word.lowercased())
        let threshold = max(2, w.count / 3)
        let scored = candidates.compactMap { c -> (String, Int)? in
            let d = distance(w, Array(c.lowercased()))
            return d <= threshold ? (c, d) : nil
        }
        return scored.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(limit).map(\.0)
    }

    /// `did you mean 'x'?` or `did you mean 'x' or 'y'?`; nil when nothing is close. When
    /// no candidate is a few edits away, an id cut short is one whose words (between
    /// hyphens) it holds, when at most three do: `santa-coloma` → `santa-coloma-de-gramenet`,
    /// `coloma` too (session 26's trial).
    public static func didYouMean(_ word: String, in candidates: [String]) -> String? {
        var found = closest(to: word, in: candidates)
        if found.isEmpty { found = holding(word, in: candidates) }
        return question(found)
    }

    /// `did you mean 'x'?`, `did you mean 'x', 'y' or 'z'?` of names found otherwise; nil
    /// for none.
    public static func question(_ found: [String]) -> String? {
        guard !found.isEmpty else { return nil }
        let quoted = found.map { "'\($0)'" }
        if quoted.count == 1 { return "did you mean \(quoted[0])?" }
        return "did you mean \(quoted.dropLast().joined(separator: ", ")) or \(quoted.last!)?"
    }

    /// The candidates whose hyphen-separated words include every word of `word` (four
    /// letters at least), sorted; none when more than three do (the word says too little).
    static func holding(_ word: String, in candidates: [String]) -> [String] {
        let typed = word.lowercased().split(separator: "-")
        guard !typed.isEmpty, word.count >= 4 else { return [] }
        let found = candidates.filter { c in
            let own = c.lowercased().split(separator: "-")
            return c.count > word.count && typed.allSatisfy(own.contains)
        }
        return found.count <= 3 ? found.sorted() : []
    }

    /// Levenshtein distance, with a transposition counted as one edit.
    public static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var v = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    v = min(v, previous2[j - 2] + 1)
                }
                current[j] = v
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
